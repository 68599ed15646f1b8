import yazl from "yazl";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { db } from "@/lib/server/db";
import { unsafeExtractExhibitText } from "@/lib/server/exhibits/extract-exhibit-text";
import { MAX_OOXML_DOCUMENT_CHARS } from "@/lib/server/exhibits/ooxml-package";
import { searchExhibits } from "@/lib/server/exhibits/search-exhibits";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function docx(body: string): Promise<Buffer> {
  const z = new yazl.ZipFile();
  z.addBuffer(
    Buffer.from(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    "[Content_Types].xml",
  );
  z.addBuffer(
    Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    "_rels/.rels",
  );
  z.addBuffer(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`), "word/document.xml");
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

// About `mib` MiB of `unit` repeated: compresses to a few hundred kilobytes.
const inflating = (unit: string, mib: number) => unit.repeat(Math.ceil((mib * 1024 * 1024) / unit.length));

async function pagesOf(exhibitId: string): Promise<string[]> {
  return (await db.exhibitPage.findMany({ where: { exhibitId }, orderBy: { page: "asc" }, select: { text: true } })).map((p) => p.text);
}

describe("exhibits: bounded text extraction", () => {
  it("reads a Word document paragraph by paragraph, and search finds it", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const run = (text: string, props = "") => `<w:r>${props}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const bytes = await docx(
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run("Hong v. ")}${run("ByteDance", "<w:rPr><w:b/></w:rPr>")}</w:p>` +
        "<w:p/><w:p/><w:p/>" +
        `<w:p>${run("Host")}<w:r><w:tab/></w:r>${run("alog.umeng.com")}</w:p>` +
        `<w:p>${run("Sent daily &amp; hourly")}<w:r><w:br/></w:r>${run("since &lt;April 2019&gt;")}</w:p>` +
        `<w:p><w:del><w:r><w:delText>withdrawn wording</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>${run("Kept")}</w:p>`,
    );
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "memo.docx", extract: true });
    expect(exhibit.detectedType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(exhibit.extractionError).toBeNull();
    expect(exhibit.extractionStatus).toBe("DONE");
    expect(await pagesOf(exhibit.id)).toEqual(["Hong v. ByteDance\n\nHost\talog.umeng.com\nSent daily & hourly\nsince <April 2019>\nKept"]);
    expect((await searchExhibits(paralegal, matter.id, { q: "umeng" })).map((h) => h.exhibitId)).toEqual([exhibit.id]);
    expect(await searchExhibits(paralegal, matter.id, { q: "withdrawn" })).toEqual([]);
  });

  it("stops a small .docx that inflates to 100 MiB of XML at the text limit, within a small heap", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const bytes = await docx(inflating("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>umeng </w:t></w:r></w:p>", 100));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "bomb.docx" });
    const started = Date.now();
    await unsafeExtractExhibitText(exhibit.id, { memoryMb: 128, timeLimitSeconds: 120 });
    expect(Date.now() - started).toBeLessThan(60_000);
    const after = await db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } });
    expect(after.extractionError).toBeNull();
    expect(after.extractionStatus).toBe("DONE");
    const pages = await pagesOf(exhibit.id);
    expect(pages.at(-1)).toMatch(new RegExp(`\\[Document truncated: only its first ${MAX_OOXML_DOCUMENT_CHARS.toLocaleString("en-US")} characters were indexed\\.\\]$`));
    expect(pages.join("").length).toBeLessThan(MAX_OOXML_DOCUMENT_CHARS + 200);
  });

  it("stops a parse that runs past its time budget, and fails the exhibit with the reason", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    // Markup and no text: nothing stops the reader early.
    const bytes = await docx(inflating('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>', 100));
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "slow.docx" });
    const started = Date.now();
    await unsafeExtractExhibitText(exhibit.id, { memoryMb: 256, timeLimitSeconds: 2 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const after = await db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } });
    expect(after.extractionStatus).toBe("FAILED");
    expect(after.extractionError).toBe("Text extraction took longer than 2 s and was stopped; the file was not parsed.");
    expect(after.extractionAttempts).toBe(0);
    expect(await pagesOf(exhibit.id)).toEqual([]);
  });

  it("stops a parse that runs out of its memory allowance; the process and the next exhibit carry on", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    // A million small objects: far more heap than the 48 MiB allowed.
    const json = Buffer.from(JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => ({ id: i, host: `h${i}.umeng.com` }))));
    const limits = { memoryMb: 48, timeLimitSeconds: 60 };
    const { exhibit: big } = await makeExhibit(paralegal, matter.id, { bytes: json, fileName: "big.json" });
    const { exhibit: next } = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from('{"host":"bugly.qq.com"}'), fileName: "small.json" });
    await unsafeExtractExhibitText(big.id, limits);
    await unsafeExtractExhibitText(next.id, limits);

    const failed = await db.exhibit.findUniqueOrThrow({ where: { id: big.id } });
    expect(failed.extractionStatus).toBe("FAILED");
    expect(failed.extractionError).toBe("Text extraction ran out of its memory allowance (48 MiB) and was stopped; the file was not parsed.");
    expect(await pagesOf(big.id)).toEqual([]);
    const done = await db.exhibit.findUniqueOrThrow({ where: { id: next.id } });
    expect(done.extractionStatus).toBe("DONE");
    expect(await pagesOf(next.id)).toEqual(["host: bugly.qq.com"]);
  });

  it("fails an exhibit whose extraction took its worker down twice instead of parsing it a third time", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit: once } = await makeExhibit(paralegal, matter.id, { fileName: "once.txt" });
    const { exhibit: twice } = await makeExhibit(paralegal, matter.id, { fileName: "twice.txt" });
    // What two runs that died with their process leave behind: RUNNING, counted, never finished.
    await db.exhibit.update({ where: { id: once.id }, data: { extractionStatus: "RUNNING", extractionAttempts: 1 } });
    await db.exhibit.update({ where: { id: twice.id }, data: { extractionStatus: "RUNNING", extractionAttempts: 2 } });
    await unsafeExtractExhibitText(once.id);
    await unsafeExtractExhibitText(twice.id);

    const retried = await db.exhibit.findUniqueOrThrow({ where: { id: once.id } });
    expect([retried.extractionStatus, retried.extractionAttempts]).toEqual(["DONE", 0]);
    expect(await pagesOf(once.id)).toHaveLength(1);
    const failed = await db.exhibit.findUniqueOrThrow({ where: { id: twice.id } });
    expect(failed.extractionStatus).toBe("FAILED");
    expect(failed.extractionError).toBe("Text extraction stopped the worker twice; the file was not parsed.");
    expect(failed.extractionAttempts).toBe(0);
    expect(await pagesOf(twice.id)).toEqual([]);
  });
});
