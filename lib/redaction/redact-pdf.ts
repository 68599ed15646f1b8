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
import { fontInfo, type FontInfo } from "@/lib/redaction/fonts";

// Redaction that removes the text, not a black box over it. Two kinds: search terms (the
// matching characters wherever they are shown) and regions (every glyph whose centre lies in a
// rectangle of a page, in PDF user space). Each text-showing operator is walked glyph by glyph
// with the text state and the current transformation (ISO 32000 §9.4), the removed glyphs are
// cut out and replaced by a gap of the same advance (a TJ adjustment), so the rest of the line
// stays where it was and stays extractable; then an opaque black rectangle is painted over each
// region and each removed hit. The document is written fresh — no incremental update keeps the
// old bytes. Strings in metadata, annotations and form fields that contain a term are removed,
// annotations inside a region go, and the XMP metadata is dropped. Pure: the caller checks the
// result with findRemaining / findTextInRegions and a text extraction before keeping it.

export type RedactionCount = { term: number; page: number; count: number };
export type Region = { page: number; x: number; y: number; width: number; height: number };
export type Box = { page: number; x: number; y: number; width: number; height: number };
export type RedactionResult = {
  bytes: Uint8Array;
  counts: RedactionCount[];
  // Characters removed inside each region, in the order the regions were given.
  regionCounts: number[];
  // The black rectangles painted: the regions and a box over each removed search hit.
  boxes: Box[];
  metadataScrubbed: number;
  // Some text was drawn in a composite font with no ToUnicode map: it cannot be searched.
  compositeFonts: boolean;
};

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

const translate = (tx: number, ty: number): Matrix => [1, 0, 0, 1, tx, ty];

type Rect = { x0: number; y0: number; x1: number; y1: number };

