import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { apiActor } from "@/lib/server/auth/api-actor";
import { actorFromSessionCookie } from "@/lib/server/auth/actor-from-session-cookie";
import { markGated } from "@/lib/server/http/gate-marker";
import { errorResponse } from "@/lib/server/http/json-error";
import { refuseCrossSite, requireContentType } from "@/lib/server/http/request-guard";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

type Options<P> = {
  // Content types a state-changing request must declare (see requireContentType).
  accepts?: readonly string[];
  // Where a signed-out browser is sent instead of a 401 (a download link on a page whose session
  // expired); without it, 401 in the JSON error shape.
  signedOut?: (params: P) => string;
};

// The one wrapper for route handlers that need a signed-in user. Order: cross-site refusal,
// content type, session cookie or bearer token (api-actor.ts), then the handler, whose use case authorises against the resource's
// own matter. Every failure leaves as the one JSON error shape with the status policy:
// signed out 401, not allowed to know 404, member without the role 403.
export function sessionRoute<P>(handler: (ctx: { request: Request; params: P; actor: Actor }) => Promise<Response>, options: Options<P> = {}): Handler<P> {
  const wrapped: Handler<P> = async (request, context) => {
    try {
      refuseCrossSite(request.method, request.headers);
      if (options.accepts) requireContentType(request.headers, options.accepts);
      const params = await context.params;
      // The session is read from the request's own cookie header, not from Next.js's request
      // context: the web server calls GET handlers itself (lib/server/http/api-read-router.ts).
      const actor = await apiActor(request.headers, request.method, () => actorFromSessionCookie(request.headers));
      if (!actor) {
        if (options.signedOut) return new Response(null, { status: 303, headers: { Location: options.signedOut(params) } });
        throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
      }
      return await handler({ request, params, actor });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return markGated(wrapped, { kind: "session-route" });
}

// Route handlers anyone may call (the public claim API). Rate limits live in their use case's
// intake function, which the production web server's lean path shares.
export function publicRoute<P>(handler: (ctx: { request: Request; params: P }) => Promise<Response>, options: Omit<Options<P>, "signedOut"> = {}): Handler<P> {
  const wrapped: Handler<P> = async (request, context) => {
    try {
      refuseCrossSite(request.method, request.headers);
      if (options.accepts) requireContentType(request.headers, options.accepts);
      return await handler({ request, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return markGated(wrapped, { kind: "public-route" });
}
