import { Encodings, Font, FontNames } from "@pdf-lib/standard-fonts";
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream } from "pdf-lib";
import { tokenize } from "@/lib/redaction/content-stream";

// What the redactor needs to know of a font to walk its glyphs: how many bytes a character code
// takes, each code's advance width (thousandths of text space), and the text it stands for
// (from the font's ToUnicode CMap, so composite CID fonts can be searched too).
export type FontInfo = {
  composite: boolean;
  // A composite font with no ToUnicode map: its codes cannot be turned back into text.
  undecodable: boolean;
  codeLength: 1 | 2;
  width: (code: number) => number;
  text: (code: number) => string;
};

const STANDARD = new Set<string>(Object.values(FontNames));

function numberAt(array: PDFArray, i: number): number | undefined {
  const n = array.lookup(i);
  return n instanceof PDFNumber ? n.asNumber() : undefined;
}

// bfchar and bfrange entries of a ToUnicode CMap (ISO 32000 §9.10.3); codes keyed by value.
export function parseToUnicode(bytes: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const tokens = tokenize(bytes);
  const code = (b: number[]) => b.reduce((v, x) => v * 256 + x, 0);
  const utf16 = (b: number[]) => {
    let s = "";
    for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b[i]! * 256 + b[i + 1]!);
    return s;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "operator") continue;
    if (t.value === "beginbfchar") {
      for (i++; i + 1 < tokens.length; i += 2) {
        const a = tokens[i]!;
        const b = tokens[i + 1]!;
        if (a.kind !== "string" || b.kind !== "string") break;
        map.set(code(a.bytes), utf16(b.bytes));
      }
      i--;
    } else if (t.value === "beginbfrange") {
      for (i++; i + 2 < tokens.length; ) {
        const lo = tokens[i]!;
        const hi = tokens[i + 1]!;
        if (lo.kind !== "string" || hi.kind !== "string") break;
        const first = code(lo.bytes);
        const last = Math.min(code(hi.bytes), first + 0xffff);
        const dst = tokens[i + 2]!;
        if (dst.kind === "string") {
          const base = utf16(dst.bytes);
          for (let c = first; c <= last; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - first)));
          i += 3;
        } else if (dst.kind === "open-array") {
          let j = i + 3;
          for (let c = first; j < tokens.length && tokens[j]!.kind === "string"; c++, j++) map.set(c, utf16((tokens[j] as { bytes: number[] }).bytes));
          i = j + 1;
        } else break;
      }
      i--;
    }
  }
  return map;
}

function toUnicodeOf(font: PDFDict): Map<number, string> | null {
  const stream = font.lookup(PDFName.of("ToUnicode"));
  if (!(stream instanceof PDFRawStream)) return null;
  try {
    return parseToUnicode(decodePDFRawStream(stream).decode());
  } catch {
    return null;
  }
}

// The W array of a CIDFont: `c [w1 w2 …]` and `cfirst clast w` entries.
function cidWidths(descendant: PDFDict): (cid: number) => number {
  const dw = descendant.lookup(PDFName.of("DW"));
  const fallback = dw instanceof PDFNumber ? dw.asNumber() : 1000;
  const widths = new Map<number, number>();
  const w = descendant.lookup(PDFName.of("W"));
  if (w instanceof PDFArray) {
    for (let i = 0; i < w.size(); ) {
      const first = numberAt(w, i);
      const next = w.lookup(i + 1);
      if (first === undefined) break;
      if (next instanceof PDFArray) {
        for (let k = 0; k < next.size(); k++) widths.set(first + k, numberAt(next, k) ?? fallback);
        i += 2;
      } else {
        const last = numberAt(w, i + 1);
        const value = numberAt(w, i + 2);
        if (last === undefined || value === undefined) break;
        for (let c = first; c <= Math.min(last, first + 0xffff); c++) widths.set(c, value);
        i += 3;
      }
    }
  }
  return (cid) => widths.get(cid) ?? fallback;
}

export function fontInfo(font: PDFDict | undefined): FontInfo {
  const latin1 = (code: number) => String.fromCharCode(code);
  if (!font) return { composite: false, undecodable: false, codeLength: 1, width: () => 500, text: latin1 };
  const toUnicode = toUnicodeOf(font);
  const subtype = font.lookup(PDFName.of("Subtype"));
  if (subtype instanceof PDFName && subtype.decodeText() === "Type0") {
    // Identity-H/V and the other two-byte encodings: the CID is the code.
    const descendants = font.lookup(PDFName.of("DescendantFonts"));
    const descendant = descendants instanceof PDFArray ? descendants.lookup(0) : undefined;
    const width = descendant instanceof PDFDict ? cidWidths(descendant) : () => 1000;
    return { composite: true, undecodable: !toUnicode, codeLength: 2, width, text: (code) => toUnicode?.get(code) ?? "\ufffd" };
  }
  const text = toUnicode ? (code: number) => toUnicode.get(code) ?? latin1(code) : latin1;
  const widths = font.lookup(PDFName.of("Widths"));
  const first = font.lookup(PDFName.of("FirstChar"));
  if (widths instanceof PDFArray && first instanceof PDFNumber) {
    return { composite: false, undecodable: false, codeLength: 1, width: (code) => numberAt(widths, code - first.asNumber()) ?? 500, text };
  }
  const base = font.lookup(PDFName.of("BaseFont"));
  const name = base instanceof PDFName ? base.decodeText() : "";
  if (STANDARD.has(name)) {
    const metrics = Font.load(name as FontNames);
    return {
      composite: false,
      undecodable: false,
      codeLength: 1,
      width: (code) => (Encodings.WinAnsi.canEncodeUnicodeCodePoint(code) ? (metrics.getWidthOfGlyph(Encodings.WinAnsi.encodeUnicodeCodePoint(code).name) ?? 500) : 500),
      text,
    };
  }
  return { composite: false, undecodable: false, codeLength: 1, width: () => 500, text };
}