function inside(region: Region, x: number, y: number): boolean {
  const [x0, x1] = region.width >= 0 ? [region.x, region.x + region.width] : [region.x + region.width, region.x];
  const [y0, y1] = region.height >= 0 ? [region.y, region.y + region.height] : [region.y + region.height, region.y];
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

type GraphicsState = { ctm: Matrix; tc: number; tw: number; th: number; tl: number; tfs: number; rise: number; font: FontInfo };

type Glyph = { bytes: number[]; code: number; text: string; box: Rect };
type Item = Glyph | { adjust: number };

// Walks the content streams of one page (their state carries from one stream to the next), and
// the form XObjects it draws, collecting what a redaction changes.
class PageWalker {
  gs: GraphicsState;
  stack: GraphicsState[] = [];
  tm: Matrix = IDENTITY;
  tlm: Matrix = IDENTITY;
  // Where each named XObject is first drawn: its forms are walked with that transformation.
  drawnAt = new Map<string, Matrix>();
  hitBoxes: Rect[] = [];
  undecodable = false;

  constructor(
    private fonts: PDFDict | undefined,
    private terms: string[],
    private regions: { region: Region; index: number }[],
    private termCounts: number[],
    private regionCounts: number[],
    ctm: Matrix = IDENTITY,
  ) {
    this.gs = { ctm, tc: 0, tw: 0, th: 1, tl: 0, tfs: 0, rise: 0, font: fontInfo(undefined) };
  }

  withFonts(fonts: PDFDict | undefined, ctm: Matrix): PageWalker {
    const w = new PageWalker(fonts, this.terms, this.regions, this.termCounts, this.regionCounts, ctm);
    w.hitBoxes = this.hitBoxes;
    return w;
  }

  private glyphs(strings: Token[], op: string): Item[] {
    const items: Item[] = [];
    const { font } = this.gs;
    for (const t of strings) {
      if (t.kind === "number") {
        items.push({ adjust: t.value });
        this.tm = multiply(translate((-t.value / 1000) * this.gs.tfs * this.gs.th, 0), this.tm);
        continue;
      }
      if (t.kind !== "string") continue;
      for (let i = 0; i + font.codeLength <= t.bytes.length; i += font.codeLength) {
        const bytes = t.bytes.slice(i, i + font.codeLength);
        const code = bytes.reduce((v, b) => v * 256 + b, 0);
        const w0 = font.width(code) / 1000;
        const trm = multiply(multiply([this.gs.tfs * this.gs.th, 0, 0, this.gs.tfs, 0, this.gs.rise], this.tm), this.gs.ctm);
        const corners = [apply(trm, 0, -0.2), apply(trm, w0, -0.2), apply(trm, 0, 0.8), apply(trm, w0, 0.8)];
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        items.push({ bytes, code, text: font.text(code), box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) } });
        const spacing = this.gs.tc + (font.codeLength === 1 && code === 32 ? this.gs.tw : 0);
        this.tm = multiply(translate((w0 * this.gs.tfs + spacing) * this.gs.th, 0), this.tm);
      }
    }
    if (op !== "TJ") return items.filter((i) => "code" in i);
    return items;
  }

  // The bytes of one content stream with the redacted glyphs cut out; null when nothing changed.
  walk(content: Uint8Array): Uint8Array | null {
    const tokens = tokenize(content);
    const edits: { start: number; end: number; text: string }[] = [];
    let operands: Token[] = [];
    const num = (i: number) => {
      const t = operands[operands.length - i];
      return t && t.kind === "number" ? t.value : 0;
    };
    for (const token of tokens) {
      if (token.kind !== "operator") {
        operands.push(token);
        continue;
      }
      const op = token.value;
      const gs = this.gs;
      switch (op) {
        case "q":
          this.stack.push({ ...gs });
          break;
        case "Q":
          this.gs = this.stack.pop() ?? gs;
          break;
        case "cm":
          gs.ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], gs.ctm);
          break;
        case "BT":
          this.tm = this.tlm = IDENTITY;
          break;
        case "Tc":
          gs.tc = num(1);
          break;
        case "Tw":
          gs.tw = num(1);
          break;
        case "Tz":
          gs.th = num(1) / 100;
          break;
        case "TL":
          gs.tl = num(1);
          break;
        case "Ts":
          gs.rise = num(1);
          break;
        case "Tf": {
          gs.tfs = num(1);
          const name = operands.find((t) => t.kind === "name");
          const dict = name && name.kind === "name" && this.fonts ? this.fonts.lookup(PDFName.of(name.value)) : undefined;
          gs.font = fontInfo(dict instanceof PDFDict ? dict : undefined);
          break;
        }
        case "Td":
        case "TD":
          if (op === "TD") gs.tl = -num(1);
          this.tm = this.tlm = multiply(translate(num(2), num(1)), this.tlm);
          break;
        case "Tm":
          this.tm = this.tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
          break;
        case "T*":
          this.tm = this.tlm = multiply(translate(0, -gs.tl), this.tlm);
          break;
        case "Do": {
          const name = operands.find((t) => t.kind === "name");
          if (name && name.kind === "name" && !this.drawnAt.has(name.value)) this.drawnAt.set(name.value, gs.ctm);
          break;
        }
        case "Tj":
        case "'":
        case '"':
        case "TJ": {
          if (op === '"') {
            gs.tw = num(3);
            gs.tc = num(2);
          }
          if (op === "'" || op === '"') this.tm = this.tlm = multiply(translate(0, -gs.tl), this.tlm);
          const edit = this.show(op, operands, token);
          if (edit) edits.push(edit);
          break;
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

  private show(op: string, operands: Token[], token: Token): { start: number; end: number; text: string } | null {
    const { font } = this.gs;
    if (font.undecodable) this.undecodable = true;
    const shown = op === "TJ" ? operands.filter((t) => t.kind === "string" || t.kind === "number") : operands.filter((t) => t.kind === "string").slice(-1);
    const items = this.glyphs(shown, op);
    const glyphs = items.filter((i): i is Glyph => "code" in i);
    const removed = new Set<number>();
    // Search terms, matched in the text the glyphs stand for, in any letter case.
    if (this.terms.length) {
      let text = "";
      const owner: number[] = [];
      glyphs.forEach((g, i) => {
        const lower = g.text.toLowerCase();
        text += lower;
        for (let k = 0; k < lower.length; k++) owner.push(i);
      });
      this.terms.forEach((term, t) => {
        const needle = term.toLowerCase();
        for (let at = text.indexOf(needle); needle && at >= 0; at = text.indexOf(needle, at + needle.length)) {
          const hit = new Set<number>();
          for (let k = at; k < at + needle.length; k++) hit.add(owner[k]!);
          for (const i of hit) removed.add(i);
          const boxes = [...hit].map((i) => glyphs[i]!.box);
          this.hitBoxes.push({ x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) });
          this.termCounts[t]!++;
        }
      });
    }
    // Regions: every glyph whose centre lies inside.
    glyphs.forEach((g, i) => {
      const cx = (g.box.x0 + g.box.x1) / 2;
      const cy = (g.box.y0 + g.box.y1) / 2;
      const region = this.regions.find((r) => inside(r.region, cx, cy));
      if (region) {
        removed.add(i);
        this.regionCounts[region.index]!++;
      }
    });
    if (removed.size === 0) return null;

    const { tfs, tc, tw } = this.gs;
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
        // The removed glyph's whole advance, character and word spacing included.
        const spacing = tc + (font.codeLength === 1 && item.code === 32 ? tw : 0);
        gap += font.width(item.code) + (tfs ? (spacing * 1000) / tfs : 0);
      } else {
        if (gap) flush();
        run.push(...item.bytes);
      }
    }
    flush();
    const array = `[${parts.join(" ")}] TJ`;
    const first = op === '"' ? operands[operands.length - 3]! : op === "TJ" ? operands.find((t) => t.kind === "open-array")! : shown[0]!;
    const prefix = op === "'" ? "T* " : op === '"' ? `${num3(operands, 3)} Tw ${num3(operands, 2)} Tc T* ` : "";
    return { start: first.start, end: token.end, text: ` ${prefix}${array} ` };
  }
}

