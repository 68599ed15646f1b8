import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth/auth";
import { markGated } from "@/lib/server/http/gate-marker";

// Auth.js's own endpoints (sign-in callbacks, session, CSRF token, sign-out): the library checks
// its CSRF token on every POST; the credentials providers it calls are rate-limited in auth.ts.
export const GET = markGated((request: NextRequest) => handlers.GET(request), { kind: "auth-library-route" });
export const POST = markGated((request: NextRequest) => handlers.POST(request), { kind: "auth-library-route" });
