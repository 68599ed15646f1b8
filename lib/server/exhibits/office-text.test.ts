import yazl from "yazl";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { db } from "@/lib/server/db";
import { MAX_OOXML_ENTRIES, MAX_OOXML_PAGE_CHARS } from "@/lib/server/exhibits/ooxml-package";
import { searchExhibits } from "@/lib/server/exhibits/search-exhibits";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

// Office files are built here part by part, so each test shows the XML it relies on.
async function zip(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of Object.entries(parts)) z.addBuffer(Buffer.from(content), name);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PML = "http://schemas.openxmlformats.org/presentationml/2006/main";
const DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const rels = (list: [id: string, type: string, target: string][]) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;

type SheetSpec = { name: string; part: string; rows: string; state?: string };

function xlsxParts(sheets: SheetSpec[], shared: string[]): Record<string, string> {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": `${XML}<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdS${i}"${s.state ? ` state="${s.state}"` : ""}/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels([
      ...sheets.map((s, i): [string, string, string] => [`rIdS${i}`, "worksheet", s.part.replace(/^xl\//, "")]),
      ["rIdSS", "sharedStrings", "sharedStrings.xml"],
    ]),
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${SML}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si>${s}</si>`).join("")}</sst>`,
  };
  for (const s of sheets) parts[s.part] = `${XML}<worksheet xmlns="${SML}"><sheetData>${s.rows}</sheetData></worksheet>`;
  return parts;
}

const shape = (paragraphs: string, ph?: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr>${ph ? `<p:ph type="${ph}"/>` : ""}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paragraphs}</p:txBody></p:sp>`;
const para = (...runs: string[]) => `<a:p>${runs.map((r) => (r === "<br>" ? "<a:br/>" : `<a:r><a:t>${r}</a:t></a:r>`)).join("")}</a:p>`;
const slideXml = (shapes: string, attrs = "") =>
  `${XML}<p:sld xmlns:a="${DML}" xmlns:p="${PML}" xmlns:r="${REL}"${attrs}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:sld>`;
const notesXml = (shapes: string) => `${XML}<p:notes xmlns:a="${DML}" xmlns:p="${PML}" xmlns:r="${REL}"><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:notes>`;

function pptxParts(order: string[], slides: Record<string, string>, notes: Record<string, string> = {}): Record<string, string> {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": rels([["rId1", "officeDocument", "ppt/presentation.xml"]]),
    "ppt/presentation.xml": `${XML}<p:presentation xmlns:p="${PML}" xmlns:r="${REL}"><p:sldIdLst>${order
      .map((part, i) => `<p:sldId id="${256 + i}" r:id="rId${part.replace(/\D/g, "")}"/>`)
      .join("")}</p:sldIdLst></p:presentation>`,
    "ppt/_rels/presentation.xml.rels": rels(Object.keys(slides).map((part) => [`rId${part.replace(/\D/g, "")}`, "slide", part.replace(/^ppt\//, "")])),
  };
  for (const [part, xml] of Object.entries(slides)) parts[part] = xml;
  for (const [slidePart, xml] of Object.entries(notes)) {
    const n = slidePart.replace(/\D/g, "");
    parts[`ppt/notesSlides/notesSlide${n}.xml`] = xml;
    parts[slidePart.replace("slides/", "slides/_rels/") + ".rels"] = rels([["rId1", "notesSlide", `../notesSlides/notesSlide${n}.xml`]]);
  }
  return parts;
}

async function pagesOf(exhibitId: string): Promise<{ page: number; text: string }[]> {
  return db.exhibitPage.findMany({ where: { exhibitId }, orderBy: { page: "asc" }, select: { page: true, text: true } });
}

describe("exhibits: Office spreadsheet and presentation text", () => {
  it("reads an .xlsx sheet by sheet in workbook order, with shared and inline strings, numbers and entities", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    // The workbook lists sheet2.xml first: order comes from the workbook, not the part names.
    const bytes = await zip(
      xlsxParts(
        [
          {
            name: "Transfers",
            part: "xl/worksheets/sheet2.xml",
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
              '<row r="2"><c r="A2" t="inlineStr"><is><t>alog.umeng.com</t></is></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>43556</v></c><c r="D2" t="b"><v>1</v></c></row>' +
              '<row r="3"/>' +
              '<row r="4"><c r="A4" t="s"><v>4</v></c><c r="C4"><f>SUM(C2:C2)</f><v>43556.5</v></c><c r="D4" t="e"><v>#DIV/0!</v></c></row>',
          },
          {
            name: "R&amp;D &lt;draft&gt;",
            part: "xl/worksheets/sheet1.xml",
            state: "hidden",
            rows:
              '<row r="1"><c r="A1" t="inlineStr"><is><t>Tom &amp; Jerry say &quot;hi&quot; &apos;twice&apos; &#65;&#x4E2D; 1 &lt; 2 &gt; 0</t></is></c></row>' +
              '<row r="2"><c r="B2" t="s"><v>5</v></c></row>',
          },
        ],
        [
          "<t>Destination host</t>",
          "<t>Recipient organisation</t>",
          "<t>First seen</t>",
          // Rich text runs join into one cell; the phonetic guide is not text of the cell.
          '<r><t>Alibaba </t></r><r><rPr><b/></rPr><t xml:space="preserve">Group</t></r><rPh sb="0" eb="1"><t>アリババ</t></rPh>',
          "<t>device identifier\nsent daily</t>",
          "<t>Line one_x000D__x000A_line two</t>",
        ],
      ),
    );
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "transfers.xlsx", extract: true });
    expect(exhibit.detectedType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(exhibit.extractionError).toBeNull();
    expect(exhibit.extractionStatus).toBe("DONE");
    expect(exhibit.pageCount).toBeNull();
    expect(await pagesOf(exhibit.id)).toEqual([
      {
        page: 1,
        text: [
          "Sheet: Transfers",
          "Destination host\tRecipient organisation\tFirst seen",
          "alog.umeng.com\tAlibaba Group\t43556\tTRUE",
          "device identifier sent daily\t43556.5\t#DIV/0!",
        ].join("\n"),
      },
      { page: 2, text: 'Sheet: R&D <draft> (hidden)\nTom & Jerry say "hi" \'twice\' A中 1 < 2 > 0\nLine one line two' },
    ]);

    const hits = await searchExhibits(paralegal, matter.id, { q: '"device identifier sent daily"' });
    expect(hits.map((h) => [h.exhibitId, h.unit, h.page])).toEqual([[exhibit.id, "sheet", 1]]);
    expect((await searchExhibits(paralegal, matter.id, { q: "umeng" })).map((h) => h.page)).toEqual([1]);
    expect((await searchExhibits(paralegal, matter.id, { q: "Jerry" })).map((h) => h.page)).toEqual([2]);
    expect(await searchExhibits(paralegal, matter.id, { q: "アリババ" })).toEqual([]);
  });

  it("stops a sheet at the page limit, says so, and still reads the sheets after it", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    // About 40,000 distinct words (twice the limit): the kept part must still fit a tsvector.
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row><c t="inlineStr"><is><t>w${i}q tok${i}</t></is></c></row>`).join("");
    const bytes = await zip(
      xlsxParts(
        [
          { name: "Huge", part: "xl/worksheets/sheet1.xml", rows },
          { name: "After", part: "xl/worksheets/sheet2.xml", rows: '<row><c t="inlineStr"><is><t>bugly.qq.com after the huge sheet</t></is></c></row>' },
        ],
        [],
      ),
    );
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "huge.xlsx", extract: true });
    expect(exhibit.extractionError).toBeNull();
    expect(exhibit.extractionStatus).toBe("DONE");
    const [huge, after] = await pagesOf(exhibit.id);
    expect(huge!.text.startsWith("Sheet: Huge\nw0q tok0\nw1q tok1\n")).toBe(true);
    expect(huge!.text.endsWith(`\n[Sheet truncated: only its first ${MAX_OOXML_PAGE_CHARS.toLocaleString("en-US")} characters were indexed.]`)).toBe(true);
    expect(huge!.text.length).toBeLessThan(MAX_OOXML_PAGE_CHARS + 200);
    expect(after).toEqual({ page: 2, text: "Sheet: After\nbugly.qq.com after the huge sheet" });
    expect((await searchExhibits(paralegal, matter.id, { q: "w100q" })).map((h) => h.page)).toEqual([1]);
    expect(await searchExhibits(paralegal, matter.id, { q: "w39999q" })).toEqual([]);
    expect((await searchExhibits(paralegal, matter.id, { q: "bugly.qq.com" })).map((h) => h.page)).toEqual([2]);
  });

  it("reads an .pptx slide by slide in presentation order, with paragraphs, tables and speaker notes", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const bytes = await zip(
      pptxParts(
        ["ppt/slides/slide3.xml", "ppt/slides/slide1.xml", "ppt/slides/slide2.xml"],
        {
          "ppt/slides/slide1.xml": slideXml(shape(para("Findings") + para("Device data went to ", "bugly.qq.com", "<br>", "in April 2019"))),
          "ppt/slides/slide2.xml": slideXml(
            `<p:graphicFrame><a:graphic><a:graphicData><a:tbl><a:tr><a:tc><a:txBody>${para("SDK")}</a:txBody></a:tc><a:tc><a:txBody>${para("Igexin &amp; Baidu")}</a:txBody></a:tc></a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`,
            ' show="0"',
          ),
          "ppt/slides/slide3.xml": slideXml(shape(para("Hong v. ByteDance") + para("") + para("Evidence &lt;summary&gt; &#8212; &#x2019;19"), "title")),
        },
        {
          "ppt/slides/slide1.xml": notesXml(
            shape("", "sldImg") + shape(para("Ask the expert about the &quot;umeng&quot; payload") + para("Second note line"), "body") + shape(para("7"), "sldNum"),
          ),
        },
      ),
    );
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "deck.pptx", extract: true });
    expect(exhibit.extractionError).toBeNull();
    expect(exhibit.extractionStatus).toBe("DONE");
    expect(await pagesOf(exhibit.id)).toEqual([
      { page: 1, text: "Slide 1\nHong v. ByteDance\nEvidence <summary> — ’19" },
      {
        page: 2,
        text: "Slide 2\nFindings\nDevice data went to bugly.qq.com\nin April 2019\n\nNotes:\nAsk the expert about the \"umeng\" payload\nSecond note line",
      },
      { page: 3, text: "Slide 3 (hidden)\nSDK\nIgexin & Baidu" },
    ]);
    expect((await searchExhibits(paralegal, matter.id, { q: '"umeng payload"' })).map((h) => [h.exhibitId, h.unit, h.page])).toEqual([[exhibit.id, "slide", 2]]);
    expect((await searchExhibits(paralegal, matter.id, { q: "Igexin" })).map((h) => h.page)).toEqual([3]);
  });

  it("orders slides by their number when the presentation part has no slide list", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const slides = Object.fromEntries([10, 2, 1].map((n) => [`ppt/slides/slide${n}.xml`, slideXml(shape(para(`Text of part ${n}`)))]));
    const parts = pptxParts([], slides);
    delete parts["ppt/presentation.xml"];
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: await zip(parts), fileName: "loose.pptx", extract: true });
    expect(exhibit.extractionStatus).toBe("DONE");
    expect((await pagesOf(exhibit.id)).map((p) => p.text)).toEqual(["Slide 1\nText of part 1", "Slide 2\nText of part 2", "Slide 3\nText of part 10"]);
  });

  it("fails damaged, truncated and oversized files with a reason instead of crashing", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const good = await zip(xlsxParts([{ name: "S", part: "xl/worksheets/sheet1.xml", rows: '<row><c t="inlineStr"><is><t>ok</t></is></c></row>' }], []));
    const malformed = xlsxParts([{ name: "S", part: "xl/worksheets/sheet1.xml", rows: "<row><c><v>1</v></row>" }], []);
    const entity = xlsxParts([{ name: "S", part: "xl/worksheets/sheet1.xml", rows: '<row><c t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>' }], []);
    const noWorkbook = xlsxParts([{ name: "S", part: "xl/worksheets/sheet1.xml", rows: "" }], []);
    delete noWorkbook["xl/workbook.xml"];
    const crowded: Record<string, string> = { ...pptxParts(["ppt/slides/slide1.xml"], { "ppt/slides/slide1.xml": slideXml(shape(para("x"))) }) };
    for (let i = 0; i < MAX_OOXML_ENTRIES; i++) crowded[`ppt/media/m${i}.xml`] = "";
    // ZIP-level encryption: the flag set on every central directory header (signature PK\x01\x02).
    const encrypted = Buffer.from(good);
    for (let i = encrypted.indexOf("PK\x01\x02"); i !== -1; i = encrypted.indexOf("PK\x01\x02", i + 4)) encrypted[i + 8]! |= 1;
    // Compresses to a few hundred kilobytes and inflates past the 200 MiB read budget.
    const bomb = xlsxParts([{ name: "S", part: "xl/worksheets/sheet1.xml", rows: " ".repeat(201 * 1024 * 1024) }], []);

    const cases: [string, Buffer, RegExp][] = [
      ["truncated.xlsx", good.subarray(0, Math.floor(good.length / 2)), /^The workbook is damaged or is not a ZIP-based Office file/],
      ["malformed.xlsx", await zip(malformed), /^The workbook is damaged: “xl\/worksheets\/sheet1\.xml” could not be read/],
      ["entity.xlsx", await zip(entity), /^The workbook is damaged: “xl\/worksheets\/sheet1\.xml” could not be read \(2:\d+: undefined entity/],
      ["no-workbook.xlsx", await zip(noWorkbook), /^The workbook is damaged: it has no workbook part/],
      ["crowded.pptx", await zip(crowded), new RegExp(`^The presentation lists ${MAX_OOXML_ENTRIES + 5} parts, more than the ${MAX_OOXML_ENTRIES}`)],
      ["bomb.xlsx", await zip(bomb), /^The workbook inflates to more than 200 MiB of XML/],
      ["encrypted.xlsx", encrypted, /^The workbook is encrypted; text cannot be read\.$/],
    ];
    for (const [fileName, bytes, reason] of cases) {
      const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName, extract: true });
      expect(exhibit.extractionStatus, fileName).toBe("FAILED");
      expect(exhibit.extractionError, fileName).toMatch(reason);
      expect(await pagesOf(exhibit.id), fileName).toEqual([]);
    }
  });

  it("keeps legacy binary Office files without text and says how to make them searchable", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    // The OLE compound-file signature that .xls, .doc, .ppt and .msg share.
    const cfb = (tag: string) => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024), Buffer.from(tag)]);
    for (const [fileName, reason] of [
      ["ledger.xls", "Legacy Office format (.xls): text is not extracted; save it as .xlsx to make it searchable."],
      ["deck.ppt", "Legacy Office format (.ppt): text is not extracted; save it as .pptx to make it searchable."],
      ["memo.doc", "Legacy Office format (.doc): text is not extracted; save it as .docx to make it searchable."],
    ]) {
      const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: cfb(fileName!), fileName, extract: true });
      expect(exhibit.detectedType, fileName).toBe("application/x-cfb");
      expect(exhibit.extractionStatus, fileName).toBe("NOT_APPLICABLE");
      expect(exhibit.extractionError, fileName).toBe(reason);
    }
  });
});
