import "server-only";
import { PageText, relationshipKind, slideOrder, type Relationship } from "@/lib/exhibit-files/ooxml";
import {
  MAX_OOXML_DOCUMENT_CHARS,
  MAX_OOXML_PAGE_CHARS,
  OfficeFileError,
  OoxmlPackage,
  relationshipIdOf,
} from "@/lib/server/exhibits/ooxml-package";

// Placeholders of a notes page that repeat the slide (its picture, its number) or the master's
// header and footer rather than what the speaker wrote.
const NOTES_CHROME = new Set(["sldImg", "sldNum", "hdr", "ftr", "dt"]);

// One page per slide in presentation order: "Slide N" on the first line, then the text of its
// shapes and tables paragraph by paragraph, then the speaker notes under a "Notes:" line.
export async function extractPptxPages(bytes: Buffer): Promise<string[]> {
  const pkg = await OoxmlPackage.open(bytes, "presentation");
  try {
    const root = await pkg.relationships("");
    const presentationPart = root?.find((r) => relationshipKind(r.type) === "officeDocument" && !r.external)?.target ?? "ppt/presentation.xml";
    let slideIds: string[] | null = null;
    let rels: Relationship[] | null = null;
    if (pkg.has(presentationPart)) {
      const ids: string[] = [];
      await pkg.parse(presentationPart, () => ({
        open: (tag) => {
          const id = tag.local === "sldId" ? relationshipIdOf(tag) : undefined;
          if (id) ids.push(id);
        },
      }));
      slideIds = ids;
      rels = await pkg.relationships(presentationPart);
    }
    const slides = slideOrder(slideIds, rels, pkg.names());
    if (slides.length === 0) throw new OfficeFileError("The presentation has no slides.");

    const pages: string[] = [];
    let total = 0;
    for (const [i, part] of slides.entries()) {
      const header = `Slide ${i + 1}`;
      if (total >= MAX_OOXML_DOCUMENT_CHARS) {
        pages.push(`${header}\n[Not read: the presentation's text passed ${MAX_OOXML_DOCUMENT_CHARS.toLocaleString("en-US")} characters before this slide.]`);
        continue;
      }
      const limit = Math.min(MAX_OOXML_PAGE_CHARS, MAX_OOXML_DOCUMENT_CHARS - total);
      const page = new PageText(limit);
      const hidden = await readParagraphs(pkg, part, page, false);
      const notesPart = (await pkg.relationships(part))?.find((r) => !r.external && relationshipKind(r.type) === "notesSlide")?.target;
      if (notesPart && pkg.has(notesPart) && !page.truncated) {
        const notes = new PageText(limit);
        await readParagraphs(pkg, notesPart, notes, true);
        if (notes.toString().trim()) page.append(`\nNotes:\n${notes.toString()}`);
      }
      const body = page.toString().trim();
      total += body.length;
      const cut = page.truncated ? `\n[Slide truncated: only its first ${limit.toLocaleString("en-US")} characters were indexed.]` : "";
      pages.push(`${header}${hidden ? " (hidden)" : ""}${body ? `\n${body}` : ""}${cut}`);
    }
    return pages;
  } finally {
    pkg.close();
  }
}

// Appends each non-empty DrawingML paragraph (<a:p>) as a line: its runs (<a:t>) joined, a
// line break (<a:br>) kept. Returns whether the slide is hidden (show="0" on its root).
async function readParagraphs(pkg: OoxmlPackage, part: string, page: PageText, skipChrome: boolean): Promise<boolean> {
  let hidden = false;
  let paragraph: string | null = null;
  let inText = false;
  let chrome = false;
  const drawing = (uri: string) => uri.includes("drawingml");
  await pkg.parse(part, (stop) => ({
    open: (tag) => {
      if (tag.local === "sld" && tag.attributes.show?.value === "0") hidden = true;
      else if (tag.local === "sp") chrome = false;
      else if (tag.local === "ph" && skipChrome) chrome = NOTES_CHROME.has(tag.attributes.type?.value ?? "");
      else if (drawing(tag.uri) && tag.local === "p") paragraph = "";
      else if (drawing(tag.uri) && tag.local === "t") inText = paragraph !== null;
      else if (drawing(tag.uri) && tag.local === "br" && paragraph !== null) paragraph += "\n";
    },
    text: (text) => {
      if (inText && paragraph !== null && paragraph.length < MAX_OOXML_PAGE_CHARS) paragraph += text;
    },
    close: (tag) => {
      if (tag.local === "sp") chrome = false;
      else if (drawing(tag.uri) && tag.local === "t") inText = false;
      else if (drawing(tag.uri) && tag.local === "p" && paragraph !== null) {
        const line = paragraph.replace(/[ \t]+/g, " ").trim();
        if (line && !chrome) page.append(`${line}\n`);
        paragraph = null;
        if (page.truncated) stop();
      }
    },
  }));
  return hidden;
}
