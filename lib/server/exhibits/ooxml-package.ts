import "server-only";
import { SaxesParser, type SaxesTagNS } from "saxes";
import yauzl from "yauzl";
import { relsPartName, resolvePartName, type Relationship } from "@/lib/exhibit-files/ooxml";

// An .xlsx, .pptx or .docx is a ZIP of XML parts. Uploads are untrusted: a few kilobytes can inflate to
// gigabytes, and a central directory can list millions of entries. Every byte inflated counts
// against one budget, and the parts are parsed as a stream, so memory stays bounded whatever the
// file claims about itself.
export const MAX_OOXML_ENTRIES = 10_000;
export const MAX_OOXML_INFLATED_BYTES = 200 * 1024 * 1024;
// One sheet or slide is one ExhibitPage, whose tsvector must stay under PostgreSQL's 1 MB; the
// whole document's text is held in memory until its pages are written.
export const MAX_OOXML_PAGE_CHARS = 200_000;
export const MAX_OOXML_DOCUMENT_CHARS = 5_000_000;

// Expected failures of a damaged or hostile file; the message is shown to the uploader as is.
export class OfficeFileError extends Error {}

export type XmlHandlers = {
  open?: (tag: SaxesTagNS) => void;
  close?: (tag: SaxesTagNS) => void;
  text?: (text: string) => void;
};

export class OoxmlPackage {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    // Part names are case-insensitive in OOXML; keys are lower-cased.
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly label: string,
  ) {}

  static async open(bytes: Buffer, label: string): Promise<OoxmlPackage> {
    let zip: yauzl.ZipFile;
    try {
      // validateEntrySizes makes yauzl fail an entry that inflates past the size it declares.
      zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
    } catch (error) {
      throw new OfficeFileError(`The ${label} is damaged or is not a ZIP-based Office file (${(error as Error).message}).`);
    }
    if (zip.entryCount > MAX_OOXML_ENTRIES) {
      zip.close();
      throw new OfficeFileError(`The ${label} lists ${zip.entryCount} parts, more than the ${MAX_OOXML_ENTRIES} read from one file.`);
    }
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      const fail = (error: OfficeFileError) => {
        zip.close();
        reject(error);
      };
      zip.on("entry", (entry: yauzl.Entry) => {
        const key = entry.fileName.toLowerCase();
        if (entries.has(key)) return fail(new OfficeFileError(`The ${label} is damaged: the part “${entry.fileName}” appears twice.`));
        entries.set(key, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", (error: Error) => fail(new OfficeFileError(`The ${label} is damaged (${error.message}).`)));
      zip.readEntry();
    });
    return new OoxmlPackage(zip, entries, label);
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  // Streams a part through a namespace-aware XML parser. `handlers` may call the returned
  // controller's stop() to end reading early (a sheet past its text limit).
  async parse(part: string, handlers: (stop: () => void) => XmlHandlers): Promise<void> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new OfficeFileError(`The ${this.label} is damaged: the part “${part}” is missing.`);
    if (entry.isEncrypted()) throw new OfficeFileError(`The ${this.label} is encrypted; text cannot be read.`);
    let stopped = false;
    const on = handlers(() => {
      stopped = true;
    });
    // No DTD is processed and only the five XML entities and character references are known,
    // so entity expansion attacks fail as malformed XML.
    const parser = new SaxesParser({ xmlns: true, position: true });
    if (on.open) parser.on("opentag", on.open);
    if (on.close) parser.on("closetag", on.close);
    if (on.text) {
      parser.on("text", on.text);
      parser.on("cdata", on.text);
    }
    const decoder = new TextDecoder("utf-8");
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > MAX_OOXML_INFLATED_BYTES) {
          stream.destroy();
          throw new OfficeFileError(
            `The ${this.label} inflates to more than ${MAX_OOXML_INFLATED_BYTES / (1 << 20)} MiB of XML; it is too large to read or is a ZIP bomb.`,
          );
        }
        parser.write(decoder.decode(chunk, { stream: true }));
        if (stopped) {
          stream.destroy();
          return;
        }
      }
      parser.write(decoder.decode());
      parser.close();
    } catch (error) {
      if (error instanceof OfficeFileError) throw error;
      throw new OfficeFileError(`The ${this.label} is damaged: “${part}” could not be read (${(error as Error).message}).`);
    }
  }

  // The relationships of `sourcePart` (from its .rels part), with targets resolved to part
  // names; null when the part has no .rels.
  async relationships(sourcePart: string): Promise<Relationship[] | null> {
    const relsPart = relsPartName(sourcePart);
    if (!this.has(relsPart)) return null;
    const rels: Relationship[] = [];
    await this.parse(relsPart, () => ({
      open: (tag) => {
        if (tag.local !== "Relationship") return;
        const attr = (name: string) => tag.attributes[name]?.value ?? "";
        const external = attr("TargetMode") === "External";
        const target = external ? attr("Target") : resolvePartName(sourcePart, attr("Target"));
        if (target) rels.push({ id: attr("Id"), type: attr("Type"), target, external });
      },
    }));
    return rels;
  }

  close(): void {
    this.zip.close();
  }
}

// The r:id attribute of an element that points at a relationship (a workbook's <sheet>, a
// presentation's <sldId>). Matched by namespace, since <sldId> also has a plain "id".
export function relationshipIdOf(tag: SaxesTagNS): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === "id" && /relationships$/.test(a.uri))?.value;
}
