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
import { redactExhibit } from "@/lib/server/exhibits/redact-exhibit";
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

describe("exhibits: redaction", () => {
  it("makes a verified redacted copy (original untouched) that productions stamp, with its text and a redaction log", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const original = await capturePdf([[`Misty Hong's device IMEI ${IMEI} was sent to alog.umeng.com.`, "The request carried the Android ID as well."], [`Second sighting of ${IMEI}.`]]);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: original, fileName: "capture.pdf", extract: true });
    const input = { terms: [{ text: IMEI, reason: "PII" }, { text: "Misty Hong", reason: "PII" }], submissionKey: randomUUID() };

    const refused = await redactExhibit(paralegal, matter.id, exhibit.id, input).catch((e: unknown) => e);
    expect((refused as AppError).status).toBe(403);

    const copy = await redactExhibit(attorney, matter.id, exhibit.id, input);
    expect(copy.redactions.map((r) => [r.reason, r.occurrences, r.pages])).toEqual([["PII", 2, [1, 2]], ["PII", 1, [1]]]);
    // A second submit of the same form makes no second copy.
    expect((await redactExhibit(attorney, matter.id, exhibit.id, input)).id).toBe(copy.id);

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
    expect(log).toEqual([
      { BegBates: "TEST-000001", EndBates: "TEST-000002", ExhibitNo: "PX-0001", Reason: "Personal information", Occurrences: "2", Pages: "TEST-000001; TEST-000002" },
      { BegBates: "TEST-000001", EndBates: "TEST-000002", ExhibitNo: "PX-0001", Reason: "Personal information", Occurrences: "1", Pages: "TEST-000001" },
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
    const refused = await redactExhibit(attorney, matter.id, exhibit.id, { terms: [{ text: IMEI, reason: "PII" }], submissionKey: randomUUID() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors.terms?.[0]).toContain(IMEI);
    expect(await db.redactedCopy.count({ where: { exhibitId: exhibit.id } })).toBe(0);
  });
});
