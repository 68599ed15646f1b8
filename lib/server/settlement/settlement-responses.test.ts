import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AUDIT_EVENTS } from "@/lib/audit/events";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { env } from "@/lib/server/env";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeUser } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";
import { exportObjectionsCsv } from "@/lib/server/settlement/export-objections";
import { exportOptOutsCsv } from "@/lib/server/settlement/export-opt-outs";
import { getObjection } from "@/lib/server/settlement/get-objection";
import { getOptOut } from "@/lib/server/settlement/get-opt-out";
import { listObjections } from "@/lib/server/settlement/list-objections";
import { listOptOuts } from "@/lib/server/settlement/list-opt-outs";
import { openObjectionDocument } from "@/lib/server/settlement/open-objection-document";
import { revokeOptOut } from "@/lib/server/settlement/revoke-opt-out";
import { submitObjection } from "@/lib/server/settlement/submit-objection";
import { submitOptOut } from "@/lib/server/settlement/submit-opt-out";
import { getResponseConfirmation } from "@/lib/server/settlement/get-response-confirmation";
import { latestMail } from "@/scripts/lib/mailbox";

const DEADLINE = "2027-03-31";
const ctx = { ip: "203.0.113.7", now: new Date("2027-03-01T18:00:00Z") };

async function settlementMatter() {
  const team = await makeClaimMatter();
  const matter = await db.matter.update({
    where: { id: team.matter.id },
    data: { optOutDeadline: new Date(`${DEADLINE}T00:00:00Z`), objectionDeadline: new Date(`${DEADLINE}T00:00:00Z`), timeZone: "America/Los_Angeles" },
  });
  return { ...team, matter };
}

// An opt-out by the person a claim input describes (or anyone, with overrides).
function optOutInput(overrides: Record<string, unknown> = {}) {
  const t = randomBytes(4).toString("hex");
  return {
    submissionKey: randomUUID(),
    fullName: `Opt Person ${t}`,
    email: `opt.${t}@example.org`,
    addressLine1: `${parseInt(t, 16) % 9000 + 100} Mission St`,
    city: "San Francisco",
    state: "CA",
    zip: "94105",
    exclude: "on",
    attestationName: `Opt Person ${t}`,
    attestationAgree: "on",
    ...overrides,
  };
}

function objectionInput(overrides: Record<string, unknown> = {}) {
  const t = randomBytes(4).toString("hex");
  return {
    submissionKey: randomUUID(),
    fullName: `Obj Person ${t}`,
    email: `obj.${t}@example.org`,
    addressLine1: `${parseInt(t, 16) % 9000 + 100} Valencia St`,
    city: "San Francisco",
    state: "CA",
    zip: "94110",
    represented: "no",
    appearAtHearing: "yes",
    grounds: "The fee request is too large compared with what class members receive.",
    attestationName: `Obj Person ${t}`,
    attestationAgree: "on",
    ...overrides,
  };
}

const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(16).toString("hex")}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

async function matchesOfClaim(claimId: string) {
  return db.optOutClaimMatch.findMany({ where: { claimId }, include: { optOut: { select: { number: true } } } });
}

