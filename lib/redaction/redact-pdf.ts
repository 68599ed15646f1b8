import { Encodings, Font, FontNames } from "@pdf-lib/standard-fonts";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from "pdf-lib";
import { literal, tokenize, type Token } from "@/lib/redaction/content-stream";

// Search-and-redact that removes the text itself: the matching characters are cut out of the
// text-showing operators in the page content (and the page's form XObjects), a gap of the same
// width keeps the rest of the line where it was, and the document is written fresh — no
// incremental update keeps the old bytes. Strings in metadata, annotations and form fields that
// contain a term are removed as well, and the XMP metadata is dropped. Pure: the caller checks
// the result with findRemaining and with a text extraction before keeping it.

export type RedactionCount = { term: number; page: number; count: number };
export type RedactionResult = { bytes: Uint8Array; counts: RedactionCount[]; metadataScrubbed: number };

const STANDARD = new Set<string>(Object.values(FontNames));

type FontMetrics = { composite: boolean; width: (code: number) => number };

function metricsOf(font: PDFDict | undefined): FontMetrics {
  if (!font) return { composite: false, width: () => 500 };
  const subtype = font.lookup(PDFName.of("Subtype"));
  if (subtype instanceof PDFName && subtype.decodeText() === "Type0") return { composite: true, width: () => 1000 };
  const widths = font.lookup(PDFName.of("Widths"));
  const first = font.lookup(PDFName.of("FirstChar"));
  if (widths instanceof PDFArray && first instanceof PDFNumber) {
    return { composite: false, width: (code) => (widths.lookup(code - first.asNumber()) as PDFNumber | undefined)?.asNumber?.() ?? 500 };
  }
  const base = font.lookup(PDFName.of("BaseFont"));
  const name = base instanceof PDFName ? base.decodeText() : "";
  if (STANDARD.has(name)) {
    const metrics = Font.load(name as FontNames);
    return {
      composite: false,
      width: (code) => (Encodings.WinAnsi.canEncodeUnicodeCodePoint(code) ? (metrics.getWidthOfGlyph(Encodings.WinAnsi.encodeUnicodeCodePoint(code).name) ?? 500) : 500),
    };
  }
  return { composite: false, width: () => 500 };
}

type Item = { code: number } | { adjust: number };

// Rewrites one content stream; null when nothing in it matched.
function redactContent(content: Uint8Array, fonts: PDFDict | undefined, terms: string[], counts: number[], composite: { seen: boolean }): Uint8Array | null {
  const tokens = tokenize(content);
  const edits: { start: number; end: number; text: string }[] = [];
  let font: FontMetrics = metricsOf(undefined);
  let operands: Token[] = [];
  for (const token of tokens) {
    if (token.kind !== "operator") {
      operands.push(token);
      continue;
    }
    const op = token.value;
    if (op === "Tf") {
      const name = operands.find((t) => t.kind === "name");
      const dict = name && name.kind === "name" && fonts ? fonts.lookup(PDFName.of(name.value)) : undefined;
      font = metricsOf(dict instanceof PDFDict ? dict : undefined);
    } else if (op === "Tj" || op === "'" || op === '"' || op === "TJ") {
      if (font.composite) composite.seen = true;
      const items: Item[] = [];
      const strings = operands.filter((t) => t.kind === "string" || t.kind === "number");
      const shown = op === "TJ" ? strings : strings.filter((t) => t.kind === "string").slice(-1);
      for (const t of shown) {
        if (t.kind === "string") for (const code of t.bytes) items.push({ code });
        else if (t.kind === "number") items.push({ adjust: t.value });
      }
      const chars = items.filter((i): i is { code: number } => "code" in i);
      const text = chars.map((c) => String.fromCharCode(c.code)).join("").toLowerCase();
      const removed = new Set<number>();
      terms.forEach((term, t) => {
        const needle = term.toLowerCase();
        for (let at = text.indexOf(needle); needle && at >= 0; at = text.indexOf(needle, at + needle.length)) {
          for (let k = at; k < at + needle.length; k++) removed.add(k);
          counts[t]!++;
        }
      });
      if (removed.size > 0 && !font.composite) {
        const parts: string[] = [];
        let run: number[] = [];
        let gap = 0;
        let index = 0;
        const flush = () => {
          if (run.length) parts.push(literal(run));
          run = [];
          if (gap) parts.push(String(-Math.round(gap * 1000) / 1000));
          gap = 0;
        };
        for (const item of items) {
          if ("adjust" in item) {
            if (run.length) flush();
            gap -= item.adjust;
            continue;
          }
          if (removed.has(index++)) {
            if (run.length) flush();
            gap += font.width(item.code);
          } else {
            if (gap) flush();
            run.push(item.code);
          }
        }
        flush();
        const array = `[${parts.join(" ")}] TJ`;
        const first = op === '"' ? operands[operands.length - 3]! : op === "TJ" ? operands.find((t) => t.kind === "open-array")! : shown[0]!;
        const prefix =
          op === "'" ? "T* " : op === '"' ? `${(operands[operands.length - 3] as { value: number }).value} Tw ${(operands[operands.length - 2] as { value: number }).value} Tc T* ` : "";
        edits.push({ start: first.start, end: token.end, text: ` ${prefix}${array} ` });
      }
    }
    operands = [];
  }
  if (edits.length === 0) return null;
  const out: Buffer[] = [];
  let at = 0;
  for (const edit of edits) {
    out.push(Buffer.from(content.subarray(at, edit.start)), Buffer.from(edit.text, "latin1"));
    at = edit.end;
  }
  out.push(Buffer.from(content.subarray(at)));
  return Buffer.concat(out);
}

