import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-api-v1-${process.pid}-${Date.now()}`;
});

import { randomUUID } from "node:crypto";
import * as claimsRoute from "@/app/api/v1/matters/[matterId]/claims/route";
import * as decisionRoute from "@/app/api/v1/matters/[matterId]/claims/[claimId]/decision/route";
import * as exhibitRoute from "@/app/api/v1/matters/[matterId]/exhibits/[exhibitId]/route";
import * as exhibitsRoute from "@/app/api/v1/matters/[matterId]/exhibits/route";
import * as gapsRoute from "@/app/api/v1/matters/[matterId]/gaps/route";
import * as linksRoute from "@/app/api/v1/matters/[matterId]/allegations/[allegationId]/links/route";
import * as allegationsRoute from "@/app/api/v1/matters/[matterId]/allegations/route";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import type { Actor } from "@/lib/server/auth/actor";
import { apiActor } from "@/lib/server/auth/api-actor";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { db } from "@/lib/server/db";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { addMember, makeMatter } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput } from "@/lib/server/testing/ledger-fixtures";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
type Call = { token?: string; query?: Record<string, string>; body?: unknown; headers?: Record<string, string> };

async function call<P extends Record<string, string>>(handler: Handler<P>, path: string, params: P, c: Call = {}) {
  const url = new URL(`http://localhost${path}`);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(c.headers);
  if (c.token) headers.set("authorization", `Bearer ${c.token}`);
  const init: RequestInit = { method: c.body === undefined ? "GET" : "POST", headers };
  if (c.body !== undefined) {
    headers.set("content-type", "application/json");
    init.body = typeof c.body === "string" ? c.body : JSON.stringify(c.body);
  }
  const response = await handler(new Request(url, init), { params: Promise.resolve(params) });
  const text = await response.text();
  // JSON.parse's own (any) type: the assertions below read the answers' fields freely.
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const token = async (owner: Actor, matterIds: string[], access: "READ" | "WRITE" = "READ") =>
  (await createApiToken(owner, { name: `t-${randomUUID().slice(0, 6)}`, access, matterIds, expiresInDays: "1" })).token;

// Every page of a list, following nextCursor; the ids in the order they came.
async function everyPage<P extends Record<string, string>>(handler: Handler<P>, path: string, params: P, key: string, c: Call & { query: Record<string, string> }) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await call(handler, path, params, { ...c, query: { ...c.query, ...(cursor ? { cursor } : {}) } });
    expect(page.status).toBe(200);
    ids.push(...(page.body[key] as { id: string }[]).map((r) => r.id));
    cursor = page.body.nextCursor as string | null;
    pages++;
  } while (cursor && pages < 100);
  return { ids, pages };
}

async function world() {
  const team = await makeClaimMatter();
  const other = await makeMatter("Other v. Matter");
  await addMember(team.paralegal, other.id, "PARALEGAL");
  await addMember(team.attorney, other.id, "ATTORNEY");
  return { ...team, other };
}