describe("opt-out vs claim flag", () => {
  it("opt-out first, then a claim by the same person (accents, case, spacing differ): both flagged, the claim is not rejected", async () => {
    const { matter, paralegal } = await settlementMatter();
    const claimInput = validClaimInput({ fullName: "José  Núñez", attestationName: "José  Núñez" });
    const optOut = await submitOptOut(matter.slug, optOutInput({ fullName: "jose nunez", attestationName: "jose nunez", email: claimInput.email }), ctx);
    expect(optOut.created).toBe(true);
    const claim = await submitClaim(matter.slug, claimInput, { ip: null });
    const matches = await matchesOfClaim(claim.claimId);
    expect(matches.map((m) => m.optOut.number)).toEqual([optOut.number]);
    expect(matches[0]!.basis).toEqual(["email"]);
    const { claim: shown } = await getClaim(paralegal, matter.id, claim.claimId);
    expect(shown.status).toBe("SUBMITTED");
    expect(shown.optOutMatches).toHaveLength(1);
    const { optOut: row } = await getOptOut(paralegal, matter.id, optOut.id);
    expect(row.matches.map((m) => m.claim.number)).toEqual([claim.number]);
    const audit = await db.auditEvent.findFirst({ where: { matterId: matter.id, action: "opt-out.flag-claim", entityId: claim.claimId } });
    expect(audit?.details).toMatchObject({ number: claim.number, optOuts: [optOut.number] });
    // Written in SQL by the claim's statement: it must still be what the audit registry accepts.
    expect(AUDIT_EVENTS["opt-out.flag-claim"].schema.safeParse(audit?.details).success).toBe(true);
  });

  it("claim first, then an opt-out by the same person (same address and birth date): both flagged", async () => {
    const { matter, attorney } = await settlementMatter();
    const claimInput = validClaimInput();
    const claim = await submitClaim(matter.slug, claimInput, { ip: null });
    const optOut = await submitOptOut(
      matter.slug,
      optOutInput({ fullName: claimInput.fullName.toUpperCase(), attestationName: claimInput.fullName, addressLine1: claimInput.addressLine1, state: "CA", zip: claimInput.zip, dateOfBirth: claimInput.dateOfBirth }),
      ctx,
    );
    const matches = await matchesOfClaim(claim.claimId);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.basis.sort()).toEqual(["address", "dateOfBirth"]);
    const audit = await db.auditEvent.findFirst({ where: { matterId: matter.id, action: "opt-out.submit", entityId: optOut.id } });
    expect(audit?.details).toMatchObject({ matchedClaims: [claim.number], timely: true });
    expect(audit?.ip).toBe(ctx.ip);
    const { rows } = await listOptOuts(attorney, matter.id, { flagged: "1" });
    expect(rows.map((r) => r.number)).toContain(optOut.number);
  });

  it("a different person (same e-mail, different name; or same name, nothing else in common) is not flagged", async () => {
    const { matter } = await settlementMatter();
    const claimInput = validClaimInput();
    const claim = await submitClaim(matter.slug, claimInput, { ip: null });
    await submitOptOut(matter.slug, optOutInput({ email: claimInput.email }), ctx);
    await submitOptOut(matter.slug, optOutInput({ fullName: claimInput.fullName, attestationName: claimInput.fullName }), ctx);
    expect(await matchesOfClaim(claim.claimId)).toEqual([]);
  });

  it("a revoked opt-out does not flag a later claim", async () => {
    const { matter, paralegal } = await settlementMatter();
    const claimInput = validClaimInput();
    const optOut = await submitOptOut(matter.slug, optOutInput({ fullName: claimInput.fullName, attestationName: claimInput.fullName, email: claimInput.email }), ctx);
    await revokeOptOut(paralegal, matter.id, optOut.id, { reason: "Member called to withdraw the request." });
    const claim = await submitClaim(matter.slug, claimInput, { ip: null });
    expect(await matchesOfClaim(claim.claimId)).toEqual([]);
  });
});

