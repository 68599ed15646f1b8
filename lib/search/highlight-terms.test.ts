import { describe, expect, it } from "vitest";
import { highlightTerms, pageOfPinCite, pinCite, splitOnTerms, viewerHref } from "@/lib/search/highlight-terms";

describe("highlightTerms", () => {
  it("keeps words and quoted phrases, drops negated words and the or operator, and stems", () => {
    expect(highlightTerms('umeng or "device identifier" -fox transfers')).toEqual(["umeng", "device identifier", "transfer"]);
    expect(highlightTerms('"unfinished phrase')).toEqual(["unfinished phrase"]);
    expect(highlightTerms("umeng.com, bugly.")).toEqual(["umeng.com", "bugly"]);
    expect(highlightTerms('  "" - ')).toEqual([]);
  });

  it("understands the search syntax: prefixes, parentheses, NOT, AND", () => {
    expect(highlightTerms('(umeng OR transf*) AND "device identifiers" NOT bugly -(igexin baidu)')).toEqual(["umeng", "transf", "device identifier"]);
    const pieces = splitOnTerms("Data was transferred to alog.umeng.com; bugly too", highlightTerms("transf* umeng -bugly"));
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(["transferred", "umeng"]);
  });
});

describe("splitOnTerms", () => {
  const marked = (text: string, q: string) =>
    splitOnTerms(text, highlightTerms(q))
      .filter((p) => p.match)
      .map((p) => p.text);

  it("marks whole words a stem starts, labels inside hosts, and phrases across line breaks", () => {
    expect(marked("Data was transferred; transfers continued.", "transfers")).toEqual(["transferred", "transfers"]);
    expect(marked("posted to https://alog.umeng.com/app_logs", "umeng")).toEqual(["umeng"]);
    expect(marked("the device\nidentifier was sent", '"device identifier"')).toEqual(["device\nidentifier"]);
    expect(marked("Beumeng is not a match", "umeng")).toEqual([]);
  });

  it("gives back the text unchanged, piece by piece", () => {
    const text = "A (regex) [chars] umeng UMENG.";
    const pieces = splitOnTerms(text, highlightTerms("umeng (regex)"));
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(["regex", "umeng", "UMENG"]);
  });

  it("writes pin cites as a brief does", () => {
    expect(pinCite("PX-0006", 2)).toBe("PX-0006 at 2");
  });
});

describe("pageOfPinCite", () => {
  it("reads the page from the ways people write pin cites", () => {
    expect(["PX-0006 at 7", "p. 7", "pp. 7-9", "page 7", "7:4", "7", " 7–9 ", "Pages 7 and 8"].map(pageOfPinCite)).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
    expect(["¶ 12", "Sheet2!B4", "", null, "at 0", "appendix"].map(pageOfPinCite)).toEqual([null, null, null, null, null, null]);
  });

  it("links to the viewer at that page with a short excerpt as the phrase to mark", () => {
    expect(viewerHref("/m/1/exhibits/2", "at 4", 'the "persistent"\n device')).toBe("/m/1/exhibits/2?page=4&q=%22the+persistent+device%22");
    expect(viewerHref("/m/1/exhibits/2", "p. 4", "x".repeat(201))).toBe("/m/1/exhibits/2?page=4");
    expect(viewerHref("/m/1/exhibits/2", "¶ 3", "text")).toBeNull();
  });
});