function containsTerm(text: string, terms: string[]): boolean {
  const lower = text.toLowerCase();
  return terms.some((t) => t && lower.includes(t.toLowerCase()));
}

function stringValue(o: PDFObject | undefined): string | null {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : null;
}

function scrub(text: string, terms: string[]): string {
  let out = text;
  for (const t of terms) out = out.replace(new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "");
  return out;
}

export async function redactPdf(bytes: Uint8Array, terms: string[]): Promise<RedactionResult & { compositeFonts: boolean }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const counts: RedactionCount[] = [];
  const composite = { seen: false };
  let metadataScrubbed = 0;

  const rewrite = (ref: PDFObject | undefined, fonts: PDFDict | undefined, perTerm: number[]) => {
    if (!(ref instanceof PDFRef)) return;
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return;
    const next = redactContent(decodePDFRawStream(stream).decode(), fonts, terms, perTerm, composite);
    if (next) context.assign(ref, context.flateStream(next));
  };

  doc.getPages().forEach((page, p) => {
    const perTerm = terms.map(() => 0);
    const resources = page.node.Resources();
    const fonts = resources?.lookup(PDFName.of("Font"));
    const fontDict = fonts instanceof PDFDict ? fonts : undefined;
    const contents = page.node.get(PDFName.of("Contents"));
    if (contents instanceof PDFArray) for (let i = 0; i < contents.size(); i++) rewrite(contents.get(i), fontDict, perTerm);
    else rewrite(contents, fontDict, perTerm);
    // Form XObjects drawn on the page carry text of their own.
    const xobjects = resources?.lookup(PDFName.of("XObject"));
    if (xobjects instanceof PDFDict) {
      for (const [, ref] of xobjects.entries()) {
        const form = ref instanceof PDFRef ? context.lookup(ref) : undefined;
        if (form instanceof PDFRawStream && form.dict.lookup(PDFName.of("Subtype")) === PDFName.of("Form")) {
          const own = form.dict.lookup(PDFName.of("Resources"));
          const ownFonts = own instanceof PDFDict ? own.lookup(PDFName.of("Font")) : undefined;
          rewrite(ref, ownFonts instanceof PDFDict ? ownFonts : fontDict, perTerm);
        }
      }
    }
    // Annotations (comments, links, widgets) whose strings hold a term go entirely.
    const annots = page.node.lookup(PDFName.of("Annots"));
    if (annots instanceof PDFArray) {
      for (let i = annots.size() - 1; i >= 0; i--) {
        const ref = annots.get(i);
        const annot = annots.lookup(i);
        if (annot instanceof PDFDict && [...annot.entries()].some(([key]) => containsTerm(stringValue(annot.lookup(key)) ?? "", terms))) {
          annots.remove(i);
          if (ref instanceof PDFRef) context.delete(ref);
          metadataScrubbed++;
        }
      }
    }
    perTerm.forEach((count, term) => count && counts.push({ term, page: p + 1, count }));
  });

  // Document information and form field values.
  const info = context.lookup(context.trailerInfo.Info);
  if (info instanceof PDFDict) {
    for (const [key] of info.entries()) {
      const value = stringValue(info.lookup(key));
      if (value !== null && containsTerm(value, terms)) {
        info.set(key, PDFHexString.fromText(scrub(value, terms)));
        metadataScrubbed++;
      }
    }
  }
  const acroForm = doc.catalog.lookup(PDFName.of("AcroForm"));
  if (acroForm instanceof PDFDict) {
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || !object.has(PDFName.of("FT"))) continue;
      const value = stringValue(object.lookup(PDFName.of("V")));
      if (value !== null && containsTerm(value, terms)) {
        object.set(PDFName.of("V"), PDFHexString.fromText(scrub(value, terms)));
        context.assign(ref, object);
        metadataScrubbed++;
      }
    }
  }
  // XMP repeats the document information in a stream of its own: a redacted copy goes without.
  const xmp = doc.catalog.get(PDFName.of("Metadata"));
  if (xmp) {
    doc.catalog.delete(PDFName.of("Metadata"));
    if (xmp instanceof PDFRef) context.delete(xmp);
  }
  return { bytes: await doc.save({ useObjectStreams: false }), counts, metadataScrubbed, compositeFonts: composite.seen };
}

// Every place a term could survive: each stream of the file, inflated, and every string object.
// Returns the terms still found (an empty list is the precondition for keeping the copy).
export async function findRemaining(bytes: Uint8Array, terms: string[]): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const haystacks: string[] = [Buffer.from(bytes).toString("latin1")];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      try {
        haystacks.push(Buffer.from(decodePDFRawStream(object).decode()).toString("latin1"));
      } catch {
        haystacks.push(Buffer.from(object.contents).toString("latin1"));
      }
    }
    if (object instanceof PDFDict) for (const [, v] of object.entries()) haystacks.push(stringValue(v) ?? "");
  }
  return terms.filter((t) => haystacks.some((h) => containsTerm(h, [t])));
}
