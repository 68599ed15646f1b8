import { describe, expect, it } from "vitest";
import { cellText, decodeOoxmlEscapes, legacyOfficeReason, PageText, relsPartName, resolvePartName, slideOrder, type Relationship } from "@/lib/exhibit-files/ooxml";

const slideRel = (id: string, target: string): Relationship => ({
  id,
  type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide",
  target,
  external: false,
});

describe("ooxml helpers", () => {
  it("resolves relationship targets against the owning part, refusing to climb out of the package", () => {
    expect(resolvePartName("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePartName("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePartName("ppt/slides/slide1.xml", "../notesSlides/notesSlide1.xml")).toBe("ppt/notesSlides/notesSlide1.xml");
    expect(resolvePartName("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolvePartName("xl/workbook.xml", "sheet%201.xml")).toBe("xl/sheet 1.xml");
    expect(resolvePartName("xl/workbook.xml", "../../etc/passwd")).toBeNull();
    expect(relsPartName("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartName("")).toBe("_rels/.rels");
  });

  it("decodes _xHHHH_ escapes and keeps a cell on one line", () => {
    expect(decodeOoxmlEscapes("a_x000D__x000A_b _x005F_x0041_")).toBe("a\r\nb _x0041_");
    expect(cellText("  first\tsecond\r\n third  ")).toBe("first second third");
  });

  it("orders slides by the presentation's list, falling back to part numbers", () => {
    const names = ["ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/slides/slide10.xml", "ppt/slides/_rels/slide1.xml.rels"];
    const rels = [slideRel("rId1", "ppt/slides/slide1.xml"), slideRel("rId2", "ppt/slides/slide2.xml"), slideRel("rId3", "ppt/slides/slide10.xml")];
    expect(slideOrder(["rId3", "rId1", "rId2"], rels, names)).toEqual(["ppt/slides/slide10.xml", "ppt/slides/slide1.xml", "ppt/slides/slide2.xml"]);
    // Ids without a relationship, or whose part is missing, are skipped.
    expect(slideOrder(["rId9", "rId2", "rId2"], [...rels, slideRel("rId9", "ppt/slides/gone.xml")], names)).toEqual(["ppt/slides/slide2.xml"]);
    expect(slideOrder(null, null, names)).toEqual(["ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/slides/slide10.xml"]);
    expect(slideOrder(["rId9"], rels, names)).toEqual(["ppt/slides/slide1.xml", "ppt/slides/slide2.xml", "ppt/slides/slide10.xml"]);
  });

  it("cuts a page at its limit and remembers that it did", () => {
    const page = new PageText(10);
    page.append("12345");
    expect(page.truncated).toBe(false);
    page.append("67890");
    expect(page.truncated).toBe(false);
    page.append("X");
    expect(page.truncated).toBe(true);
    page.append("more");
    expect(page.toString()).toBe("1234567890");
  });

  it("names the format and the fix for legacy Office files", () => {
    expect(legacyOfficeReason("Ledger 2019.XLS")).toBe("Legacy Office format (.xls): text is not extracted; save it as .xlsx to make it searchable.");
    expect(legacyOfficeReason("note.msg")).toMatch(/^Outlook message \(\.msg\)/);
    expect(legacyOfficeReason("mystery.bin")).toMatch(/^Legacy Office file \(OLE compound file\)/);
  });
});
