import { createHash, randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, definePDFJSModule, getDocumentProxy } from "unpdf";
import yauzl from "yauzl";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { readDat } from "@/lib/productions/load-files";
import { findRemaining } from "@/lib/redaction/redact-pdf";
import { db } from "@/lib/server/db";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { requestRedaction } from "@/lib/server/exhibits/request-redaction";
import { unsafeRunRedaction } from "@/lib/server/exhibits/run-redaction";
import type { Actor } from "@/lib/server/auth/actor";
import { blobRoot } from "@/lib/server/storage/blob-store";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const IMEI = "356938035643809";

async function pdfText(bytes: Uint8Array): Promise<string> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.readEntry();
      z.on("entry", (entry: yauzl.Entry) => {
        z.openReadStream(entry, async (e, s) => {
          if (e || !s) return reject(e);
          files.set(entry.fileName, await readAll(s));
          z.readEntry();
        });
      });
      z.on("end", () => resolve(files));
    });
  });
}

async function capturePdf(lines: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle(`Capture for Misty Hong, IMEI ${IMEI}`);
  for (const pageLines of lines) {
    const page = doc.addPage([612, 792]);
    pageLines.forEach((line, i) => page.drawText(line, { x: 72, y: 700 - i * 20, size: 12, font }));
  }
  return doc.save();
}

// What the worker does with a request, run here in the test's own process.
async function redactNow(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  const request = await requestRedaction(actor, matterId, exhibitId, input);
  expect(request.status).toBe("PENDING");
  await unsafeRunRedaction(request.id);
  return db.redactionRequest.findUniqueOrThrow({ where: { id: request.id }, include: { redactedCopy: { include: { redactions: { orderBy: { id: "asc" } } } } } });
}

