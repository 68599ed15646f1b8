import { createHash, randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { extractText, definePDFJSModule, getDocumentProxy } from "unpdf";
import yauzl from "yauzl";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { parse } from "csv-parse/sync";
import { readDat } from "@/lib/productions/load-files";
import { db } from "@/lib/server/db";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { exportProductionLog, PRODUCTION_LOG_HEADER } from "@/lib/server/exhibits/export-production-log";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("hex");
const zipPath = (loadFilePath: string) => loadFilePath.replaceAll("\\", "/");

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

async function pdfText(bytes: Uint8Array): Promise<string> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: true })).text;
}

const HAR = JSON.stringify({
  log: {
    version: "1.2",
    creator: { name: "test", version: "1" },
    entries: [
      {
        startedDateTime: "2019-04-01T10:00:00.000Z",
        time: 10,
        request: { method: "POST", url: "https://alog.umeng.com/app_logs", httpVersion: "HTTP/1.1", headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
        response: { status: 200, statusText: "OK", httpVersion: "HTTP/1.1", headers: [], cookies: [], content: { size: 0, mimeType: "text/plain" }, redirectURL: "", headersSize: -1, bodySize: 0 },
        cache: {},
        timings: { send: 0, wait: 10, receive: 0 },
      },
    ],
  },
});

const EML = [
  "From: Misty Hong <misty@example.com>",
  "To: Counsel <counsel@firm.example>",
  "Date: Tue, 02 Apr 2019 10:00:00 +0000",
  "Subject: Screenshots of the app",
  "",
  "Attached are the screenshots of the account I never created.",
  "",
].join("\r\n");

describe("productions: standard deliverables", () => {
  it("ships DAT, OPT, TEXT/, natives with slip sheets and family ranges whose Bates numbers and hashes check out", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    await db.matter.update({
      where: { id: matter.id },
      data: { fre502dOrder: "Stipulated FRE 502(d) Order, ECF No. 88 (N.D. Cal. Mar. 3, 2026)", protectiveOrder: "Stipulated Protective Order, ECF No. 61" },
    });
    // PX-0001 privileged memo (2 pp), PX-0002 a PDF (3 pp), PX-0003 an e-mail with PX-0004 its
    // PDF attachment (2 pp), PX-0005 a HAR produced natively.
    const memo = await makeExhibit(paralegal, matter.id, { bytes: await makePdf(["Privileged memo page one", "memo page two"]), fileName: "memo.pdf", extract: true });
    await db.exhibit.update({ where: { id: memo.exhibit.id }, data: { privilege: "ATTORNEY_CLIENT", privilegeBasis: "Advice of counsel" } });
    const pdf = await makeExhibit(paralegal, matter.id, { bytes: await makePdf(["Umeng SDK report one", "two", "three"]), fileName: "report.pdf", extract: true });
    const mail = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(EML), fileName: "screenshots.eml", extract: true });
    const attachmentBytes = await makePdf(["Attachment: screenshot of the account", "page two"]);
    const attachment = await makeExhibit(paralegal, matter.id, { bytes: attachmentBytes, fileName: "screenshot.pdf", extract: true });
    await db.exhibit.update({ where: { id: attachment.exhibit.id }, data: { parentExhibitId: mail.exhibit.id, custodian: "Misty Hong" } });
    await db.exhibit.update({ where: { id: mail.exhibit.id }, data: { custodian: "Misty Hong" } });
    const har = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(HAR), fileName: "capture.har", extract: true });

    // Without the override it is refused with the waiver warning citing the recorded order.
    const base = { name: "Plaintiffs' First Production", producedTo: "Counsel for ByteDance Inc. (King & Spalding)", volume: "HONG001" };
    const ids = [har.exhibit.id, attachment.exhibit.id, pdf.exhibit.id, mail.exhibit.id, memo.exhibit.id];
    const refused = await createProduction(attorney, matter.id, { ...base, exhibitIds: ids, submissionKey: randomUUID() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toContain("risks waiving");
    expect((refused as AppError).message).toContain("ECF No. 88");

    const production = await createProduction(attorney, matter.id, {
      ...base,
      exhibitIds: ids,
      privilegeOverrideReason: "Produced under the 502(d) order to resolve the dispute over the memo",
      submissionKey: randomUUID(),
    });
    expect(production.fre502dOrder).toContain("ECF No. 88");
    expect(production.protectiveOrder).toContain("ECF No. 61");
    expect(production.producedTo).toBe(base.producedTo);
    expect(production.zipSha256).toMatch(/^[0-9a-f]{64}$/);

    const { stream } = await openProductionZip(attorney, matter.id, production.id);
    const zip = await readAll(stream);
    // The delivered bytes are the ones the production log records.
    expect(sha256(zip)).toBe(production.zipSha256);
    expect(md5(zip)).toBe(production.zipMd5);
    const files = await unzip(zip);

    const dat = readDat(files.get("DATA/HONG001.dat")!);
    expect([...files.get("DATA/HONG001.dat")!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Exhibit order, families together: memo 1–2, pdf 3–5, e-mail 6, attachment 7–8, HAR 9 (slip sheet).
    expect(dat.map((r) => [r.EXHIBITNO, r.BEGBATES, r.ENDBATES, r.BEGATTACH, r.ENDATTACH, r.PAGECOUNT])).toEqual([
      ["PX-0001", "TEST-000001", "TEST-000002", "TEST-000001", "TEST-000002", "2"],
      ["PX-0002", "TEST-000003", "TEST-000005", "TEST-000003", "TEST-000005", "3"],
      ["PX-0003", "TEST-000006", "TEST-000006", "TEST-000006", "TEST-000008", "1"],
      ["PX-0004", "TEST-000007", "TEST-000008", "TEST-000006", "TEST-000008", "2"],
      ["PX-0005", "TEST-000009", "TEST-000009", "TEST-000009", "TEST-000009", "1"],
    ]);
    const [memoRow, pdfRow, mailRow, attachmentRow, harRow] = dat as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    expect(mailRow.DATESENT).toBe("04/02/2019");
    expect(mailRow.ATTACHCOUNT).toBe("1");
    expect(attachmentRow.PARENTBATES).toBe("TEST-000006");
    expect(attachmentRow.CUSTODIAN).toBe("Misty Hong");
    expect(memoRow.PRIVILEGE).toBe("Attorney–client");
    expect(memoRow.CONFIDENTIALITY).toBe("CONFIDENTIAL");
    expect(pdfRow.FILENAME).toBe("report.pdf");

    // Every hash in the DAT is the hash of the file it points at in the ZIP.
    for (const row of dat) {
      const primary = files.get(zipPath(row.NATIVEPATH || row.IMAGEPATH!))!;
      expect(primary, row.BEGBATES).toBeDefined();
      expect(md5(primary)).toBe(row.MD5HASH);
      expect(sha256(primary)).toBe(row.SHA256);
      expect(row.TEXTPATH).toBe(`TEXT\\${row.BEGBATES}.txt`);
    }
    // The native HAR is the collected bytes; its slip sheet carries its Bates number and legend.
    expect(harRow.NATIVEPATH).toBe("NATIVES\\TEST-000009.har");
    expect(sha256(files.get("NATIVES/TEST-000009.har")!)).toBe(sha256(Buffer.from(HAR)));
    expect(harRow.SHA256).toBe(har.exhibit.blobSha256);
    const slip = files.get("IMAGES/TEST-000009.pdf")!;
    expect((await PDFDocument.load(slip)).getPageCount()).toBe(1);
    const slipText = await pdfText(slip);
    expect(slipText).toContain("Document produced in native format");
    expect(slipText).toContain("TEST-000009");
    expect(slipText).toContain("CONFIDENTIAL");
    // Text per document from the exhibit's pages; the e-mail is set as a stamped page too.
    expect(files.get("TEXT/TEST-000007.txt")!.toString()).toContain("screenshot of the account");
    expect(files.get("TEXT/TEST-000006.txt")!.toString()).toContain("never created");
    expect(mailRow.NATIVEPATH).toBe("");
    const mailPdf = await pdfText(files.get("IMAGES/TEST-000006.pdf")!);
    expect(mailPdf).toContain("never created");
    expect(mailPdf).toContain("TEST-000006");
    expect(files.get("TEXT/TEST-000009.txt")!.toString()).toContain("umeng.com");
    // The stamped attachment's pages carry its own numbers.
    expect(await pdfText(files.get("IMAGES/TEST-000007.pdf")!)).toContain("TEST-000008");

    // Opticon: one line per Bates page, pointing at the document's PDF.
    const opt = files.get("DATA/HONG001.opt")!.toString().trim().split("\r\n");
    expect(opt).toHaveLength(9);
    expect(opt[0]).toBe("TEST-000001,HONG001,IMAGES\\TEST-000001.pdf,Y,,,2");
    expect(opt[1]).toBe("TEST-000002,HONG001,IMAGES\\TEST-000001.pdf,,,,");
    expect(opt[8]).toBe("TEST-000009,HONG001,IMAGES\\TEST-000009.pdf,Y,,,1");
    for (const line of opt) expect(files.has(zipPath(line.split(",")[2]!))).toBe(true);

    // Manifest and checksum lists cover every file with both hashes.
    const manifest = JSON.parse(files.get("DATA/manifest.json")!.toString()) as {
      producedTo: string;
      fre502dOrder: string;
      auditEvent: { id: string; action: string };
      generatedAt: string;
      notice: { privilege: string };
      items: { files: { path: string; md5: string; sha256: string }[] }[];
    };
    expect(manifest.producedTo).toBe(base.producedTo);
    expect(manifest.notice.privilege).toContain("ECF No. 88");
    expect(manifest.generatedAt).toBe(production.createdAt.toISOString());
    const created = await db.auditEvent.findFirstOrThrow({ where: { entityId: production.id, action: "production.create" } });
    expect(manifest.auditEvent).toEqual({ id: created.id.toString(), action: "production.create" });
    expect((created.details as { privileged: string[] }).privileged).toEqual(["PX-0001"]);
    for (const item of manifest.items) for (const f of item.files) expect([md5(files.get(f.path)!), sha256(files.get(f.path)!)]).toEqual([f.md5, f.sha256]);
    for (const [list, hash] of [["MD5SUMS.txt", md5], ["SHA256SUMS.txt", sha256]] as const) {
      const lines = files.get(list)!.toString().trim().split("\n");
      expect(lines.length).toBeGreaterThanOrEqual(15);
      for (const line of lines) {
        const [h, name] = line.split("  ");
        expect(hash(files.get(name!)!), name).toBe(h);
      }
    }
    expect(await db.auditEvent.count({ where: { entityId: production.id, action: "production.package" } })).toBe(1);

    // A second download is the same bytes.
    expect(sha256(await readAll((await openProductionZip(attorney, matter.id, production.id)).stream))).toBe(production.zipSha256);

    // The production log: what went to whom, when, under which orders, with the ZIP's hashes,
    // naming its generation time and the audit event that recorded the export.
    const log = await exportProductionLog(paralegal, matter.id, "csv");
    const rows = parse(log.body.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(PRODUCTION_LOG_HEADER);
    const row = Object.fromEntries(PRODUCTION_LOG_HEADER.map((h, i) => [h, rows[1]![i]]));
    expect(row).toMatchObject({
      Volume: "HONG001",
      "Produced To": base.producedTo,
      "Bates Range": "TEST-000001 – TEST-000009",
      Documents: "5",
      Privileged: "1",
      Confidential: "5",
      "FRE 502(d) Order": "Stipulated FRE 502(d) Order, ECF No. 88 (N.D. Cal. Mar. 3, 2026)",
      "Protective Order": "Stipulated Protective Order, ECF No. 61",
      "ZIP SHA-256": production.zipSha256,
      "ZIP MD5": production.zipMd5,
      "Audit Event": `#${created.id} production.create`,
    });
    const exported = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "production.export-log" } });
    expect(rows.at(-1)![0]).toMatch(new RegExp(`^Generated \\d{4}-\\d\\d-\\d\\dT.*audit event #${exported.id} \\(production\\.export-log\\)`));
    const pdfLog = await exportProductionLog(attorney, matter.id, "pdf");
    expect((await pdfText(pdfLog.body)).replace(/\s/g, "")).toContain("HONG001");
  });
});
