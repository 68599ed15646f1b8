// Pure helpers for reading Office Open XML packages (.xlsx, .pptx, .docx): part names, relationships,
// slide order, cell text. The ZIP and XML reading itself is in lib/server/exhibits/ooxml-package.ts.

import { extensionOf } from "@/lib/exhibit-files/file-name";

// A relationship target is a URI relative to the folder of the part that owns the .rels file
// ("worksheets/sheet1.xml" from xl/workbook.xml, "../notesSlides/notesSlide1.xml" from a slide),
// or absolute from the package root ("/xl/worksheets/sheet1.xml"). Returns the ZIP entry name,
// or null when the target climbs out of the package.
export function resolvePartName(sourcePart: string, target: string): string | null {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target with a stray "%" is used as written.
  }
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  const out = [...base];
  for (const segment of decoded.replace(/^\/+/, "").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.length ? out.join("/") : null;
}

// The .rels part that lists a part's relationships: xl/workbook.xml → xl/_rels/workbook.xml.rels.
export function relsPartName(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf("/");
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

// OOXML strings escape characters XML 1.0 cannot hold as _xHHHH_ (a cell with a line break
// written by some tools reads "_x000D_"); "_x005F_" escapes a literal underscore.
export function decodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// A cell's text on one line: tabs separate cells and newlines separate rows, so line breaks
// and tabs inside a cell become spaces (the words stay next to each other for phrase search).
export function cellText(raw: string): string {
  return decodeOoxmlEscapes(raw).replace(/\s*[\t\r\n]+\s*/g, " ").trim();
}

export type Relationship = { id: string; type: string; target: string; external: boolean };

// The relationship's kind is the last segment of its Type URI ("worksheet", "slide",
// "notesSlide"…); transitional and strict OOXML differ only in the URI's prefix.
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

// Presentation order: the slide ids listed in presentation.xml, each looked up in the
// presentation's relationships (targets already resolved to part names). Without a usable list,
// slides are ordered by the number in their part name (slide2.xml before slide10.xml), which is
// how PowerPoint names them.
export function slideOrder(slideRelIds: string[] | null, rels: Relationship[] | null, partNames: Iterable<string>): string[] {
  const names = [...partNames];
  const byLowerName = new Map(names.map((n) => [n.toLowerCase(), n]));
  if (slideRelIds && rels) {
    const byId = new Map(rels.filter((r) => !r.external && relationshipKind(r.type) === "slide").map((r) => [r.id, r.target]));
    const ordered: string[] = [];
    for (const id of slideRelIds) {
      const target = byId.get(id);
      const part = target === undefined ? undefined : byLowerName.get(target.toLowerCase());
      if (part && !ordered.includes(part)) ordered.push(part);
    }
    if (ordered.length > 0) return ordered;
  }
  return names
    .map((name) => ({ name, n: /^ppt\/slides\/slide(\d+)\.xml$/i.exec(name)?.[1] }))
    .filter((s): s is { name: string; n: string } => s.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((s) => s.name);
}

// Collects one page's text up to a limit. A page is stored as one row whose tsvector must stay
// under PostgreSQL's 1 MB, and a sheet can hold millions of cells: past the limit the reader
// stops, and the page ends with a line that says so.
export class PageText {
  private readonly parts: string[] = [];
  private length = 0;
  private cut = false;

  constructor(private readonly limit: number) {}

  get truncated(): boolean {
    return this.cut;
  }

  append(text: string): void {
    if (this.cut || text === "") return;
    const room = this.limit - this.length;
    if (text.length > room) {
      this.parts.push(text.slice(0, Math.max(0, room)));
      this.length = this.limit;
      this.cut = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  toString(): string {
    return this.parts.join("");
  }
}

// Old binary Office files (OLE compound files) are accepted as exhibits but no text is read
// from them; the reason tells the uploader how to make them searchable.
export function legacyOfficeReason(fileName: string): string {
  switch (extensionOf(fileName)) {
    case "xls":
      return "Legacy Office format (.xls): text is not extracted; save it as .xlsx to make it searchable.";
    case "doc":
      return "Legacy Office format (.doc): text is not extracted; save it as .docx to make it searchable.";
    case "ppt":
      return "Legacy Office format (.ppt): text is not extracted; save it as .pptx to make it searchable.";
    case "msg":
      return "Outlook message (.msg): text is not extracted; save or export it as .eml or PDF to make it searchable.";
    default:
      return "Legacy Office file (OLE compound file): text is not extracted; save it as .docx, .xlsx or .pptx to make it searchable.";
  }
}