describe("JSON API: exhibits", () => {
  it("lists every exhibit exactly once across cursor pages, filters by designation, searches, and gets one with its SHA-256", async () => {
    const w = await world();
    const m = w.matter.id;
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await makeLinkableExhibit(m, w.attorney, { privilege: i % 3 === 0 ? "WORK_PRODUCT" : "NONE" }));
    const searchable = await makeExhibit(w.attorney, m, { bytes: Buffer.from(`Capture notes: the app called alog.umeng.com ${randomUUID()}\n`), extract: true });
    const read = await token(w.paralegal, [m]);
    const path = `/api/v1/matters/${m}/exhibits`;

    const all = await everyPage(exhibitsRoute.GET, path, { matterId: m }, "exhibits", { token: read, query: { limit: "3" } });
    expect(all.pages).toBe(3);
    expect(all.ids).toEqual([...made.map((x) => x.id), searchable.exhibit.id]);
    expect(new Set(all.ids).size).toBe(all.ids.length);

    // Privileged exhibits are the team's, paralegals included, marked as such (as on the page).
    const privileged = await call(exhibitsRoute.GET, path, { matterId: m }, { token: read, query: { designation: "PRIVILEGED" } });
    expect(privileged.body.exhibits.map((x: { id: string }) => x.id)).toEqual(made.filter((_, i) => i % 3 === 0).map((x) => x.id));
    expect(privileged.body.exhibits.every((x: { privilege: string }) => x.privilege === "WORK_PRODUCT")).toBe(true);

    const found = await call(exhibitsRoute.GET, path, { matterId: m }, { token: read, query: { q: "umeng" } });
    expect(found.status).toBe(200);
    expect(found.body.exhibits).toHaveLength(1);
    expect(found.body.exhibits[0]).toMatchObject({ id: searchable.exhibit.id, match: { page: 1 } });
    expect(found.body.exhibits[0].match.snippet).toContain("\u0001");
    // Several found: each once, in number order, by cursor, each with where it matched.
    const more = [];
    for (let i = 0; i < 2; i++) more.push(await makeExhibit(w.attorney, m, { bytes: Buffer.from(`Second capture ${i}: umeng.com again ${randomUUID()}\n`), extract: true }));
    const pagedSearch = await everyPage(exhibitsRoute.GET, path, { matterId: m }, "exhibits", { token: read, query: { q: "umeng", limit: "1" } });
    expect(pagedSearch.ids).toEqual([searchable.exhibit.id, ...more.map((x) => x.exhibit.id)]);
    expect(pagedSearch.pages).toBe(3);
    // A cursor edited by hand past what an exhibit number can hold is named, not a 500.
    const pastInt4 = Buffer.from(JSON.stringify([2 ** 40])).toString("base64url");
    for (const q of [{}, { q: "umeng" }] as Record<string, string>[]) {
      const answer = await call(exhibitsRoute.GET, path, { matterId: m }, { token: read, query: { ...q, cursor: pastInt4 } });
      expect(answer.status).toBe(422);
      expect(Object.keys(answer.body.error.fieldErrors)).toEqual(["cursor"]);
    }
    const bad = await call(exhibitsRoute.GET, path, { matterId: m }, { token: read, query: { q: '"unbalanced', limit: "0", designation: "SECRET" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fieldErrors).sort()).toEqual(["designation", "limit", "q"]);
    expect((await call(exhibitsRoute.GET, path, { matterId: m }, { token: read, query: { cursor: "forged" } })).status).toBe(422);

    // ETag: an unchanged list is 304.
    const first = await call(exhibitsRoute.GET, path, { matterId: m }, { token: read });
    expect((await call(exhibitsRoute.GET, path, { matterId: m }, { token: read, headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);

    const one = await call(exhibitRoute.GET, `${path}/${searchable.exhibit.id}`, { matterId: m, exhibitId: searchable.exhibit.id }, { token: read });
    expect(one.status).toBe(200);
    expect(one.body.exhibit).toMatchObject({ id: searchable.exhibit.id, sha256: searchable.exhibit.blobSha256, originalFilename: "exhibit.txt" });
    // Another matter's exhibit through this matter's URL, and an id that is not one: 404.
    const elsewhere = await makeLinkableExhibit(w.other.id, w.attorney);
    expect((await call(exhibitRoute.GET, "/x", { matterId: m, exhibitId: elsewhere.id }, { token: read })).status).toBe(404);
    expect((await call(exhibitRoute.GET, "/x", { matterId: m, exhibitId: "nope" }, { token: read })).status).toBe(404);
  });
});

describe("JSON API: refusals", () => {
  it("401 without a token (and for a revoked or expired one), 404 for a matter the token was not made for, 403 for a read token on a write route", async () => {
    const w = await world();
    const m = w.matter.id;
    const allegation = await createAllegation(w.paralegal, m, validAllegationInput());
    const exhibit = await makeLinkableExhibit(m, w.attorney);
    const claim = await submitClaim(w.matter.slug, validClaimInput(), { ip: null });
    const onOther = await token(w.attorney, [w.other.id], "WRITE");
    const read = await token(w.attorney, [m], "READ");
    const revoked = await createApiToken(w.attorney, { name: "gone", access: "WRITE", matterIds: [m], expiresInDays: "1" });
    await revokeApiToken(w.attorney, { tokenId: revoked.id });
    const expired = await createApiToken(w.attorney, { name: "old", access: "WRITE", matterIds: [m], expiresInDays: "1" });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const gets = [
      (c: Call) => call(exhibitsRoute.GET, "/x", { matterId: m }, c),
      (c: Call) => call(exhibitRoute.GET, "/x", { matterId: m, exhibitId: exhibit.id }, c),
      (c: Call) => call(linksRoute.GET, "/x", { matterId: m, allegationId: allegation.id }, c),
      (c: Call) => call(gapsRoute.GET, "/x", { matterId: m }, c),
      (c: Call) => call(claimsRoute.GET, "/x", { matterId: m }, c),
    ];
    const posts = [
      (c: Call) => call(linksRoute.POST, "/x", { matterId: m, allegationId: allegation.id }, { ...c, body: { exhibitId: exhibit.id, relation: "SUPPORTS" } }),
      (c: Call) => call(decisionRoute.POST, "/x", { matterId: m, claimId: claim.claimId }, { ...c, body: { decision: "approve" } }),
    ];
    for (const get of gets) {
      expect((await get({ token: read })).status).toBe(200);
      expect((await get({ token: onOther })).status).toBe(404);
      expect((await get({ token: revoked.token })).status).toBe(401);
      expect((await get({ token: expired.token })).status).toBe(401);
      expect((await get({ token: "pl_nonsense" })).body.error.code).toBe("UNAUTHENTICATED");
    }
    for (const post of posts) {
      expect((await post({ token: read })).status).toBe(403);
      expect((await post({ token: onOther })).status).toBe(404);
      expect((await post({ token: revoked.token })).status).toBe(401);
      expect((await post({ token: expired.token })).status).toBe(401);
    }
    // No token: the wrapper falls back to the session (api-v1-signed-out.test.ts: 401 with none).
    expect(await apiActor(new Headers(), "GET", async () => null)).toBeNull();
    expect(await db.evidenceLink.count({ where: { matterId: m } })).toBe(0);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.claimId } })).status).toBe("SUBMITTED");
  });
});

