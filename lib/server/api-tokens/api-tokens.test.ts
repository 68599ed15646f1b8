import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { randomUUID } from "node:crypto";
import pg from "pg";
import { isAppError } from "@/lib/app-error";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { listAllegationsForApi } from "@/lib/server/api/list-allegations";
import { apiActor } from "@/lib/server/auth/api-actor";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import type { Actor } from "@/lib/server/auth/actor";
import { sealAllAuditEvents } from "@/lib/server/audit/seal-audit-events";
import { unsafeVerifyChain } from "@/lib/server/audit/verify-audit-chain";
import { db } from "@/lib/server/db";
import { receiveExhibitUpload } from "@/lib/server/exhibits/receive-exhibit-upload";
import { listMyMatters } from "@/lib/server/matters/list-my-matters";
import { addMember, makeMatter, makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validAllegationInput } from "@/lib/server/testing/ledger-fixtures";

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });
const noSession = async () => null;
const asToken = async (token: string, method = "GET") => (await apiActor(bearer(token), method, noSession))!;
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "allowed";
}
const upload = (actor: () => Promise<Actor | null>, matterId: string, headers: Headers) => {
  headers.set("content-type", "application/octet-stream");
  headers.set("x-file-name", "notes.txt");
  return receiveExhibitUpload(actor, matterId, (async function* () {
    yield Buffer.from(`token upload ${randomUUID()}`);
  })(), headers);
};

describe("personal access tokens", () => {
  it("stand for their owner on the matters they name, and nowhere else", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const other = await makeMatter("Other v. Matter");
    await addMember(paralegal, other.id, "PARALEGAL");
    await createAllegation(paralegal, matter.id, validAllegationInput());
    const { token } = await createApiToken(paralegal, { name: "review export", access: "READ", matterIds: matter.id, expiresInDays: "30" });
    expect(token).toMatch(/^pl_[0-9a-f]{32}_[\w-]{43}$/);
    const actor = await asToken(token);
    expect(actor.userId).toBe(paralegal.userId);
    const page = await listAllegationsForApi(actor, matter.id, {});
    expect(page.allegations).toHaveLength(1);
    expect(page.allegations[0]!.status).toBe("UNSUPPORTED");
    // The owner is on the other matter too, but the token was not made for it.
    expect(await refusal(listAllegationsForApi(actor, other.id, {}))).toBe("NOT_FOUND");
    expect((await listMyMatters(actor)).map((m) => m.id)).toEqual([matter.id]);
    // Administration and new tokens need a session.
    expect(await refusal(createApiToken(actor, { name: "x", access: "WRITE", matterIds: matter.id, expiresInDays: "1" }))).toBe("NOT_FOUND");
  });

  it("stores only a hash, and refuses a wrong secret, a revoked or an expired token, and a disabled owner", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const { id, token } = await createApiToken(paralegal, { name: "feed", access: "WRITE", matterIds: [matter.id], expiresInDays: "7" });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).not.toContain(token.split("_")[2]!);
    const forged = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await refusal(apiActor(bearer(forged), "GET", noSession))).toBe("UNAUTHENTICATED");
    expect(await refusal(apiActor(new Headers({ authorization: "Bearer nonsense" }), "GET", noSession))).toBe("UNAUTHENTICATED");
    // Only the owner can revoke it: anyone else is told it does not exist.
    expect(await refusal(revokeApiToken(attorney, { tokenId: id }))).toBe("NOT_FOUND");
    await revokeApiToken(paralegal, { tokenId: id });
    await revokeApiToken(paralegal, { tokenId: id });
    expect(await refusal(apiActor(bearer(token), "GET", noSession))).toBe("UNAUTHENTICATED");
    expect((await listApiTokens(paralegal))[0]).toMatchObject({ name: "feed", state: "revoked" });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "api-token.revoke" } })).toBe(1);

    const second = await createApiToken(paralegal, { name: "short", access: "READ", matterIds: [matter.id], expiresInDays: "1" });
    await db.apiToken.update({ where: { id: second.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(apiActor(bearer(second.token), "GET", noSession))).toBe("UNAUTHENTICATED");

    const third = await createApiToken(paralegal, { name: "owner leaves", access: "READ", matterIds: [matter.id], expiresInDays: "1" });
    await db.user.update({ where: { id: paralegal.userId }, data: { disabledAt: new Date() } });
    expect(await refusal(apiActor(bearer(third.token), "GET", noSession))).toBe("UNAUTHENTICATED");
  });

  it("cannot be made for a matter the owner is not on, and names each bad field", async () => {
    const { matter, paralegal, outsider, member } = await makeMatterWithTeam();
    expect(await refusal(createApiToken(outsider, { name: "x", access: "READ", matterIds: matter.id, expiresInDays: "1" }))).toBe("NOT_FOUND");
    expect(await refusal(createApiToken(member, { name: "x", access: "READ", matterIds: matter.id, expiresInDays: "1" }))).toBe("NOT_FOUND");
    try {
      await createApiToken(paralegal, { name: "", access: "ALL" as "READ", matterIds: [], expiresInDays: "9999" });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["access", "expiresInDays", "matterIds", "name"]);
    }
    expect(await db.apiToken.count({ where: { userId: paralegal.userId } })).toBe(0);
  });

  it("a read-only token cannot write; a write token's change is audited with the token and the chain still verifies", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const read = await createApiToken(paralegal, { name: "reader", access: "READ", matterIds: [matter.id], expiresInDays: "1" });
    const refused = await upload(noSession, matter.id, bearer(read.token));
    expect(refused.status).toBe(403);
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(0);

    const write = await createApiToken(paralegal, { name: "collector", access: "WRITE", matterIds: [matter.id], expiresInDays: "1" });
    const answer = await upload(noSession, matter.id, bearer(write.token));
    expect(answer.status).toBe(201);
    const exhibitId = (answer.body as { exhibit: { id: string } }).exhibit.id;
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibitId, action: "exhibit.upload" } });
    expect(event).toMatchObject({ actorId: paralegal.userId, viaTokenId: write.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: write.id } })).lastUsedAt).not.toBeNull();
    await sealAllAuditEvents();
    const report = await unsafeVerifyChain(matter.id);
    expect(report.ok).toBe(true);
    // Rewriting which token made the change (as only the tables' owner could) breaks the chain.
    const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
    await owner.connect();
    try {
      await owner.query("SET session_replication_role = replica");
      await owner.query(`UPDATE "AuditEvent" SET "viaTokenId" = $1 WHERE id = $2`, [read.id, event.id.toString()]);
    } finally {
      await owner.end();
    }
    expect((await unsafeVerifyChain(matter.id)).ok).toBe(false);
  });
});
