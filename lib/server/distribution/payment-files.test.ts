import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NACHA_ODFI_ROUTING = "091000019";
  process.env.NACHA_COMPANY_ID = "1234567890";
  process.env.NACHA_COMPANY_NAME = "HONG SETTLEMENT";
  process.env.NACHA_DESTINATION_NAME = "WELLS FARGO";
});

import { parse } from "csv-parse/sync";
import yauzl from "yauzl";
import { AppError } from "@/lib/app-error";
import { generateClaimNumber } from "@/lib/claims/claim-number";
import { db } from "@/lib/server/db";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";
import { getPaymentFileSummary } from "@/lib/server/distribution/get-payment-file-summary";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { encryptAccountNumber } from "@/lib/server/payments/payment-crypto";
import { generateApprovedClaims } from "@/lib/server/testing/distribution-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const ACH = [
  { routing: "021000021", account: "000123456789", type: "CHECKING" },
  { routing: "011000015", account: "99887766", type: "SAVINGS" },
  { routing: "121000358", account: "4455", type: "CHECKING" },
  { routing: "026009593", account: "12345678901234567", type: "SAVINGS" },
  { routing: "021000021", account: "5550001", type: "CHECKING" },
] as const;

// Thirteen approved claims in two subclasses: five ACH, two PayPal (one by phone), one Venmo, two
// checks (one payee written like a formula), one prepaid card, two with no payment details.
async function world() {
  const { matter, attorney, paralegal } = await makeMatterWithTeam();
  await generateApprovedClaims(matter.id, "ILLINOIS", 5);
  await generateApprovedClaims(matter.id, null, 8);
  // Real claim numbers (14 characters: the NACHA receiver id holds 15), not the fixture's.
  for (const c of await db.claim.findMany({ where: { matterId: matter.id }, select: { id: true } })) {
    await db.claim.update({ where: { id: c.id }, data: { number: generateClaimNumber() } });
  }
  const claims = await db.claim.findMany({ where: { matterId: matter.id }, orderBy: { number: "asc" }, select: { id: true, number: true } });
  const put = (i: number, data: Record<string, unknown>) =>
    db.claimPaymentDetails.create({ data: { claimId: claims[i]!.id, matterId: matter.id, updatedById: attorney.userId, ...data } as never });
  for (const [i, a] of ACH.entries()) {
    await put(i, { method: "ACH", achRoutingNumber: a.routing, achAccountType: a.type, achAccountLast4: a.account.slice(-4), achAccountCipher: encryptAccountNumber(claims[i]!.id, a.account) });
  }
  await put(5, { method: "PAYPAL", recipient: "pat@example.org" });
  await put(6, { method: "PAYPAL", recipient: "+14155550142" });
  await put(7, { method: "VENMO", recipient: "+13125550199" });
  await put(8, { method: "CHECK", payeeName: "=HYPERLINK(\"http://x\")", addressLine1: "1 Main St", city: "Chicago", state: "IL", zip: "60601" });
  await put(9, { method: "CHECK", payeeName: "Ana Ruiz", addressLine1: "2 Oak Ave", addressLine2: "Apt 3", city: "Springfield", state: "IL", zip: "62701" });
  await put(10, { method: "PREPAID_CARD", recipient: "card@example.org" });
  const run = await computeDistribution(attorney, matter.id, {
    submissionKey: randomUUID(),
    grossFund: "100,000.00",
    attorneysFees: "25,000.00",
    costs: "1,234.56",
    adminCosts: "0",
    minimumPayment: "0",
    minimumMode: "RAISE_TO_FLOOR",
    defaultWeight: "1",
    "weight:ILLINOIS": "3",
  });
  const amounts = new Map(
    (await db.$queryRaw<{ claimId: string; amount: bigint }[]>`SELECT "claimId", "amountCents" AS amount FROM "Allocation" WHERE "runId" = ${run.id}::uuid`).map((r) => [r.claimId, r.amount]),
  );
  return { matter, attorney, paralegal, claims, run, amounts };
}

