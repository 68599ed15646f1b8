import { describe, expect, it } from "vitest";
import { datDate, familyRanges, readDat, writeDat, writeOpt } from "@/lib/productions/load-files";
import { waiverWarning } from "@/lib/productions/waiver-notice";

describe("production load files", () => {
  it("writes a Concordance DAT byte for byte: BOM, þ quotes, ASCII 20, ® for line breaks, MM/DD/YYYY", () => {
    const bytes = writeDat(["BEGBATES", "DATESENT", "TITLE"], [["HONG-000001", new Date("2019-04-02T10:00:00Z"), "line one\r\nline two þ\u0014x"]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe("\uFEFFþBEGBATESþ\u0014þDATESENTþ\u0014þTITLEþ\r\nþHONG-000001þ\u0014þ04/02/2019þ\u0014þline one®line two Þ xþ\r\n");
    expect(readDat(bytes)).toEqual([{ BEGBATES: "HONG-000001", DATESENT: "04/02/2019", TITLE: "line one\nline two Þ x" }]);
    expect(datDate(new Date("2026-12-31T23:59:59Z"))).toBe("12/31/2026");
    expect(() => writeDat(["A", "B"], [["only one"]])).toThrow();
  });

  it("writes an Opticon line per page with the document break and page count on the first", () => {
    const label = (n: number) => `T-${String(n).padStart(3, "0")}`;
    const opt = writeOpt("VOL001", [
      { firstPage: 1, pages: 2, imagePath: "IMAGES/T-001.pdf", pageLabel: label },
      { firstPage: 3, pages: 1, imagePath: "IMAGES/T-003.pdf", pageLabel: label },
    ]).toString();
    expect(opt).toBe("T-001,VOL001,IMAGES\\T-001.pdf,Y,,,2\r\nT-002,VOL001,IMAGES\\T-001.pdf,,,,\r\nT-003,VOL001,IMAGES\\T-003.pdf,Y,,,1\r\n");
  });

  it("points each page at its own image in an image production", () => {
    const label = (n: number) => `T-${String(n).padStart(3, "0")}`;
    const opt = writeOpt("VOL001", [
      { firstPage: 1, pages: 2, imagePath: "IMAGES/0001/T-001.tif", pagePaths: ["IMAGES/0001/T-001.tif", "IMAGES/0001/T-002.jpg"], pageLabel: label },
    ]).toString();
    expect(opt).toBe("T-001,VOL001,IMAGES\\0001\\T-001.tif,Y,,,2\r\nT-002,VOL001,IMAGES\\0001\\T-002.jpg,,,,\r\n");
    expect(() => writeOpt("VOL001", [{ firstPage: 1, pages: 2, imagePath: "a", pagePaths: ["a"], pageLabel: label }])).toThrow(/1 page images for 2 pages/);
  });

  it("gives a family one BEGATTACH–ENDATTACH range and a loose document its own", () => {
    const ranges = familyRanges([
      { id: "mail", parentId: null, batesStart: 1, batesEnd: 2 },
      { id: "att1", parentId: "mail", batesStart: 3, batesEnd: 5 },
      { id: "att2", parentId: "mail", batesStart: 6, batesEnd: 6 },
      { id: "loose", parentId: null, batesStart: 7, batesEnd: 9 },
    ]);
    expect(ranges.get("mail")).toEqual({ start: 1, end: 6 });
    expect(ranges.get("att2")).toEqual({ start: 1, end: 6 });
    expect(ranges.get("loose")).toEqual({ start: 7, end: 9 });
  });

  it("warns of waiver and cites the recorded 502(d) order, or says none is recorded", () => {
    const none = waiverWarning({ fre502dOrder: null, protectiveOrder: null });
    expect(none).toContain("risks waiving");
    expect(none).toContain("502(d)");
    expect(none).toContain("No FRE 502(d) order or clawback agreement is recorded");
    expect(none).not.toMatch(/waives nothing/);
    const cited = waiverWarning({ fre502dOrder: "Stipulated 502(d) Order, ECF No. 88", protectiveOrder: null });
    expect(cited).toContain("ECF No. 88");
    expect(cited).not.toContain("No FRE 502(d) order");
  });
});
