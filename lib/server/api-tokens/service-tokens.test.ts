import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/app-error";
import * as claimsRoute from "@/app/api/v1/matters/[matterId]/claims/route";
import { createAnyServiceToken } from "@/lib/server/api-tokens/create-any-service-token";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { createServiceToken } from "@/lib/server/api-tokens/create-service-token";
import { listAnyServiceTokens } from "@/lib/server/api-tokens/list-any-service-tokens";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { listServiceTokens } from "@/lib/server/api-tokens/list-service-tokens";
import { revokeAnyServiceToken } from "@/lib/server/api-tokens/revoke-any-service-token";
import { revokeServiceToken } from "@/lib/server/api-tokens/revoke-service-token";
import { apiActor } from "@/lib/server/auth/api-actor";
import { actorFromBearerToken } from "@/lib/server/auth/actor-from-bearer-token";
import { requirePermission } from "@/lib/server/auth/policy";
import { claimIntake } from "@/lib/server/claims/claim-intake";
import { db } from "@/lib/server/db";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "allowed";
}
const file = (slug: string, token?: string, claim: Record<string, unknown> = validClaimInput(), ip = "203.0.113.9") =>
  claimIntake(slug, JSON.stringify(claim), new Headers({ "content-type": "application/json", "x-forwarded-for": ip, ...(token ? { authorization: `Bearer ${token}` } : {}) }));

describe("claim-feed service tokens", () => {
  it("are made by the matter's attorneys or an administrator, not by paralegals or outsiders", async () => {
    const { matter, attorney, paralegal, outsider, admin } = await makeClaimMatter();
    const made = await createServiceToken(attorney, matter.id, { name: "Notice administrator", expiresInDays: "30" });
    expect(made.token).toMatch(/^pl_[0-9a-f]{32}_/);
    expect(await refusal(createServiceToken(paralegal, matter.id, { name: "x", expiresInDays: "1" }))).toBe("FORBIDDEN");
    expect(await refusal(createServiceToken(outsider, matter.id, { name: "x", expiresInDays: "1" }))).toBe("NOT_FOUND");
    expect(await refusal(createServiceToken(admin, matter.id, { name: "x", expiresInDays: "1" }))).toBe("NOT_FOUND");
    const byAdmin = await createAnyServiceToken(admin, { matterId: matter.id, name: "Admin feed", expiresInDays: "7" });
    expect(await refusal(createAnyServiceToken(attorney, { matterId: matter.id, name: "x", expiresInDays: "1" }))).toBe("NOT_FOUND");
    expect(await refusal(createAnyServiceToken(admin, { matterId: crypto.randomUUID(), name: "x", expiresInDays: "1" }))).toBe("VALIDATION");

    const listed = await listServiceTokens(attorney, matter.id);
    expect(listed.map((t) => t.name)).toEqual(["Admin feed", "Notice administrator"]);
    expect(listed[1]).toMatchObject({ createdBy: attorney.name, matter: { id: matter.id }, state: "active" });
    expect((await listAnyServiceTokens(admin)).map((t) => t.id)).toEqual(expect.arrayContaining([made.id, byAdmin.id]));
    // Not a personal token: the maker's own list does not show it, nor can they revoke it there.
    expect((await listApiTokens(attorney)).map((t) => t.id)).not.toContain(made.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: made.id, action: "service-token.create" } });
    expect(audit.matterId).toBe(matter.id);
  });

  it("file claims on their one matter only, audited with the token, and are refused everywhere else", async () => {
    const { matter, attorney, paralegal } = await makeClaimMatter();
    const other = await makeClaimMatter();
    const feed = await createServiceToken(attorney, matter.id, { name: "Feed", expiresInDays: "30" });

    const filed = await file(matter.slug, feed.token);
    expect(filed.status).toBe(201);
    const number = (filed.body as { number: string }).number;
    const claim = await db.claim.findFirstOrThrow({ where: { number } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.submit" } });
    expect(audit).toMatchObject({ viaTokenId: feed.id, actorId: null, matterId: matter.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: feed.id } })).lastUsedAt).not.toBeNull();
    // The public form still needs no token; its claims carry none.
    const anonymous = await file(matter.slug);
    expect(anonymous.status).toBe(201);

    // Another matter's claim form: not the token's to know.
    expect((await file(other.matter.slug, feed.token)).status).toBe(404);
    // A personal token is not a feed.
    const personal = await createApiToken(paralegal, { name: "mine", access: "WRITE", matterIds: [matter.id], expiresInDays: "1" });
    expect((await file(matter.slug, personal.token)).status).toBe(403);

    // Everywhere but the claim intake: 403 at the gate (it names the one thing the token does).
    const bearer = new Headers({ authorization: `Bearer ${feed.token}` });
    expect(await refusal(apiActor(bearer, "GET", async () => null))).toBe("FORBIDDEN");
    expect(await refusal(apiActor(bearer, "POST", async () => null))).toBe("FORBIDDEN");
    const listed = await claimsRoute.GET(new Request(`http://localhost/api/v1/matters/${matter.id}/claims`, { headers: bearer }), { params: Promise.resolve({ matterId: matter.id }) });
    expect(listed.status).toBe(403);
    expect(((await listed.json()) as { error: { message: string } }).error.message).toMatch(/only file claims/);
    // And should a service actor reach a use case some other way, the policy knows no matter for it.
    const bearerActor = await actorFromBearerToken(`Bearer ${feed.token}`, undefined);
    expect(bearerActor.kind).toBe("actor");
    if (bearerActor.kind === "actor") expect(await refusal(requirePermission(bearerActor.actor, matter.id, "matter.read"))).toBe("NOT_FOUND");

    // Revoked, by any attorney of the matter: 401 from then on.
    expect(await refusal(revokeServiceToken(paralegal, matter.id, { tokenId: feed.id }))).toBe("FORBIDDEN");
    expect(await refusal(revokeServiceToken(other.attorney, other.matter.id, { tokenId: feed.id }))).toBe("NOT_FOUND");
    await revokeServiceToken(attorney, matter.id, { tokenId: feed.id });
    expect((await file(matter.slug, feed.token)).status).toBe(401);
    expect(await db.auditEvent.count({ where: { entityId: feed.id, action: "service-token.revoke", matterId: matter.id } })).toBe(1);
    expect(await db.claim.count({ where: { matterId: other.matter.id } })).toBe(0);
  });

  it("expire, are revocable by administrators, and are limited per token rather than per address", async () => {
    const { matter, attorney, admin } = await makeClaimMatter();
    const feed = await createServiceToken(attorney, matter.id, { name: "Busy feed", expiresInDays: "1" });
    // More claims from one address than the public form allows it in an hour (30).
    const answers = [];
    for (let i = 0; i < 32; i++) answers.push((await file(matter.slug, feed.token, validClaimInput(), "198.51.100.77")).status);
    expect(answers.every((s) => s === 201)).toBe(true);
    const replay = validClaimInput();
    expect((await file(matter.slug, feed.token, replay)).status).toBe(201);
    expect((await file(matter.slug, feed.token, replay)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { viaTokenId: feed.id, action: "claim.submit" } })).toBe(33);

    await db.apiToken.update({ where: { id: feed.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await file(matter.slug, feed.token)).status).toBe(401);
    const second = await createServiceToken(attorney, matter.id, { name: "Second", expiresInDays: "1" });
    await revokeAnyServiceToken(admin, { tokenId: second.id });
    expect((await file(matter.slug, second.token)).status).toBe(401);
    expect(await refusal(revokeAnyServiceToken(attorney, { tokenId: second.id }))).toBe("NOT_FOUND");
  });
});
