import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { validateImportRow, importSchemaFor } from "@/lib/claims/claim-import-row";
import { HONG_CLAIM_FORM } from "@/prisma/seed-claims";
import { db } from "@/lib/server/db";
import { exportClaimImportErrors } from "@/lib/server/claims/export-claim-import-errors";
import { getClaimImport } from "@/lib/server/claims/get-claim-import";
import { importNoticeRecipients } from "@/lib/server/claims/import-notice-recipients";
import { confirmationCodesMatch } from "@/lib/server/claims/prefill-from-notice";
import { unsafeRunClaimImport } from "@/lib/server/claims/run-claim-import";
import { startClaimImport } from "@/lib/server/claims/start-claim-import";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { BAD_ROW_KINDS, CLAIM_IMPORT_HEADER, claimImportCsv } from "@/lib/server/testing/claim-import-csv";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const bytes = (chunks: Iterable<string>) => Readable.from([...chunks].map((c) => Buffer.from(c)));

async function importCsv(actor: Parameters<typeof startClaimImport>[0], matterId: string, csv: Iterable<string>, fileName = "paper-claims.csv") {
  const started = await startClaimImport(actor, matterId, { body: bytes(csv), fileName });
  const totals = await unsafeRunClaimImport(started.importId);
  return { importId: started.importId, totals };
}

