// No loss under load (`npm run test:soak`): 10,000 claim submissions over HTTP to the production
// web server from 50 concurrent clients, 10% of them resending an earlier submission's
// idempotency key (a client retry: same body), some while the first is still in flight. Every
// distinct key must become exactly one claim with its SUBMITTED event, its verification token,
// its mail (row and delivered message) and its audit row, and the audit chain must verify.
import { randomBytes, randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HONG_CLAIM_FORM } from "@/prisma/seed-claims";
import { freePort, startSoakServer, type SoakServer } from "@/scripts/lib/soak-server";

// SOAK_CLAIMS: fewer submissions for a quick local run; the suite runs 10,000.
const SUBMISSIONS = Number(process.env.SOAK_CLAIMS ?? 10_000);
const CLIENTS = 50;
const DUPLICATE_SHARE = 0.1;

const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
const slug = `soak-${randomBytes(4).toString("hex")}`;
let matterId = "";
let server: SoakServer | undefined;
let headsDir = "";

beforeAll(async () => {
  await owner.connect();
  const { rows } = await owner.query<{ id: string }>(
    `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "claimForm", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Soak v. Matter', 'Soak', 'N.D. Cal.', '0:00-cv-00000', 'SOAK', $2, now()) RETURNING id`,
    [slug, JSON.stringify(HONG_CLAIM_FORM)],
  );
  matterId = rows[0]!.id;
  headsDir = await fsp.mkdtemp(path.join(os.tmpdir(), "proofline-soak-heads-"));
});

afterAll(async () => {
  await server?.kill();
  await owner.end();
  await fsp.rm(headsDir, { recursive: true, force: true });
});

// A different person for each distinct key; the one-line counter keeps names, e-mails and
// addresses distinct, so the per-e-mail limit (5 an hour) never refuses a retry.
function claimBody(i: number) {
  const name = `Soak Person ${i}`;
  return {
    submissionKey: randomUUID(),
    filingFor: "SELF",
    fullName: name,
    dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    email: `soak.${i}.${slug}@example.org`,
    phone: `312-555-${String(i % 10000).padStart(4, "0")}`,
    addressLine1: `${100 + i} Soak St`,
    city: "Chicago",
    state: "IL",
    zip: "60601",
    q_usedInUs: "yes",
    q_illinoisResident: i % 3 === 0 ? "yes" : "no",
    paymentPreference: "PAYPAL",
    attestationName: name,
    attestationAgree: "on",
  };
}

// Deterministic order: each duplicate comes after its original, half of them 1–3 places later
// (in flight together with it among 50 clients), half anywhere later.
function plan(): { body: ReturnType<typeof claimBody>; original: number }[] {
  const unique = Math.round(SUBMISSIONS * (1 - DUPLICATE_SHARE));
  let seed = 0x5eed;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const slots: number[][] = Array.from({ length: unique }, () => []);
  for (let d = 0; d < SUBMISSIONS - unique; d++) {
    const original = Math.floor(random() * unique);
    const at = d % 2 === 0 ? Math.min(unique - 1, original + 1 + Math.floor(random() * 3)) : original + Math.floor(random() * (unique - original));
    slots[at]!.push(original);
  }
  const bodies = Array.from({ length: unique }, (_, i) => claimBody(i));
  return slots.flatMap((dupes, i) => [{ body: bodies[i]!, original: i }, ...dupes.map((o) => ({ body: bodies[o]!, original: o }))]);
}

type Answer = { original: number; status: number; number?: string; created?: boolean; text: string };

