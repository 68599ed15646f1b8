import { NextResponse, type NextRequest } from "next/server";

// Not an access gate (use cases authorise): it only tells server components which path was
// asked for, so sign-in can send the visitor back there.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-proofline-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico|fonts/).*)"],
};
