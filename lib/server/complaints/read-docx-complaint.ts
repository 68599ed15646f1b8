import "server-only";
import type { SaxesTagNS } from "saxes";
import { emptyNumbering, NumberingCounter, type NumberingDefinitions, type NumberingLevel } from "@/lib/complaint/docx-numbering";
import { isParagraphLabel } from "@/lib/complaint/labels";
import { isAllCaps } from "@/lib/complaint/split";
import type { ComplaintUnit } from "@/lib/complaint/types";
import { relationshipKind } from "@/lib/exhibit-files/ooxml";
import { OfficeFileError, OoxmlPackage } from "@/lib/server/exhibits/ooxml-package";

// A complaint written in Word, read through the bounded OOXML reader: one unit per paragraph of the
// main document part, with Word's auto-numbering resolved from numbering.xml (the ¶ numbers a
// reader sees are rarely typed). Footnotes, headers and footers live in parts of their own and are
// not read. A DOCX has no fixed pages or lines: units carry neither.

const attr = (tag: SaxesTagNS, local: string) => Object.values(tag.attributes).find((a) => a.local === local)?.value;
const isWord = (tag: SaxesTagNS) => tag.uri.includes("wordprocessingml");

async function readNumbering(pkg: OoxmlPackage, part: string | undefined): Promise<NumberingDefinitions> {
  const definitions = emptyNumbering();
  if (!part || !pkg.has(part)) return definitions;
  let abstractId: string | null = null;
  let level: { ilvl: number; def: NumberingLevel } | null = null;
  let numId: string | null = null;
  let overrideLevel: number | null = null;
  let depth = 0;
  let levelDepth = -1;
  await pkg.parse(part, () => ({
    open: (tag) => {
      depth++;
      if (!isWord(tag)) return;
      switch (tag.local) {
        case "abstractNum":
          abstractId = attr(tag, "abstractNumId") ?? null;
          if (abstractId !== null) definitions.abstracts.set(abstractId, new Map());
          break;
        case "lvl":
          // A <w:lvl> inside a <w:lvlOverride> redefines a level for one instance; rare in pleadings.
          if (abstractId !== null && numId === null) {
            level = { ilvl: Number(attr(tag, "ilvl") ?? 0), def: { start: 1, format: "decimal", template: "" } };
            levelDepth = depth;
          }
          break;
        case "start":
          if (level) level.def.start = Number(attr(tag, "val") ?? 1);
          break;
        case "numFmt":
          if (level) level.def.format = attr(tag, "val") ?? "decimal";
          break;
        case "lvlText":
          if (level) level.def.template = attr(tag, "val") ?? "";
          break;
        case "num":
          numId = attr(tag, "numId") ?? null;
          if (numId !== null) definitions.instances.set(numId, { abstractId: "", startOverrides: new Map() });
          break;
        case "abstractNumId":
          if (numId !== null) definitions.instances.get(numId)!.abstractId = attr(tag, "val") ?? "";
          break;
        case "lvlOverride":
          overrideLevel = Number(attr(tag, "ilvl") ?? 0);
          break;
        case "startOverride":
          if (numId !== null && overrideLevel !== null) definitions.instances.get(numId)!.startOverrides.set(overrideLevel, Number(attr(tag, "val") ?? 1));
          break;
      }
    },
    close: (tag) => {
      if (isWord(tag)) {
        if (tag.local === "lvl" && level && depth === levelDepth) {
          definitions.abstracts.get(abstractId!)?.set(level.ilvl, level.def);
          level = null;
        } else if (tag.local === "abstractNum") abstractId = null;
        else if (tag.local === "num") numId = null;
        else if (tag.local === "lvlOverride") overrideLevel = null;
      }
      depth--;
    },
  }));
  return definitions;
}

// Styles that carry numbering (a "Numbered Paragraph" style) and the styles that are headings.
async function readStyles(pkg: OoxmlPackage, part: string | undefined): Promise<Map<string, { numId?: string; ilvl?: number; heading: boolean }>> {
  const styles = new Map<string, { numId?: string; ilvl?: number; heading: boolean }>();
  if (!part || !pkg.has(part)) return styles;
  let current: { numId?: string; ilvl?: number; heading: boolean } | null = null;
  await pkg.parse(part, () => ({
    open: (tag) => {
      if (!isWord(tag)) return;
      if (tag.local === "style") {
        current = { heading: false };
        styles.set(attr(tag, "styleId") ?? "", current);
      } else if (current && tag.local === "name") current.heading = /^(heading|title)/i.test(attr(tag, "val") ?? "");
      else if (current && tag.local === "numId") current.numId = attr(tag, "val");
      else if (current && tag.local === "ilvl") current.ilvl = Number(attr(tag, "val") ?? 0);
      else if (current && tag.local === "outlineLvl") current.heading = true;
    },
    close: (tag) => {
      if (isWord(tag) && tag.local === "style") current = null;
    },
  }));
  return styles;
}