describe("JSON API: allegations, gaps and claims", () => {
  it("lists allegations in complaint order, every one exactly once across cursor pages, by status too, and names a bad cursor", async () => {
    const w = await world();
    const m = w.matter.id;
    for (const paragraph of [12, 3, 7, 30, 1, 18, 5]) await createAllegation(w.paralegal, m, validAllegationInput({ paragraph }));
    await createAllegation(w.paralegal, w.other.id, validAllegationInput({ paragraph: 2 }));
    const read = await token(w.paralegal, [m]);
    const path = `/api/v1/matters/${m}/allegations`;
    const first = await call(allegationsRoute.GET, path, { matterId: m }, { token: read });
    expect((first.body.allegations as { paragraph: string }[]).map((a) => a.paragraph)).toEqual(["1", "3", "5", "7", "12", "18", "30"]);
    const { ids, pages } = await everyPage(allegationsRoute.GET, path, { matterId: m }, "allegations", { token: read, query: { limit: "2" } });
    expect(pages).toBe(4);
    expect(ids).toEqual((first.body.allegations as { id: string }[]).map((a) => a.id));
    expect((await everyPage(allegationsRoute.GET, path, { matterId: m }, "allegations", { token: read, query: { limit: "3", status: "UNSUPPORTED" } })).ids).toHaveLength(7);
    expect((await call(allegationsRoute.GET, path, { matterId: m }, { token: read, query: { status: "SUPPORTED" } })).body.allegations).toEqual([]);
    // Cursors edited by hand: not JSON, a fraction, a number past int4, an id that is not a UUID.
    for (const key of [null, [1.5, randomUUID()], [2 ** 40, randomUUID()], [1, "x"]]) {
      const cursor = key ? Buffer.from(JSON.stringify(key)).toString("base64url") : "forged";
      const answer = await call(allegationsRoute.GET, path, { matterId: m }, { token: read, query: { cursor } });
      expect(answer.status, JSON.stringify(key)).toBe(422);
      expect(Object.keys(answer.body.error.fieldErrors)).toEqual(["cursor"]);
    }
  });

  it("links evidence with an Idempotency-Key once, replays it, refuses a changed body, and the gap report follows", async () => {
    const w = await world();
    const m = w.matter.id;
    const allegation = await createAllegation(w.paralegal, m, validAllegationInput());
    const exhibit = await makeLinkableExhibit(m, w.attorney);
    const write = await token(w.paralegal, [m], "WRITE");
    const params = { matterId: m, allegationId: allegation.id };
    const path = `/api/v1/matters/${m}/allegations/${allegation.id}/links`;

    const gapsBefore = await call(gapsRoute.GET, `/api/v1/matters/${m}/gaps`, { matterId: m }, { token: write });
    expect(gapsBefore.body.gaps).toEqual([expect.objectContaining({ id: allegation.id, status: "UNSUPPORTED", openRequests: [] })]);

    const key = randomUUID();
    const body = { exhibitId: exhibit.id, relation: "SUPPORTS", pinCite: "entry 214" };
    const created = await call(linksRoute.POST, path, params, { token: write, body, headers: { "idempotency-key": key } });
    expect(created.status).toBe(201);
    expect(created.body.link).toMatchObject({ allegationId: allegation.id, relation: "SUPPORTS", pinCite: "entry 214", exhibit: { id: exhibit.id } });
    // The same body, its keys in another order: the first answer again, and no second row.
    const replay = await call(linksRoute.POST, path, params, { token: write, body: { pinCite: "entry 214", relation: "SUPPORTS", exhibitId: exhibit.id }, headers: { "idempotency-key": key } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(created.body);
    const changed = await call(linksRoute.POST, path, params, { token: write, body: { ...body, pinCite: "entry 215" }, headers: { "idempotency-key": key } });
    expect(changed.status).toBe(422);
    expect(changed.body.error.fieldErrors).toHaveProperty("Idempotency-Key");
    expect(await db.evidenceLink.count({ where: { allegationId: allegation.id } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { action: "evidence.link", matterId: m } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: w.paralegal.userId, viaTokenId: expect.any(String) });
    // Another caller's identical key is theirs alone.
    const otherToken = await token(w.attorney, [m], "WRITE");
    expect((await call(linksRoute.POST, path, params, { token: otherToken, body, headers: { "idempotency-key": key } })).status).toBe(201);
    expect(await db.evidenceLink.count({ where: { allegationId: allegation.id } })).toBe(2);
    // Without a key each POST writes; bad input names its fields and leaves the key free.
    const refused = await call(linksRoute.POST, path, params, { token: write, body: { exhibitId: "x", relation: "MAYBE" }, headers: { "idempotency-key": "k2" } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.fieldErrors).sort()).toEqual(["exhibitId", "relation"]);
    expect((await call(linksRoute.POST, path, params, { token: write, body: { ...body, relation: "CONTEXT" }, headers: { "idempotency-key": "k2" } })).status).toBe(201);
    expect((await call(linksRoute.POST, path, params, { token: write, body: "[1]" })).status).toBe(400);
    expect((await call(linksRoute.POST, path, params, { token: write, body, headers: { "idempotency-key": "has space" } })).status).toBe(422);

    const links = await call(linksRoute.GET, path, params, { token: write });
    expect(links.body.allegation).toMatchObject({ id: allegation.id, status: "SUPPORTED" });
    expect(links.body.links).toHaveLength(3);
    const gapsAfter = await call(gapsRoute.GET, `/api/v1/matters/${m}/gaps`, { matterId: m }, { token: write });
    expect(gapsAfter.body.gaps).toEqual([]);

    // An allegation an amended complaint withdrew takes no new link: 409 naming the ¶, nothing written.
    await db.allegation.update({ where: { id: allegation.id }, data: { withdrawnAt: new Date(), withdrawnById: w.paralegal.userId } });
    const withdrawn = await call(linksRoute.POST, path, params, { token: write, body, headers: { "idempotency-key": randomUUID() } });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.error.message).toMatch(/^¶ \S+ was withdrawn by an amended complaint/);
    expect(await db.evidenceLink.count({ where: { allegationId: allegation.id } })).toBe(3);
  });

  it("pages the gap report by cursor exactly once, with the whole report's totals on each page, and names a bad cursor or limit", async () => {
    const w = await world();
    const m = w.matter.id;
    const made = [];
    for (const paragraph of [5, 1, 4, 2, 3]) made.push(await createAllegation(w.paralegal, m, validAllegationInput({ paragraph })));
    const exhibit = await makeLinkableExhibit(m, w.attorney);
    await db.evidenceLink.create({ data: { matterId: m, allegationId: made[3]!.id, exhibitId: exhibit.id, relation: "SUPPORTS", createdById: w.attorney.userId } });
    const read = await token(w.paralegal, [m]);
    const path = `/api/v1/matters/${m}/gaps`;
    const all = await everyPage(gapsRoute.GET, path, { matterId: m }, "gaps", { token: read, query: { limit: "2" } });
    expect(all.pages).toBe(2);
    expect(all.ids).toEqual([made[1]!.id, made[4]!.id, made[2]!.id, made[0]!.id]);
    const first = await call(gapsRoute.GET, path, { matterId: m }, { token: read, query: { limit: "3" } });
    expect(first.body.totals).toEqual({ gaps: 4, byStatus: { UNSUPPORTED: 4, CONTRADICTED: 0, PARTIAL: 0, SUPPORTED: 0 }, flagged: 0 });
    expect(first.body.gaps.map((g: { paragraphLabel: string }) => g.paragraphLabel)).toEqual(["1", "3", "4"]);
    expect(first.headers.get("etag")).toBeTruthy();
    const last = await call(gapsRoute.GET, path, { matterId: m }, { token: read, query: { limit: "3", cursor: first.body.nextCursor } });
    expect(last.body).toMatchObject({ totals: { gaps: 4 }, nextCursor: null });
    expect(last.body.gaps.map((g: { paragraph: number }) => g.paragraph)).toEqual([5]);

    for (const [query, field] of [[{ cursor: "forged" }, "cursor"], [{ cursor: Buffer.from(JSON.stringify([1, "x"])).toString("base64url") }, "cursor"], [{ limit: "501" }, "limit"], [{ limit: "0" }, "limit"]] as const) {
      const refused = await call(gapsRoute.GET, path, { matterId: m }, { token: read, query });
      expect(refused.status, JSON.stringify(query)).toBe(422);
      expect(Object.keys(refused.body.error.fieldErrors)).toEqual([field]);
    }
    // Another matter's caller learns nothing from a bad cursor: 404 first.
    const outsider = await token(w.paralegal, [w.other.id]);
    expect((await call(gapsRoute.GET, path, { matterId: m }, { token: outsider, query: { cursor: "forged" } })).status).toBe(404);
  });

  it("pages claims by cursor exactly once with a status filter, and decides them through the claim use cases", async () => {
    const w = await world();
    const m = w.matter.id;
    const claims = [];
    for (let i = 0; i < 5; i++) claims.push(await submitClaim(w.matter.slug, validClaimInput(), { ip: null }));
    const attorneyWrite = await token(w.attorney, [m], "WRITE");
    const paralegalWrite = await token(w.paralegal, [m], "WRITE");
    const path = `/api/v1/matters/${m}/claims`;
    const all = await everyPage(claimsRoute.GET, path, { matterId: m }, "claims", { token: paralegalWrite, query: { limit: "2" } });
    expect(all.pages).toBe(3);
    expect(all.ids).toEqual(claims.map((c) => c.claimId));
    const first = await call(claimsRoute.GET, path, { matterId: m }, { token: paralegalWrite, query: { limit: "1" } });
    expect(first.body.claims[0]).toMatchObject({ number: claims[0]!.number, status: "SUBMITTED", email: expect.stringContaining("@example.org") });

    const decide = (t: string, claimId: string, body: unknown, key?: string) =>
      call(decisionRoute.POST, `${path}/${claimId}/decision`, { matterId: m, claimId }, { token: t, body, headers: key ? { "idempotency-key": key } : {} });
    // A paralegal's token cannot approve (the role, 403) but can send a deficiency notice.
    expect((await decide(paralegalWrite, claims[0]!.claimId, { decision: "approve" })).status).toBe(403);
    const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const deficient = await decide(paralegalWrite, claims[1]!.claimId, { decision: "deficient", fields: ["zip"], notice: "Check your ZIP code, please.", dueOn });
    expect(deficient).toMatchObject({ status: 200, body: { claim: { id: claims[1]!.claimId, status: "DEFICIENT" } } });
    const key = randomUUID();
    const approved = await decide(attorneyWrite, claims[0]!.claimId, { decision: "approve", reason: "Qualifies." }, key);
    expect(approved).toMatchObject({ status: 200, body: { claim: { status: "APPROVED" } } });
    const again = await decide(attorneyWrite, claims[0]!.claimId, { decision: "approve", reason: "Qualifies." }, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(approved.body);
    expect(await db.claimEvent.count({ where: { claimId: claims[0]!.claimId, type: "APPROVED" } })).toBe(1);
    expect((await decide(attorneyWrite, claims[0]!.claimId, { decision: "reject", reason: "Changed my mind." }, key)).status).toBe(422);
    // Without the key, deciding a decided claim is a conflict (its status does not allow it).
    expect((await decide(attorneyWrite, claims[0]!.claimId, { decision: "reject", reason: "Changed my mind." })).status).toBe(409);
    const bad = await decide(attorneyWrite, claims[2]!.claimId, { decision: "reject" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fieldErrors).toHaveProperty("reason");
    expect((await decide(attorneyWrite, claims[2]!.claimId, { decision: "maybe" })).status).toBe(422);
    expect((await decide(attorneyWrite, randomUUID(), { decision: "approve" })).status).toBe(404);

    const approvedOnly = await call(claimsRoute.GET, path, { matterId: m }, { token: paralegalWrite, query: { status: "APPROVED" } });
    expect(approvedOnly.body.claims.map((c: { id: string }) => c.id)).toEqual([claims[0]!.claimId]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: claims[0]!.claimId, action: "claim.approve" } });
    expect(audit.viaTokenId).not.toBeNull();
  });

  it("two concurrent POSTs with one key write once", async () => {
    const w = await world();
    const m = w.matter.id;
    const allegation = await createAllegation(w.paralegal, m, validAllegationInput());
    const exhibit = await makeLinkableExhibit(m, w.attorney);
    const write = await token(w.paralegal, [m], "WRITE");
    const params = { matterId: m, allegationId: allegation.id };
    const key = randomUUID();
    const answers = await Promise.all(
      [0, 1, 2].map(() => call(linksRoute.POST, "/api/v1/x", params, { token: write, body: { exhibitId: exhibit.id, relation: "SUPPORTS" }, headers: { "idempotency-key": key } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await db.evidenceLink.count({ where: { allegationId: allegation.id } })).toBe(1);
  });
});