// Each job starts the parser sandbox twice; on a busy machine that takes a while.
describe("exhibits: redaction", { timeout: 240_000 }, () => {
  it("makes a verified redacted copy (original untouched) that productions stamp, with its text and a redaction log", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const original = await capturePdf([[`Misty Hong's device IMEI ${IMEI} was sent to alog.umeng.com.`, "The request carried the Android ID as well."], [`Second sighting of ${IMEI}.`]]);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: original, fileName: "capture.pdf", extract: true });
    const input = { terms: [{ text: IMEI, reason: "PII" }, { text: "Misty Hong", reason: "PII" }], submissionKey: randomUUID() };

    const refused = await requestRedaction(paralegal, matter.id, exhibit.id, input).catch((e: unknown) => e);
    expect((refused as AppError).status).toBe(403);

    const request = await redactNow(attorney, matter.id, exhibit.id, input);
    expect([request.status, request.failureReason]).toEqual(["DONE", null]);
    const copy = request.redactedCopy!;
    expect(copy.redactions.map((r) => [r.kind, r.reason, r.occurrences, r.pages])).toEqual([["TERM", "PII", 2, [1, 2]], ["TERM", "PII", 1, [1]]]);
    // A second submit of the same form makes no second request, and its job no second copy.
    const again = await requestRedaction(attorney, matter.id, exhibit.id, input);
    expect(again.id).toBe(request.id);
    await unsafeRunRedaction(again.id);
    expect(await db.redactedCopy.count({ where: { exhibitId: exhibit.id } })).toBe(1);
    const requested = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.redaction-request" } });
    expect([requested.actorId, requested.details]).toEqual([attorney.userId, { requestId: request.id, terms: 2, regions: [] }]);

    const stored = await db.blob.findUniqueOrThrow({ where: { sha256: exhibit.blobSha256 } });
    expect(sha256(await fsp.readFile(path.join(blobRoot(), stored.storageKey)))).toBe(sha256(original));
    const redactedBlob = await db.blob.findUniqueOrThrow({ where: { sha256: copy.redactedSha256 } });
    const redacted = await fsp.readFile(path.join(blobRoot(), redactedBlob.storageKey));
    const text = await pdfText(redacted);
    expect(text).not.toContain(IMEI);
    expect(text).not.toContain("Misty Hong");
    expect(text).toContain("was sent to alog.umeng.com");
    expect(text).toContain("Android ID");
    expect(await findRemaining(redacted, [IMEI, "Misty Hong"])).toEqual([]);
    expect(copy.pageTexts.join(" ")).not.toContain(IMEI);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.redact" } });
    expect(event.actorId).toBe(attorney.userId);
    expect(JSON.stringify(event.details)).not.toContain(IMEI);

    const production = await createProduction(attorney, matter.id, { name: "Vol. 1", exhibitIds: [exhibit.id], submissionKey: randomUUID() });
    const files = await unzip(await readAll((await openProductionZip(attorney, matter.id, production.id)).stream));
    const stamped = await pdfText(files.get("IMAGES/TEST-000001.pdf")!);
    expect(stamped).not.toContain(IMEI);
    expect(stamped).toContain("TEST-000002");
    expect(files.get("TEXT/TEST-000001.txt")!.toString()).not.toContain(IMEI);
    expect(files.get("TEXT/TEST-000001.txt")!.toString()).toContain("alog.umeng.com");
    expect(readDat(files.get("DATA/VOL001.dat")!)[0]!.REDACTED).toBe("Y");
    const log = parse(files.get("DATA/redaction-log.csv")!.toString(), { columns: true }) as Record<string, string>[];
    const by = { RedactedBy: (await db.user.findUniqueOrThrow({ where: { id: attorney.userId } })).name, RedactedAt: copy.redactions[0]!.createdAt.toISOString() };
    const row = { BegBates: "TEST-000001", EndBates: "TEST-000002", ExhibitNo: "PX-0001", Type: "Search term", Reason: "Personal information", Area: "", ...by };
    expect(log).toEqual([
      { ...row, Occurrences: "2", Pages: "TEST-000001; TEST-000002" },
      { ...row, Occurrences: "1", Pages: "TEST-000001" },
    ]);
    for (const [, bytes] of files) expect(bytes.toString("latin1")).not.toContain(IMEI);
  });

  it("keeps nothing when the extracted text of the copy still holds a term", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    // The number is drawn in two pieces side by side: each piece alone matches nothing, but a
    // reader extracts the whole number.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText("IMEI 3569380", { x: 72, y: 700, size: 12, font });
    page.drawText("35643809 end", { x: 72 + font.widthOfTextAtSize("IMEI 3569380", 12), y: 700, size: 12, font });
    const { exhibit } = await makeExhibit(attorney, matter.id, { bytes: await doc.save(), fileName: "split.pdf" });
    const request = await redactNow(attorney, matter.id, exhibit.id, { terms: [{ text: IMEI, reason: "PII" }], submissionKey: randomUUID() });
    expect(request.status).toBe("FAILED");
    expect(request.failureReason).toBe("The redacted copy of PX-0001 still contained a search term, so it was not kept.");
    expect(await db.redactedCopy.count({ where: { exhibitId: exhibit.id } })).toBe(0);
    const failed = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.redaction-failed" } });
    expect(failed.details).toEqual({ requestId: request.id, reason: request.failureReason });
    expect(JSON.stringify(failed.details)).not.toContain(IMEI);
  });

  it("a malformed PDF ends the request FAILED with a one-line reason, and nothing is stored", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    const broken = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const { exhibit } = await makeExhibit(attorney, matter.id, { bytes: broken, fileName: "broken.pdf" });
    const request = await redactNow(attorney, matter.id, exhibit.id, { terms: [{ text: "secret", reason: "PII" }], submissionKey: randomUUID() });
    expect(request.status).toBe("FAILED");
    expect(request.failureReason).toMatch(/^PX-0001 could not be redacted|^The PDF could not be redacted/);
    expect(request.failureReason).not.toContain("\n");
    expect(request.finishedAt).not.toBeNull();
    expect(await db.redactedCopy.count({ where: { exhibitId: exhibit.id } })).toBe(0);
    // A non-PDF is refused when asked, before any job.
    const { exhibit: text } = await makeExhibit(attorney, matter.id, { bytes: Buffer.from("plain words"), fileName: "n.txt" });
    const refused = await requestRedaction(attorney, matter.id, text.id, { terms: [{ text: "plain", reason: "PII" }], submissionKey: randomUUID() }).catch((e: unknown) => e);
    expect((refused as AppError).status).toBe(422);
    // Neither terms nor regions: nothing to do.
    const empty = await requestRedaction(attorney, matter.id, exhibit.id, { terms: [], regions: [], submissionKey: randomUUID() }).catch((e: unknown) => e);
    expect((empty as AppError).fieldErrors.terms?.[0]).toMatch(/draw a region/);
  });

  it("blacks out a region: the text inside is gone, the rest stays, and the log says where, why, who and when", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const original = await capturePdf([["Privileged: call counsel at 555-0134 today.", "Device data went to alog.umeng.com."]]);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: original, fileName: "memo.pdf" });
    // Over the whole first line (baseline 700), not the second (680).
    const region = { page: 1, x: 70, y: 695, width: 300, height: 15, reason: "PRIVILEGE" };
    const request = await redactNow(attorney, matter.id, exhibit.id, { terms: [], regions: [region], submissionKey: randomUUID() });
    expect([request.status, request.failureReason]).toEqual(["DONE", null]);
    const copy = request.redactedCopy!;
    expect(copy.redactions.map((r) => [r.kind, r.reason, r.pages, r.page, r.x, r.y, r.width, r.height, r.term])).toEqual([["REGION", "PRIVILEGE", [1], 1, 70, 695, 300, 15, null]]);
    expect(copy.redactions[0]!.occurrences).toBe("Privileged: call counsel at 555-0134 today.".length);
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: copy.redactedSha256 } });
    const text = await pdfText(await fsp.readFile(path.join(blobRoot(), blob.storageKey)));
    expect(text).not.toContain("555-0134");
    expect(text).not.toContain("counsel");
    expect(text).toContain("Device data went to alog.umeng.com.");
    expect(copy.pageTexts.join(" ")).not.toContain("counsel");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.redact" } });
    expect((event.details as { redactions: unknown[] }).redactions).toEqual([{ kind: "REGION", reason: "PRIVILEGE", occurrences: 43, pages: [1] }]);

    // A later request adds a term; the region is applied again, still credited to its author.
    const later = await redactNow(attorney, matter.id, exhibit.id, { terms: [{ text: "umeng", reason: "CONFIDENTIALITY" }], submissionKey: randomUUID() });
    expect(later.redactedCopy!.redactions.map((r) => [r.kind, r.reason, r.createdAt.toISOString()])).toEqual([
      ["TERM", "CONFIDENTIALITY", later.redactedCopy!.redactions[0]!.createdAt.toISOString()],
      ["REGION", "PRIVILEGE", copy.redactions[0]!.createdAt.toISOString()],
    ]);

    const production = await createProduction(attorney, matter.id, { name: "Vol. R", exhibitIds: [exhibit.id], submissionKey: randomUUID() });
    const files = await unzip(await readAll((await openProductionZip(attorney, matter.id, production.id)).stream));
    const log = parse(files.get("DATA/redaction-log.csv")!.toString(), { columns: true }) as Record<string, string>[];
    const name = (await db.user.findUniqueOrThrow({ where: { id: attorney.userId } })).name;
    expect(log[1]).toEqual({
      BegBates: "TEST-000001",
      EndBates: "TEST-000001",
      ExhibitNo: "PX-0001",
      Type: "Region",
      Reason: "Privilege",
      Occurrences: "43",
      Pages: "TEST-000001",
      Area: "x 70, y 695, 300 × 15 pt",
      RedactedBy: name,
      RedactedAt: copy.redactions[0]!.createdAt.toISOString(),
    });
    expect(files.get("TEXT/TEST-000001.txt")!.toString()).not.toContain("counsel");
  });
});