describe("payment files from a locked distribution", () => {
  it("are an attorney's, only from a locked run, and audited", async () => {
    const { matter, attorney, paralegal, run } = await world();
    expect((await refusal(exportPaymentFile(attorney, matter.id, run.id, "ACH"))).code).toBe("CONFLICT");
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });
    expect((await refusal(exportPaymentFile(paralegal, matter.id, run.id, "ACH"))).code).toBe("FORBIDDEN");
    const outsider = (await makeMatterWithTeam()).attorney;
    expect((await refusal(exportPaymentFile(outsider, matter.id, run.id, "ACH"))).code).toBe("NOT_FOUND");
    const other = await makeMatterWithTeam();
    expect((await refusal(exportPaymentFile(other.attorney, other.matter.id, run.id, "ACH"))).code).toBe("NOT_FOUND");
    expect(Object.keys((await refusal(exportPaymentFile(attorney, matter.id, run.id, "GOLD"))).fieldErrors)).toEqual(["method"]);
    expect(await db.auditEvent.count({ where: { entityId: run.id, action: "distribution.export-payments" } })).toBe(0);
  });

  it("writes a NACHA file whose records, totals and entry hash check out, and counts the claims with no details", async () => {
    const { matter, attorney, claims, run, amounts } = await world();
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });
    const file = await exportPaymentFile(attorney, matter.id, run.id, "ACH");
    expect(file).toMatchObject({ payments: 5, missingDetails: 2 });

    const lines = (file.body as string).split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines.every((l) => l.length === 94)).toBe(true);
    expect(lines.length % 10).toBe(0);
    const types = lines.map((l) => l[0]).join("");
    expect(types).toMatch(/^156{5}89+$/);
    const [header, batch] = lines;
    expect(header!.slice(3, 13)).toBe(" 091000019");
    expect(header!.slice(13, 23)).toBe("1234567890");
    expect(header!.slice(34, 40)).toBe("094101");
    expect(header!.slice(40, 63).trim()).toBe("WELLS FARGO");
    expect(batch!.slice(1, 4)).toBe("220");
    expect(batch!.slice(4, 20).trim()).toBe("HONG SETTLEMENT");
    expect(batch!.slice(50, 53)).toBe("PPD");
    expect(batch!.slice(79, 87)).toBe("09100001");

    const entries = lines.filter((l) => l[0] === "6");
    const byNumber = new Map(claims.map((c) => [c.number, c.id]));
    let hash = 0n;
    let total = 0n;
    entries.forEach((l, i) => {
      const claimId = byNumber.get(l.slice(39, 54).trim())!;
      const a = ACH[claims.findIndex((c) => c.id === claimId)]!;
      expect(l.slice(1, 3)).toBe(a.type === "SAVINGS" ? "32" : "22");
      expect(l.slice(3, 12)).toBe(a.routing);
      expect(l.slice(12, 29).trimEnd()).toBe(a.account);
      expect(BigInt(l.slice(29, 39))).toBe(amounts.get(claimId));
      expect(l.slice(79, 94)).toBe(`09100001${String(i + 1).padStart(7, "0")}`);
      hash += BigInt(l.slice(3, 11));
      total += BigInt(l.slice(29, 39));
    });
    expect(total).toBe(ACH.map((_, i) => amounts.get(claims[i]!.id)!).reduce((n, x) => n + x, 0n));
    expect(file.totalCents).toBe(total);
    const control = lines.find((l) => l[0] === "8")!;
    expect(Number(control.slice(4, 10))).toBe(5);
    expect(BigInt(control.slice(10, 20))).toBe(hash % 10_000_000_000n);
    expect(BigInt(control.slice(20, 32))).toBe(0n);
    expect(BigInt(control.slice(32, 44))).toBe(total);
    const fileControl = lines.find((l) => l[0] === "9")!;
    expect(fileControl.slice(1, 7)).toBe("000001");
    expect(Number(fileControl.slice(7, 13))).toBe(lines.length / 10);
    expect(Number(fileControl.slice(13, 21))).toBe(5);
    expect(BigInt(fileControl.slice(21, 31))).toBe(hash % 10_000_000_000n);
    expect(BigInt(fileControl.slice(43, 55))).toBe(total);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: run.id, action: "distribution.export-payments" } });
    expect(audit.actorId).toBe(attorney.userId);
    expect(audit.details).toEqual({ method: "ACH", format: "nacha", payments: 5, totalCents: String(total), missingDetails: 2 });
    expect(JSON.stringify(audit.details)).not.toContain("123456789");

    const summary = await getPaymentFileSummary(attorney, matter.id, run.id);
    expect(summary.missing.payments).toBe(2);
    expect(summary.byMethod.map((m) => [m.method, m.payments])).toEqual([["PAYPAL", 2], ["VENMO", 1], ["ACH", 5], ["PREPAID_CARD", 1], ["CHECK", 2]]);
    const all = summary.byMethod.reduce((n, m) => n + m.totalCents, summary.missing.totalCents);
    expect(all).toBe([...amounts.values()].reduce((n, x) => n + x, 0n));
  });

  it("writes PayPal and Venmo in the Payouts layout and checks as a mailing file, byte for byte (no formula neutralising)", async () => {
    const { matter, attorney, claims, run, amounts } = await world();
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });
    const cents = (i: number) => amounts.get(claims[i]!.id)!;
    const dollars = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;

    const paypal = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL");
    // Under PayPal's 5,000 per upload: one CSV, as it always was.
    expect(paypal).toMatchObject({ contentType: "text/csv; charset=utf-8", parts: null });
    expect(paypal.filename).toMatch(/^paypal-payouts-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(paypal.body) as string[][];
    expect(rows).toEqual([
      ["pat@example.org", dollars(cents(5)), "USD", claims[5]!.number, `Settlement payment, claim ${claims[5]!.number}`, "PAYPAL"],
      ["4155550142", dollars(cents(6)), "USD", claims[6]!.number, `Settlement payment, claim ${claims[6]!.number}`, "PAYPAL"],
    ]);
    expect((paypal.body as string).charCodeAt(0)).not.toBe(0xfeff);
    const venmo = parse((await exportPaymentFile(attorney, matter.id, run.id, "VENMO")).body) as string[][];
    expect(venmo).toEqual([["3125550199", dollars(cents(7)), "USD", claims[7]!.number, `Settlement payment, claim ${claims[7]!.number}`, "VENMO"]]);

    const checks = await exportPaymentFile(attorney, matter.id, run.id, "CHECK");
    const mailing = parse(checks.body, { columns: true }) as Record<string, string>[];
    expect(mailing).toEqual([
      { claim_number: claims[8]!.number, payee_name: '=HYPERLINK("http://x")', address_line1: "1 Main St", address_line2: "", city: "Chicago", state: "IL", zip: "60601", amount: dollars(cents(8)), memo: `Settlement payment, claim ${claims[8]!.number}` },
      { claim_number: claims[9]!.number, payee_name: "Ana Ruiz", address_line1: "2 Oak Ave", address_line2: "Apt 3", city: "Springfield", state: "IL", zip: "62701", amount: dollars(cents(9)), memo: `Settlement payment, claim ${claims[9]!.number}` },
    ]);
    expect(checks.totalCents).toBe(cents(8) + cents(9));
    const cards = parse((await exportPaymentFile(attorney, matter.id, run.id, "PREPAID_CARD")).body, { columns: true }) as Record<string, string>[];
    expect(cards).toEqual([{ claim_number: claims[10]!.number, name: expect.stringMatching(/^Generated /), email: "card@example.org", amount: dollars(cents(10)), currency: "USD" }]);
    expect(await db.auditEvent.count({ where: { entityId: run.id, action: "distribution.export-payments" } })).toBe(4);
  });

  it("splits a PayPal file past 5,000 payments into numbered upload files in a ZIP with a manifest; every payment once, to the cent (re-issues too)", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, null, 12_001);
    await db.$executeRaw`
      INSERT INTO "ClaimPaymentDetails" ("claimId", "matterId", method, recipient, "updatedAt", "updatedById")
      SELECT id, "matterId", 'PAYPAL', lower(number) || '@example.org', now(), ${attorney.userId}::uuid FROM "Claim" WHERE "matterId" = ${matter.id}::uuid`;
    // A fund that does not divide evenly: some payments carry the leftover cent.
    const run = await computeDistribution(attorney, matter.id, {
      submissionKey: randomUUID(),
      grossFund: "123,456.78",
      attorneysFees: "0",
      costs: "0",
      adminCosts: "0",
      minimumPayment: "0",
      minimumMode: "RAISE_TO_FLOOR",
      defaultWeight: "1",
    });
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });
    const { allocatedCents } = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    const amounts = new Map((await db.payment.findMany({ where: { runId: run.id }, select: { claim: { select: { number: true } }, amountCents: true } })).map((p) => [p.claim.number, p.amountCents]));
    expect(new Set(amounts.values()).size).toBe(2);

    const file = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL");
    const slug = matter.slug;
    expect(file.contentType).toBe("application/zip");
    expect(file.filename).toMatch(new RegExp(`^${slug}-paypal-payouts-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    expect(file).toMatchObject({ payments: 12_001, totalCents: allocatedCents, missingDetails: 0 });
    const names = [1, 2, 3].map((i) => `${slug}-paypal-part-0${i}-of-03.csv`);
    expect(file.parts).toEqual(names.map((f, i) => ({ file: f, rows: [5000, 5000, 2001][i], totalCents: expect.any(BigInt) })));

    const zip = await unzip(file.body as Buffer);
    expect([...zip.keys()].sort()).toEqual([`${slug}-paypal-manifest.csv`, ...names].sort());
    const seen = new Map<string, bigint>();
    const partTotals = names.map((name) => {
      const rows = parse(zip.get(name)!) as string[][];
      let total = 0n;
      for (const r of rows) {
        expect(r).toHaveLength(6);
        expect(seen.has(r[3]!)).toBe(false);
        const cents = BigInt(r[1]!.replace(".", ""));
        seen.set(r[3]!, cents);
        total += cents;
      }
      return { rows: rows.length, total };
    });
    expect(partTotals.map((p) => p.rows)).toEqual([5000, 5000, 2001]);
    // Every payment exactly once, at its locked amount; the parts add up to the run.
    expect(seen).toEqual(amounts);
    expect(partTotals.reduce((n, p) => n + p.total, 0n)).toBe(allocatedCents);
    expect(file.parts!.map((p) => p.totalCents)).toEqual(partTotals.map((p) => p.total));
    const manifest = parse(zip.get(`${slug}-paypal-manifest.csv`)!, { bom: true, columns: true }) as Record<string, string>[];
    expect(manifest).toEqual([
      ...names.map((f, i) => ({ file: f, rows: String(partTotals[i]!.rows), total_cents: String(partTotals[i]!.total) })),
      { file: "TOTAL", rows: "12001", total_cents: String(allocatedCents) },
    ]);

    const audits = await db.auditEvent.findMany({ where: { entityId: run.id, action: "distribution.export-payments" } });
    expect(audits.map((a) => a.details)).toEqual([
      { method: "PAYPAL", format: "csv", payments: 12_001, totalCents: String(allocatedCents), missingDetails: 0, parts: [5000, 5000, 2001] },
    ]);

    // 6,000 come back failed: the re-issue file is split the same way, and pays each once.
    await db.$executeRaw`
      UPDATE "Payment" SET status = 'FAILED', reason = 'Unclaimed', "statusAt" = now()
      WHERE "runId" = ${run.id}::uuid AND "claimId" IN (SELECT "claimId" FROM "Payment" WHERE "runId" = ${run.id}::uuid ORDER BY "claimId" LIMIT 6000)`;
    const failedCents = (await db.payment.aggregate({ where: { runId: run.id, status: "FAILED" }, _sum: { amountCents: true } }))._sum.amountCents!;
    const reissue = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL", { reissue: true });
    expect(reissue).toMatchObject({ payments: 6000, totalCents: failedCents });
    expect(reissue.filename).toMatch(new RegExp(`^${slug}-paypal-reissue-payouts-`));
    expect(reissue.parts!.map((p) => [p.file, p.rows])).toEqual([
      [`${slug}-paypal-reissue-part-01-of-02.csv`, 5000],
      [`${slug}-paypal-reissue-part-02-of-02.csv`, 1000],
    ]);
    const again = await unzip(reissue.body as Buffer);
    const numbers = reissue.parts!.flatMap((p) => (parse(again.get(p.file)!) as string[][]).map((r) => r[3]));
    expect(new Set(numbers).size).toBe(6000);
    expect(await db.payment.count({ where: { runId: run.id, status: "PENDING", attempts: 2 } })).toBe(6000);
    // Those 6,000 are on the re-issue path now: the first file no longer holds them.
    expect((await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL")).payments).toBe(6001);
  }, 120_000);
});

async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.readEntry();
      z.on("entry", (entry: yauzl.Entry) => {
        z.openReadStream(entry, async (e, s) => {
          if (e || !s) return reject(e);
          const parts: Buffer[] = [];
          for await (const p of s) parts.push(p as Buffer);
          files.set(entry.fileName, Buffer.concat(parts));
          z.readEntry();
        });
      });
      z.on("end", () => resolve(files));
      z.on("error", reject);
    });
  });
}