function num3(operands: Token[], i: number): number {
  const t = operands[operands.length - i];
  return t && t.kind === "number" ? t.value : 0;
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

type PageWork = { terms: string[]; regions: Region[]; write: boolean };

// Walks every page (and the forms it draws); with `write`, replaces the changed streams, paints
// the black rectangles and drops the annotations inside a region.
function walkPages(doc: PDFDocument, work: PageWork) {
  const context = doc.context;
  const counts: RedactionCount[] = [];
  const regionCounts = work.regions.map(() => 0);
  const boxes: Box[] = [];
  let undecodable = false;
  let annotationsRemoved = 0;

  doc.getPages().forEach((page, p) => {
    const perTerm = work.terms.map(() => 0);
    const regions = work.regions.map((region, index) => ({ region, index })).filter((r) => r.region.page === p + 1);
    const resources = page.node.Resources();
    const fonts = resources?.lookup(PDFName.of("Font"));
    const fontDict = fonts instanceof PDFDict ? fonts : undefined;
    const walker = new PageWalker(fontDict, work.terms, regions, perTerm, regionCounts);
    const rewrite = (ref: PDFObject | undefined, w: PageWalker) => {
      if (!(ref instanceof PDFRef)) return;
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) return;
      const next = w.walk(decodePDFRawStream(stream).decode());
      if (next && work.write) {
        const fresh = context.flateStream(next);
        // A form keeps its dictionary (BBox, Matrix, Resources); only its content changes.
        for (const [key, value] of stream.dict.entries()) if (!["Length", "Filter", "DecodeParms"].includes(key.decodeText())) fresh.dict.set(key, value);
        context.assign(ref, fresh);
      }
    };
    const contents = page.node.get(PDFName.of("Contents"));
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of streams) rewrite(ref, walker);
    // Form XObjects drawn on the page carry text of their own.
    const xobjects = resources?.lookup(PDFName.of("XObject"));
    if (xobjects instanceof PDFDict) {
      for (const [name, ref] of xobjects.entries()) {
        const form = ref instanceof PDFRef ? context.lookup(ref) : undefined;
        if (form instanceof PDFRawStream && form.dict.lookup(PDFName.of("Subtype")) === PDFName.of("Form")) {
          const own = form.dict.lookup(PDFName.of("Resources"));
          const ownFonts = own instanceof PDFDict ? own.lookup(PDFName.of("Font")) : undefined;
          const matrix = form.dict.lookup(PDFName.of("Matrix"));
          const m = matrix instanceof PDFArray && matrix.size() === 6 ? (matrix.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) as Matrix) : IDENTITY;
          rewrite(ref, walker.withFonts(ownFonts instanceof PDFDict ? ownFonts : fontDict, multiply(m, walker.drawnAt.get(name.decodeText()) ?? IDENTITY)));
        }
      }
    }
    undecodable ||= walker.undecodable;
    // Annotations inside a region go entirely (their appearance would draw over the box).
    const annots = page.node.lookup(PDFName.of("Annots"));
    if (annots instanceof PDFArray && regions.length) {
      for (let i = annots.size() - 1; i >= 0; i--) {
        const annot = annots.lookup(i);
        const rect = annot instanceof PDFDict ? annot.lookup(PDFName.of("Rect")) : undefined;
        if (!(rect instanceof PDFArray) || rect.size() !== 4) continue;
        const [x0, y0, x1, y1] = rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) as [number, number, number, number];
        if (regions.some((r) => inside(r.region, (x0 + x1) / 2, (y0 + y1) / 2))) {
          annotationsRemoved++;
          if (work.write) {
            const ref = annots.get(i);
            annots.remove(i);
            if (ref instanceof PDFRef) context.delete(ref);
          }
        }
      }
    }
    const pageBoxes: Box[] = [
      ...regions.map((r) => ({ ...r.region, page: p + 1 })),
      ...walker.hitBoxes.map((b) => ({ page: p + 1, x: b.x0 - 0.5, y: b.y0 - 0.5, width: b.x1 - b.x0 + 1, height: b.y1 - b.y0 + 1 })),
    ];
    if (work.write && pageBoxes.length) {
      // The page's own drawing is bracketed by q … Q so whatever state it leaves behind cannot
      // move or recolour the boxes, which are drawn last, in default user space, opaque black.
      const fill = pageBoxes.map((b) => `${round(b.x)} ${round(b.y)} ${round(b.width)} ${round(b.height)} re`).join("\n");
      const before = context.register(context.flateStream("q\n"));
      const after = context.register(context.flateStream(`\nQ\nq 0 0 0 rg 0 0 0 RG\n${fill}\nf\nQ\n`));
      page.node.set(PDFName.of("Contents"), context.obj([before, ...streams.filter((s): s is PDFRef => s instanceof PDFRef), after]));
    }
    boxes.push(...pageBoxes);
    perTerm.forEach((count, term) => count && counts.push({ term, page: p + 1, count }));
  });
  return { counts, regionCounts, boxes, undecodable, annotationsRemoved };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function redactPdf(bytes: Uint8Array, terms: string[], regions: Region[] = []): Promise<RedactionResult> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const walked = walkPages(doc, { terms, regions, write: true });
  let metadataScrubbed = walked.annotationsRemoved;

  // Annotations (comments, links, widgets) whose strings hold a term go entirely.
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of("Annots"));
    if (!(annots instanceof PDFArray) || terms.length === 0) continue;
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
  return {
    bytes: await doc.save({ useObjectStreams: false }),
    counts: walked.counts,
    regionCounts: walked.regionCounts,
    boxes: walked.boxes,
    metadataScrubbed,
    compositeFonts: walked.undecodable,
  };
}

// The characters still shown inside each region: all zero
// is the precondition for keeping a copy with region redactions.
export async function findTextInRegions(bytes: Uint8Array, regions: Region[]): Promise<number[]> {
  if (regions.length === 0) return [];
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return walkPages(doc, { terms: [], regions, write: false }).regionCounts;
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