describe("bulk claim import", () => {
  it("imports 1,000 rows with 10 bad ones as 990 claims and a 10-row report; a re-import adds nothing; another matter's user gets 404", { timeout: 120_000 }, async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const other = await makeMatterWithTeam();
    // A portal claim already in the matter shares its e-mail with row 5 of the file.
    const portal = await submitClaim(matter.slug, validClaimInput({ email: "claimant.5@example.org" }), { ip: null });
    const csv = [...claimImportCsv({ rows: 1000, badPerThousand: 10, tag: matter.id.slice(0, 8) })];

    const first = await importCsv(paralegal, matter.id, csv);
    expect(first.totals).toMatchObject({ rows: 1000, imported: 990, skipped: 0, errors: 10, sendMail: false, mailed: 0 });
    const claims = await db.claim.count({ where: { matterId: matter.id, importId: first.importId } });
    expect(claims).toBe(990);

    // The report: one line per refused field, every bad kind named once.
    const report = await exportClaimImportErrors(paralegal, matter.id, first.importId);
    const lines = (await text(report.body)).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("line,field,message");
    expect(lines).toHaveLength(11);
    const fields = lines.slice(1).map((l) => l.split(",")[1]);
    expect(new Set(fields)).toEqual(new Set(["state", "zip", "full_name", "email", "date_of_birth", "q_usedInUs", "postmark_date", "filing_for", "attestation_name"]));
    expect(BAD_ROW_KINDS).toHaveLength(10);
    // Line numbers are the file's (the header is line 1): the 100th data row is line 101.
    expect(lines[1]).toMatch(/^101,state,/);

    // Every claim has its SUBMITTED event; the batch has one audit row with the counts; no mail.
    const events = await db.claimEvent.count({ where: { claim: { importId: first.importId }, type: "SUBMITTED" } });
    expect(events).toBe(990);
    const audits = await db.auditEvent.findMany({ where: { entityId: first.importId, action: "claim-import.finish" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ rows: 1000, imported: 990, errors: 10, skipped: 0 });
    const mail = await db.outboxMessage.count({ where: { ref: { in: (await db.claim.findMany({ where: { importId: first.importId }, select: { id: true } })).map((c) => `Claim:${c.id}`) } } });
    expect(mail).toBe(0);

    // Signals are there when a reviewer first opens a claim: against a claim already in the
    // matter (row 5 has the portal claim's e-mail) and against rows of the same batch (row 49 is
    // a near-twin of row 48: same birth date, address and phone).
    const row5 = await db.claim.findFirstOrThrow({ where: { matterId: matter.id, idempotencyKey: `import:${matter.id.slice(0, 8)}-5` }, include: { signals: true } });
    expect(row5.signals.map((s) => s.kind)).toContain("SAME_EMAIL");
    expect(row5.signals.find((s) => s.kind === "SAME_EMAIL")!.matchedClaimId).toBe(portal.claimId);
    const twin = await db.claim.findFirstOrThrow({ where: { matterId: matter.id, idempotencyKey: `import:${matter.id.slice(0, 8)}-49` }, include: { signals: true } });
    const original = await db.claim.findFirstOrThrow({ where: { matterId: matter.id, idempotencyKey: `import:${matter.id.slice(0, 8)}-48` }, include: { signals: true } });
    expect(twin.signals.map((s) => s.kind).sort()).toEqual(["NAME_DOB_NEAR_DUPLICATE", "SAME_ADDRESS", "SAME_PHONE"]);
    expect(twin.signals.every((s) => s.matchedClaimId === original.id)).toBe(true);
    expect(twin.fraudScore).toBe(80);
    expect(original.signals).toEqual([]);
    // The claim's history says the score it was filed with, as a portal claim's does.
    const twinFiled = await db.claimEvent.findFirstOrThrow({ where: { claimId: twin.id, type: "SUBMITTED" } });
    expect(twinFiled.details).toMatchObject({ fraudScore: 80, line: expect.any(Number) });
    const originalFiled = await db.claimEvent.findFirstOrThrow({ where: { claimId: original.id, type: "SUBMITTED" } });
    expect(originalFiled.details).toMatchObject({ fraudScore: 0 });
    // The same signals batch re-scoring would compute (the submission rules).
    const { unsafeRescoreMatter } = await import("@/lib/server/claims/rescore-claims");
    const rescored = await unsafeRescoreMatter(matter.id);
    expect(rescored.changed).toBe(0);

    // Re-importing the same file creates nothing and reports the same 10 rows.
    const again = await importCsv(paralegal, matter.id, csv, "paper-claims-again.csv");
    expect(again.totals).toMatchObject({ rows: 1000, imported: 0, skipped: 990, errors: 10 });
    expect(await db.claim.count({ where: { matterId: matter.id } })).toBe(991);
    expect(await db.claimImportRow.count({ where: { importId: { in: [first.importId, again.importId] } } })).toBe(0);

    // Another matter's staff: 404 for the import, its report, and starting one here.
    await expect(getClaimImport(other.paralegal, matter.id, first.importId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportClaimImportErrors(other.paralegal, matter.id, first.importId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClaimImport(other.paralegal, other.matter.id, first.importId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startClaimImport(other.paralegal, matter.id, { body: bytes(csv), fileName: "x.csv" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives the same claims, signals and report when the file is inserted in chunks as it is staged", { timeout: 120_000 }, async () => {
    const results = [];
    for (const chunkRows of [100_000, 49]) {
      const { matter, paralegal } = await makeClaimMatter();
      const tag = `c${chunkRows}`;
      // Twins straddle chunk boundaries (rows 48/49 with chunks of 49 rows), and the last rows
      // repeat external IDs of the first chunk.
      const body = [...claimImportCsv({ rows: 300, badPerThousand: 10, tag })].join("");
      const repeats = body.trim().split("\n").slice(1, 3).join("\n");
      const started = await startClaimImport(paralegal, matter.id, { body: bytes([`${body}${repeats}\n`]), fileName: "c.csv" });
      const totals = await unsafeRunClaimImport(started.importId, { chunkRows });
      const claims = await db.claim.findMany({ where: { importId: started.importId }, orderBy: { id: "asc" }, include: { signals: { select: { kind: true, matchedClaimId: true } } } });
      const keyOf = new Map(claims.map((c) => [c.id, c.idempotencyKey.replace(tag, "")]));
      const errors = await db.claimImportError.findMany({ where: { importId: started.importId }, orderBy: [{ line: "asc" }, { field: "asc" }], select: { line: true, field: true } });
      results.push({
        totals: { ...totals, ms: 0 },
        claims: claims.map((c) => [keyOf.get(c.id), c.fraudScore, c.signals.map((s) => [s.kind, s.matchedClaimId && keyOf.get(s.matchedClaimId)]).sort()]),
        errors,
      });
    }
    expect(results[0]!.totals).toMatchObject({ rows: 302, imported: 297, errors: 5 });
    expect(results[0]!.errors.slice(-2)).toEqual([
      { line: 302, field: "external_id" },
      { line: 303, field: "external_id" },
    ]);
    expect(results[0]!.claims.filter((c) => c[1] !== 0)).toHaveLength(3);
    expect(results[1]).toEqual(results[0]);
  });

  it("refuses a repeated external_id and a notice ID whose code does not match, accepts a matching code in any case", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    await importNoticeRecipients(
      paralegal,
      matter.id,
      Readable.from(["notice_id,confirmation_code,full_name,address1,city,state,zip\nN-1,CODE1234,Ada L,1 Main St,Chicago,IL,60601\nN-2,STRASSE12,Ada L,1 Main St,Chicago,IL,60601\nN-3,ÉCOLE1234,Ada L,1 Main St,Chicago,IL,60601\n"]),
    );
    const row = (id: string, notice = "", code = "") =>
      `${id},SELF,Ada Lovelace,1980-01-02,,ada.${id}@example.org,,1 Main St,,Chicago,IL,60601,PAYPAL,${notice},${code},Ada Lovelace,,,yes,yes,`;
    // The codes compare as the portal compares them (JavaScript's upper case, where "ß" is "SS"),
    // though the check runs in SQL: both agree on every row here.
    const pairs: [string, string, boolean][] = [
      ["N-1", "code1234", true],
      ["N-1", "WRONG123", false],
      ["N-404", "CODE1234", false],
      ["N-2", "straße12", true],
      ["N-2", "STRASE12", false],
      ["N-3", "école1234", true],
      ["N-3", "ECOLE1234", false],
    ];
    const stored: Record<string, string> = { "N-1": "CODE1234", "N-2": "STRASSE12", "N-3": "ÉCOLE1234" };
    for (const [notice, code, match] of pairs) expect(stored[notice] !== undefined && confirmationCodesMatch(stored[notice], code), `${notice} ${code}`).toBe(match);
    const csv = [CLAIM_IMPORT_HEADER, row("a"), row("a"), ...pairs.map(([notice, code], i) => row(`p${i}`, notice, code))].join("\n");
    const { importId, totals } = await importCsv(paralegal, matter.id, [csv]);
    expect(totals).toMatchObject({ imported: 1 + pairs.filter((p) => p[2]).length, errors: 1 + pairs.filter((p) => !p[2]).length });
    const errors = await db.claimImportError.findMany({ where: { importId }, orderBy: { line: "asc" } });
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, "external_id"],
      ...pairs.flatMap(([, , match], i) => (match ? [] : [[i + 4, "confirmation_code"]])),
    ]);
    const b = await db.claim.findFirstOrThrow({ where: { matterId: matter.id, idempotencyKey: "import:p0" } });
    expect(b).toMatchObject({ noticeId: "N-1", subclass: "ILLINOIS", status: "SUBMITTED" });
  });

  it("mails each new claimant the confirmation link only when the import asks for it", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const csv = [...claimImportCsv({ rows: 5, badPerThousand: 0, tag: "m" })];
    const started = await startClaimImport(paralegal, matter.id, { body: bytes(csv), fileName: "mailed.csv", sendMail: "true" });
    const totals = await unsafeRunClaimImport(started.importId);
    expect(totals).toMatchObject({ imported: 5, sendMail: true, mailed: 5 });
    const claims = await db.claim.findMany({ where: { importId: started.importId }, select: { id: true, number: true } });
    const mail = await db.outboxMessage.findMany({ where: { ref: { in: claims.map((c) => `Claim:${c.id}`) } } });
    expect(mail).toHaveLength(5);
    expect(mail[0]!.subject).toMatch(/^Confirm your email for claim /);
    expect(await db.signInToken.count({ where: { claimId: { in: claims.map((c) => c.id) } } })).toBe(5);
    await expect(startClaimImport(paralegal, matter.id, { body: bytes(csv), fileName: "x.csv", sendMail: "perhaps" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("fails the whole import, writing nothing, when a column is missing or unknown", { timeout: 15_000 }, async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const { importId, totals } = await importCsv(paralegal, matter.id, ["external_id,full_name\nx,Ada\n"]);
    expect(totals).toBeNull();
    const imp = await getClaimImport(paralegal, matter.id, importId);
    expect(imp).toMatchObject({ status: "FAILED", imported: 0 });
    expect(imp.failure).toMatch(/no date_of_birth, email/);
    // Broken CSV halfway through: the COPY is abandoned and nothing is written.
    const good = [...claimImportCsv({ rows: 30, badPerThousand: 0, tag: "q" })].join("");
    const broken = await importCsv(paralegal, matter.id, [`${good}q-x,SELF,"Unclosed,1980-01-01\n`]);
    expect(broken.totals).toBeNull();
    expect(await getClaimImport(paralegal, matter.id, broken.importId)).toMatchObject({ status: "FAILED", failure: expect.stringContaining("not valid CSV") });
    expect(await db.claim.count({ where: { matterId: matter.id } })).toBe(0);
    expect(await db.claimImportRow.count({ where: { importId: broken.importId } })).toBe(0);
  });
});

describe("an import row is checked with the portal's rules", () => {
  const def = { ...HONG_CLAIM_FORM, claimDeadline: "2026-03-01" };
  const schema = importSchemaFor(def);
  const base = {
    external_id: "x1", full_name: "Ada Lovelace", date_of_birth: "1980-01-02", email: "Ada@Example.org", address1: "1 Main Street", city: "Chicago",
    state: "il", zip: "60601", payment_preference: "PAYPAL", attestation_name: "ada  lovelace", q_usedInUs: "yes", q_illinoisResident: "yes",
  };
  const check = (over: Record<string, string>, today = "2026-03-05") => {
    return validateImportRow({ ...base, ...over }, { def, today }, schema);
  };

  it("normalises as the portal does", () => {
    const r = check({ postmark_date: "2026-02-27" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row).toMatchObject({ emailNormalized: "ada@example.org", addressNormalized: "1 main st|60601|IL", subclass: "ILLINOIS", postmarkedOn: "2026-02-27" });
    expect(r.row.data.email).toBe("ada@example.org");
  });

  it("is timely when postmarked by the deadline (a date in the matter's zone); late, future and missing postmarks after the deadline are refused", () => {
    expect(check({ postmark_date: "2026-03-01" }).ok).toBe(true);
    expect(check({ postmark_date: "2026-03-02" })).toMatchObject({ ok: false, errors: [{ field: "postmark_date", message: expect.stringContaining("not timely") }] });
    expect(check({ postmark_date: "2026-03-09" })).toMatchObject({ ok: false, errors: [{ field: "postmark_date", message: expect.stringContaining("future") }] });
    expect(check({ postmark_date: "03/01/2026" })).toMatchObject({ ok: false, errors: [{ field: "postmark_date" }] });
    expect(check({})).toMatchObject({ ok: false, errors: [{ field: "postmark_date" }] });
    // Before the deadline, a row without a postmark is received today, as a portal filing.
    expect(check({}, "2026-03-01").ok).toBe(true);
  });

  it("refuses what the portal refuses, naming the CSV column", () => {
    const cases: [Record<string, string>, string][] = [
      [{ zip: "94103" }, "zip"], // not in Illinois
      [{ filing_for: "minor" }, "guardian_name"],
      [{ attestation_name: "Someone Else" }, "attestation_name"],
      [{ email: "ada@" }, "email"],
      [{ date_of_birth: "1899-12-31" }, "date_of_birth"],
      [{ phone: "call me" }, "phone"],
      [{ q_usedInUs: "" }, "q_usedInUs"], // blank is unanswered, not a failed criterion
      [{ q_usedInUs: "no" }, "q_usedInUs"], // a failed criterion without submit_anyway
      [{ notice_id: "N-1" }, "confirmation_code"],
      [{ payment_preference: "BITCOIN" }, "payment_preference"],
      [{ external_id: " " }, "external_id"],
      [{ full_name: "Ada\u0000" }, "full_name"],
    ];
    for (const [over, field] of cases) {
      const r = check({ postmark_date: "2026-02-27", ...over });
      expect(r.ok, JSON.stringify(over)).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.field), JSON.stringify(over)).toContain(field);
    }
    expect(check({ postmark_date: "2026-02-27", q_usedInUs: "no", submit_anyway: "yes" }).ok).toBe(true);
  });
});
