import { describe, expect, it } from "vitest";
import { highlightTerms, pinCite, splitOnTerms } from "@/lib/search/highlight-terms";

describe("highlightTerms", () => {
  it("keeps words and quoted phrases, drops negated words and the or operator, and stems", () => {
    expect(highlightTerms('umeng or "device identifier" -fox transfers')).toEqual(["umeng", "device identifier", "transfer"]);
    expect(highlightTerms('"unfinished phrase')).toEqual(["unfinished phrase"]);
    expect(highlightTerms("umeng.com, bugly.")).toEqual(["umeng.com", "bugly"]);
    expect(highlightTerms('  "" - ')).toEqual([]);
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