describe("no loss under load", () => {
  it(`keeps every one of ${SUBMISSIONS} claim submissions from ${CLIENTS} clients, duplicates once`, async () => {
    const port = await freePort();
    server = await startSoakServer(port, {
      DATABASE_URL: process.env.DATABASE_URL!,
      DATABASE_POOL_SIZE: "20",
      AUTH_SECRET: process.env.AUTH_SECRET!,
      AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY!,
      AUDIT_HEADS_DIR: headsDir,
      MAIL_SINK_DIR: process.env.MAIL_SINK_DIR!,
      APP_URL: `http://127.0.0.1:${port}`,
      // The test plays the load balancer: each request carries its own client address, so the
      // per-address limit (30 an hour) counts each simulated person separately.
      TRUSTED_PROXY_HOPS: "1",
    });
    const requests = plan();
    const unique = new Set(requests.map((r) => r.original)).size;
    const answers: Answer[] = new Array(requests.length);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < requests.length; i = next++) {
          const { body, original } = requests[i]!;
          const res = await fetch(`${server!.base}/api/v1/claims/${slug}`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Forwarded-For": `10.${i & 255}.${(i >> 8) & 255}.7` },
            body: JSON.stringify(body),
          });
          const text = await res.text();
          let parsed: { number?: string; created?: boolean } = {};
          try {
            parsed = JSON.parse(text) as typeof parsed;
          } catch {
            // kept as text for the failure message
          }
          answers[i] = { original, status: res.status, number: parsed.number, created: parsed.created, text };
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;

    const refused = answers.filter((a) => a.status !== 200 && a.status !== 201);
    expect(refused.length, `refused answers, e.g. ${JSON.stringify(refused.slice(0, 3))}`).toBe(0);
    const byKey = new Map<number, Answer[]>();
    for (const a of answers) byKey.set(a.original, [...(byKey.get(a.original) ?? []), a]);
    const inconsistent = [...byKey.values()].filter((as) => as.filter((a) => a.status === 201).length !== 1 || new Set(as.map((a) => a.number)).size !== 1);
    expect(inconsistent.length, `keys not answered with one 201 and one number: ${JSON.stringify(inconsistent.slice(0, 2))}`).toBe(0);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(unique);

    // Each claim's mail is sent by the process that committed it, just after answering.
    const deadline = Date.now() + 120_000;
    let pending = -1;
    while (pending !== 0 && Date.now() < deadline) {
      const { rows } = await owner.query<{ n: string }>(
        `SELECT count(*) AS n FROM "OutboxMessage" o JOIN "Claim" c ON o.ref = 'Claim:' || c.id WHERE c."matterId" = $1 AND o."sentAt" IS NULL`,
        [matterId],
      );
      pending = Number(rows[0]!.n);
      if (pending) await new Promise((r) => setTimeout(r, 500));
    }
    await server.stop();
    server = undefined;

    const count = async (sql: string) => Number((await owner.query<{ n: string }>(sql, [matterId])).rows[0]!.n);
    const claims = await count(`SELECT count(*) AS n FROM "Claim" WHERE "matterId" = $1`);
    const numbers = (await owner.query<{ number: string }>(`SELECT number FROM "Claim" WHERE "matterId" = $1`, [matterId])).rows.map((r) => r.number);
    const answered = new Set(answers.map((a) => a.number));
    // Per claim: exactly one of each row it must have.
    const lacking = async (sql: string) => count(`SELECT count(*) AS n FROM "Claim" c WHERE c."matterId" = $1 AND (${sql}) <> 1`);
    const facts = {
      claims,
      claimants: await count(`SELECT count(*) AS n FROM "Claimant" WHERE "matterId" = $1`),
      answeredNumbersInDb: answered.size === numbers.length && numbers.every((n) => answered.has(n)),
      withoutOneEvent: await lacking(`SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c.id AND e.type = 'SUBMITTED'`),
      withoutOneToken: await lacking(`SELECT count(*) FROM "SignInToken" t WHERE t."claimId" = c.id`),
      withoutOneMail: await lacking(`SELECT count(*) FROM "OutboxMessage" o WHERE o.ref = 'Claim:' || c.id`),
      withoutOneAudit: await lacking(`SELECT count(*) FROM "AuditEvent" a WHERE a.action = 'claim.submit' AND a."entityId" = c.id::text`),
      auditRowsForMatter: await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "matterId" = $1`),
      mailsUnsent: pending,
      mailsInSink: (await fsp.readdir(process.env.MAIL_SINK_DIR!)).filter((n) => n.endsWith(".eml")).length,
    };
    expect(facts).toEqual({
      claims: unique,
      claimants: unique,
      answeredNumbersInDb: true,
      withoutOneEvent: 0,
      withoutOneToken: 0,
      withoutOneMail: 0,
      withoutOneAudit: 0,
      auditRowsForMatter: unique,
      mailsUnsent: 0,
      mailsInSink: unique,
    });

    // Seal what the server had not sealed yet, then walk the matter's chain and the global one.
    const { sealAllAuditEvents } = await import("@/lib/server/audit/seal-audit-events");
    const { unsafeVerifyChain } = await import("@/lib/server/audit/verify-audit-chain");
    const { GLOBAL_CHAIN } = await import("@/lib/audit/chain-hash");
    await sealAllAuditEvents();
    const chain = await unsafeVerifyChain(matterId);
    expect(chain).toMatchObject({ ok: true, checked: unique, unsealed: 0, firstBreak: null });
    expect(await unsafeVerifyChain(GLOBAL_CHAIN)).toMatchObject({ ok: true, unsealed: 0, firstBreak: null });
    const { db } = await import("@/lib/server/db");
    await db.$disconnect();

    console.log(`soak_claims: ${claims} claims from ${answers.length} submissions (${answers.length - unique} resent keys), ${CLIENTS} clients`);
    console.log(`soak_claims_per_s: ${(unique / seconds).toFixed(0)} claims/s (${(answers.length / seconds).toFixed(0)} requests/s)`);
    console.log(`soak_claims_duration: ${seconds.toFixed(1)} s`);
    console.log(`soak_claims_checks: every claim has 1 event, 1 token, 1 mail row (delivered: ${facts.mailsInSink} .eml), 1 audit row; audit chain verified (${chain.checked} links)`);
  }, 480_000);
});