async function readPageCount(pkg: OoxmlPackage): Promise<number | null> {
  if (!pkg.has("docProps/app.xml")) return null;
  let inPages = false;
  let text = "";
  await pkg.parse("docProps/app.xml", () => ({
    open: (tag) => {
      inPages = tag.local === "Pages";
    },
    text: (chunk) => {
      if (inPages) text += chunk;
    },
    close: () => {
      inPages = false;
    },
  }));
  const pages = Number(text.trim());
  return Number.isInteger(pages) && pages > 0 ? pages : null;
}

export async function readDocxComplaint(bytes: Buffer): Promise<{ pages: number; units: ComplaintUnit[] }> {
  const pkg = await OoxmlPackage.open(bytes, "document");
  try {
    const root = await pkg.relationships("");
    const documentPart = root?.find((r) => relationshipKind(r.type) === "officeDocument" && !r.external)?.target ?? "word/document.xml";
    if (!pkg.has(documentPart)) throw new OfficeFileError("The document is damaged: it has no main part (word/document.xml).");
    const rels = (await pkg.relationships(documentPart)) ?? [];
    const partOf = (kind: string) => rels.find((r) => relationshipKind(r.type) === kind && !r.external)?.target;
    const numbering = await readNumbering(pkg, partOf("numbering") ?? "word/numbering.xml");
    const styles = await readStyles(pkg, partOf("styles") ?? "word/styles.xml");
    const counter = new NumberingCounter(numbering);

    type Paragraph = { text: string; numId?: string; ilvl?: number; style?: string; centered: boolean; indented: boolean };
    const units: ComplaintUnit[] = [];
    let paragraph: Paragraph | null = null;
    let inText = false;
    let inParagraphProperties = false;
    let renderedBreaks = 0;
    let chars = 0;
    await pkg.parse(documentPart, (stop) => ({
      open: (tag) => {
        if (!isWord(tag)) return;
        switch (tag.local) {
          case "p":
            paragraph = { text: "", centered: false, indented: false };
            break;
          case "pPr":
            inParagraphProperties = true;
            break;
          case "t":
            inText = true;
            break;
          case "tab":
            if (paragraph && !inParagraphProperties) paragraph.text += " ";
            break;
          case "br":
          case "cr":
            if (attr(tag, "type") === "page") renderedBreaks++;
            else if (paragraph) paragraph.text += " ";
            break;
          case "lastRenderedPageBreak":
            renderedBreaks++;
            break;
        }
        if (!paragraph || !inParagraphProperties) return;
        switch (tag.local) {
          case "numId":
            paragraph.numId = attr(tag, "val");
            break;
          case "ilvl":
            paragraph.ilvl = Number(attr(tag, "val") ?? 0);
            break;
          case "pStyle":
            paragraph.style = attr(tag, "val");
            break;
          case "jc":
            paragraph.centered = attr(tag, "val") === "center";
            break;
          case "ind":
            paragraph.indented = Number(attr(tag, "left") ?? attr(tag, "start") ?? 0) > 0 || Number(attr(tag, "firstLine") ?? 0) > 0;
            break;
        }
      },
      text: (chunk) => {
        if (!inText || !paragraph) return;
        paragraph.text += chunk;
        chars += chunk.length;
        if (chars > 5_000_000) stop();
      },
      close: (tag) => {
        if (!isWord(tag)) return;
        if (tag.local === "t") inText = false;
        else if (tag.local === "pPr") inParagraphProperties = false;
        else if (tag.local === "p" && paragraph) {
          const p: Paragraph = paragraph;
          paragraph = null;
          const style = p.style ? styles.get(p.style) : undefined;
          const numId = p.numId ?? style?.numId;
          const ilvl = p.ilvl ?? style?.ilvl ?? 0;
          const number = numId ? counter.next(numId, ilvl) : null;
          const text = p.text.replace(/\s+/g, " ").trim();
          if (!text && !number) return;
          let numberLabel: string | null = null;
          let subItem = false;
          // Word's built-in heading style ids ("Heading2") mean a heading even without styles.xml.
          let heading = !!style?.heading || /^(?:heading|title)/i.test(p.style ?? "") || p.centered || (isAllCaps(text) && text.length <= 160);
          let shown = text;
          if (number && number.text) {
            const bare = number.text.trim().replace(/[.)]$/, "").replace(/^\(/, "");
            if (number.format === "decimal" && isParagraphLabel(bare) && !heading) numberLabel = bare;
            else if (/^upper/.test(number.format)) {
              heading = true;
              shown = `${number.text.trim()} ${text}`;
            } else {
              subItem = true;
              heading = false;
              shown = `${number.text.trim()} ${text}`;
            }
          }
          units.push({ text: shown, page: null, line: null, numberLabel, subItem, heading: heading && !numberLabel, indented: p.indented });
        }
      },
    }));
    const pages = (await readPageCount(pkg)) ?? renderedBreaks + 1;
    return { pages, units };
  } finally {
    pkg.close();
  }
}