describe("submitOptOut", () => {
  it("records the typed signature, time and IP, mails a confirmation with the reference, and is idempotent", async () => {
    const { matter } = await settlementMatter();
    const input = optOutInput({ phone: "415-555-0100", dateOfBirth: "1980-02-03" });
    const first = await submitOptOut(matter.slug, input, ctx);
    const again = await submitOptOut(matter.slug, input, ctx);
    expect(again).toEqual({ ...first, created: false });
    expect(await db.optOut.count({ where: { matterId: matter.id } })).toBe(1);
    const row = await db.optOut.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ attestationName: input.attestationName, attestationIp: ctx.ip, timely: true, status: "ACTIVE", phone: "415-555-0100" });
    expect(row.attestedAt.toISOString()).toBe(ctx.now.toISOString());
    expect(row.attestationText).toContain("excluded from the settlement class");
    expect(first.number).toMatch(/^OX-/);
    const mail = await latestMail(env.MAIL_SINK_DIR, input.email);
    expect(mail.text).toContain(first.number);
    const confirmation = await getResponseConfirmation(matter.slug, "opt-out", first.number);
    expect(confirmation.email).toMatch(/^o•••@example\.org$/);
  });

  it("closes at the end of the deadline's day in the matter's zone, refusing server-side", async () => {
    const { matter } = await settlementMatter();
    const lastMinute = await submitOptOut(matter.slug, optOutInput(), { ip: null, now: new Date("2027-04-01T06:59:00Z") });
    expect(lastMinute.created).toBe(true);
    const error = await refusal(submitOptOut(matter.slug, optOutInput(), { ip: null, now: new Date("2027-04-01T07:00:00Z") }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors._form![0]).toMatch(/deadline/);
    expect(await db.optOut.count({ where: { matterId: matter.id } })).toBe(1);
  });

  it("names each bad field in the member's language", async () => {
    const { matter } = await settlementMatter();
    const error = await refusal(submitOptOut(matter.slug, { ...optOutInput(), email: "nope", exclude: undefined }, { ...ctx, locale: "es" }));
    expect(error.fieldErrors.email).toEqual(["Escriba un correo electrónico, como nombre@ejemplo.com"]);
    expect(error.fieldErrors.exclude).toEqual(["Marque la casilla para confirmar que quiere ser excluido"]);
    const mismatch = await refusal(submitOptOut(matter.slug, { ...optOutInput(), attestationName: "Someone Else" }, { ...ctx, locale: "es" }));
    expect(mismatch.fieldErrors.attestationName).toEqual(["Escriba su nombre completo exactamente como lo escribió arriba"]);
    const unknown = await refusal(submitOptOut(matter.slug, { ...optOutInput(), extra: "x" }, ctx));
    expect(unknown.fieldErrors._form).toEqual(["This form sent something unexpected. Reload the page and try again."]);
  });

  it("is not offered for a matter without a deadline", async () => {
    const { matter } = await makeClaimMatter();
    expect((await refusal(submitOptOut(matter.slug, optOutInput(), ctx))).code).toBe("NOT_FOUND");
  });
});

