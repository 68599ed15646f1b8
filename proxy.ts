import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/server/env";
import { createNonce, HSTS, pageContentSecurityPolicy, servedOverHttps } from "@/lib/server/http/security-headers";

// Not an access gate (use cases authorise). It gives every page its Content-Security-Policy with a
// fresh nonce — on the request too, where Next.js reads the nonce to put it on its own scripts —
// and tells server components which path was asked for, so sign-in can send the visitor back there.
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({ nonce: createNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-proofline-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps(request.headers, { appUrl: env.APP_URL, trustedProxyHops: env.TRUSTED_PROXY_HOPS })) {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  return response;
}

export const config = {
  // Left out: files and API answers, and the claim documents' download routes, which send their
  // own sandboxing policy (Next.js would keep this one over a route handler's).
  matcher: ["/((?!_next/|api/|favicon.ico|fonts/|.*/attachments/).*)"],
};
