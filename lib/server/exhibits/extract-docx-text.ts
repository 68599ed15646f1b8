import "server-only";
import { PageText, relationshipKind } from "@/lib/exhibit-files/ooxml";
import { MAX_OOXML_DOCUMENT_CHARS, OfficeFileError, OoxmlPackage } from "@/lib/server/exhibits/ooxml-package";

// The body of a Word document (word/document.xml) as plain text, streamed through the bounded
// OOXML reader: a paragraph per line, tabs and line breaks kept, at most one blank line in a
// row. Deleted revisions (<w:delText>) and field codes (<w:instrText>) are not text a reader
// sees. Past the document's character limit reading stops and the text ends with a note.
export async function extractDocxText(bytes: Buffer): Promise<string> {
  const pkg = await OoxmlPackage.open(bytes, "document");
  try {
    const root = await pkg.relationships("");
    const documentPart = root?.find((r) => relationshipKind(r.type) === "officeDocument" && !r.external)?.target ?? "word/document.xml";
    if (!pkg.has(documentPart)) throw new OfficeFileError("The document is damaged: it has no main part (word/document.xml).");

    const text = new PageText(MAX_OOXML_DOCUMENT_CHARS);
    const word = (uri: string) => uri.includes("wordprocessingml");
    let inText = false;
    // <w:tab> also defines tab stops inside a paragraph's properties (<w:tabs>); those are not text.
    let tabStops = 0;
    let trailingNewlines = 2;
    const newline = () => {
      if (trailingNewlines >= 2) return;
      text.append("\n");
      trailingNewlines++;
    };
    await pkg.parse(documentPart, (stop) => ({
      open: (tag) => {
        if (!word(tag.uri)) return;
        switch (tag.local) {
          case "t":
            inText = true;
            break;
          case "tabs":
            tabStops++;
            break;
          case "tab":
            if (tabStops === 0) {
              text.append("\t");
              trailingNewlines = 0;
            }
            break;
          case "br":
          case "cr":
            text.append("\n");
            trailingNewlines = 1;
            break;
        }
      },
      text: (chunk) => {
        if (!inText || chunk === "") return;
        text.append(chunk);
        trailingNewlines = 0;
        if (text.truncated) stop();
      },
      close: (tag) => {
        if (!word(tag.uri)) return;
        if (tag.local === "t") inText = false;
        else if (tag.local === "tabs") tabStops--;
        else if (tag.local === "p") newline();
        if (text.truncated) stop();
      },
    }));
    const body = text.toString().trim();
    if (!text.truncated) return body;
    return `${body}\n[Document truncated: only its first ${MAX_OOXML_DOCUMENT_CHARS.toLocaleString("en-US")} characters were indexed.]`;
  } finally {
    pkg.close();
  }
}