describe("submitObjection", () => {
  it("stores the supporting PDF as a verified blob that staff download, and is idempotent", async () => {
    const { matter, paralegal } = await settlementMatter();
    const input = objectionInput({ represented: "yes", counselName: "Dana Counsel" });
    const bytes = pdf();
    const first = await submitObjection(matter.slug, input, { name: "../grounds", bytes }, ctx);
    const again = await submitObjection(matter.slug, input, { name: "grounds.pdf", bytes }, ctx);
    expect(again).toEqual({ ...first, created: false });
    const { objection } = await getObjection(paralegal, matter.id, first.id);
    expect(objection).toMatchObject({ represented: true, counselName: "Dana Counsel", appearAtHearing: true, documentFilename: "grounds.pdf", optOutId: null });
    const file = await openObjectionDocument(paralegal, matter.id, first.id);
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "objection-document.download", entityId: first.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "objection.submit", entityId: first.id } })).toBe(1);
  });

  it("refuses a document that is not a PDF, and a represented objector without counsel's name", async () => {
    const { matter } = await settlementMatter();
    const notPdf = await refusal(submitObjection(matter.slug, objectionInput(), { name: "x.pdf", bytes: Buffer.from("hello, not a pdf") }, ctx));
    expect(notPdf.fieldErrors.document).toEqual(["Upload the document as a PDF file"]);
    const noCounsel = await refusal(submitObjection(matter.slug, objectionInput({ represented: "yes" }), null, ctx));
    expect(noCounsel.fieldErrors.counselName).toEqual(["Enter your lawyer's name"]);
    expect(await db.objection.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("an objector who opted out is flagged, not dropped; an opt-out after an objection flags it too", async () => {
    const { matter, attorney } = await settlementMatter();
    const person = { fullName: "Ana María López", attestationName: "Ana María López", email: `ana.${randomBytes(3).toString("hex")}@example.org` };
    const optOut = await submitOptOut(matter.slug, optOutInput(person), ctx);
    const objection = await submitObjection(matter.slug, objectionInput({ ...person, fullName: "ana maria lopez", attestationName: "ana maria lopez" }), null, ctx);
    expect((await db.objection.findUniqueOrThrow({ where: { id: objection.id } })).optOutId).toBe(optOut.id);

    const other = { fullName: "Ben Okafor", attestationName: "Ben Okafor", email: `ben.${randomBytes(3).toString("hex")}@example.org` };
    const earlier = await submitObjection(matter.slug, objectionInput(other), null, ctx);
    const later = await submitOptOut(matter.slug, optOutInput(other), ctx);
    expect((await db.objection.findUniqueOrThrow({ where: { id: earlier.id } })).optOutId).toBe(later.id);
    const { rows } = await listObjections(attorney, matter.id, { flagged: "1" });
    expect(rows.map((r) => r.number).sort()).toEqual([objection.number, earlier.number].sort());
  });

  it("is refused after the objection deadline", async () => {
    const { matter } = await settlementMatter();
    const error = await refusal(submitObjection(matter.slug, objectionInput(), null, { ip: null, now: new Date("2027-04-02T00:00:00Z") }));
    expect(error.fieldErrors._form).toEqual(["The deadline to object has passed. Your objection was not recorded."]);
  });
});

describe("staff access", () => {
  it("paralegals and attorneys read, export (audited) and revoke; staff of another matter get 404", async () => {
    const { matter, attorney, paralegal, outsider } = await settlementMatter();
    const optOut = await submitOptOut(matter.slug, optOutInput({ fullName: "=cmd Person", attestationName: "=cmd Person" }), ctx);
    const objection = await submitObjection(matter.slug, objectionInput(), null, ctx);
    for (const actor of [attorney, paralegal]) {
      expect((await listOptOuts(actor, matter.id, {})).rows.map((r) => r.id)).toEqual([optOut.id]);
      expect((await listObjections(actor, matter.id, {})).rows.map((r) => r.id)).toEqual([objection.id]);
    }
    const csv = await exportOptOutsCsv(paralegal, matter.id);
    expect(csv).toContain(optOut.number);
    expect(csv).toContain("'=cmd Person");
    expect(await exportObjectionsCsv(attorney, matter.id)).toContain(objection.number);
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: { in: ["opt-out.export", "objection.export"] } } })).toBe(2);

    const other = await makeUser("STAFF");
    for (const actor of [outsider, other]) {
      expect((await refusal(listOptOuts(actor, matter.id, {}))).code).toBe("NOT_FOUND");
      expect((await refusal(getOptOut(actor, matter.id, optOut.id))).code).toBe("NOT_FOUND");
      expect((await refusal(getObjection(actor, matter.id, objection.id))).code).toBe("NOT_FOUND");
      expect((await refusal(revokeOptOut(actor, matter.id, optOut.id, { reason: "nope nope" }))).code).toBe("NOT_FOUND");
    }
    // A row of another matter is not found through this one.
    const elsewhere = await settlementMatter();
    expect((await refusal(getOptOut(elsewhere.attorney, elsewhere.matter.id, optOut.id))).code).toBe("NOT_FOUND");

    await revokeOptOut(paralegal, matter.id, optOut.id, { reason: "Member wrote to withdraw the request." });
    expect((await refusal(revokeOptOut(attorney, matter.id, optOut.id, { reason: "twice over" }))).code).toBe("CONFLICT");
    const row = await db.optOut.findUniqueOrThrow({ where: { id: optOut.id } });
    expect(row).toMatchObject({ status: "REVOKED", revokedById: paralegal.userId, revokedReason: "Member wrote to withdraw the request." });
    expect(await db.auditEvent.count({ where: { action: "opt-out.revoke", entityId: optOut.id, actorId: paralegal.userId } })).toBe(1);
  });
});
