import { describe, expect, it, vi } from "vitest";

// A request with no cookie, as Next.js's request scope would give it to the route (a test has no
// request scope of its own): the route wrapper's session reader, next-auth and our code run as
// they are, and find nobody signed in.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { randomUUID } from "node:crypto";
import * as claimsRoute from "@/app/api/v1/matters/[matterId]/claims/route";
import * as decisionRoute from "@/app/api/v1/matters/[matterId]/claims/[claimId]/decision/route";
import * as exhibitRoute from "@/app/api/v1/matters/[matterId]/exhibits/[exhibitId]/route";
import * as exhibitsRoute from "@/app/api/v1/matters/[matterId]/exhibits/route";
import * as gapsRoute from "@/app/api/v1/matters/[matterId]/gaps/route";
import * as linksRoute from "@/app/api/v1/matters/[matterId]/allegations/[allegationId]/links/route";

describe("JSON API without a token or a session", () => {
  it("answers 401 in the one error shape on every new route, before reading a body", async () => {
    const ids = { matterId: randomUUID(), exhibitId: randomUUID(), allegationId: randomUUID(), claimId: randomUUID() };
    const get = (h: (r: Request, c: { params: Promise<typeof ids> }) => Promise<Response>) => h(new Request("http://localhost/api/v1/x"), { params: Promise.resolve(ids) });
    const post = (h: (r: Request, c: { params: Promise<typeof ids> }) => Promise<Response>) =>
      h(new Request("http://localhost/api/v1/x", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": "k" }, body: "{}" }), { params: Promise.resolve(ids) });
    const answers = await Promise.all([
      get(exhibitsRoute.GET),
      get(exhibitRoute.GET),
      get(linksRoute.GET),
      get(gapsRoute.GET),
      get(claimsRoute.GET),
      post(linksRoute.POST),
      post(decisionRoute.POST),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } });
    }
  });
});
