import "server-only";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

// A bulk intake's ZIP is untrusted, like an Office file's (ooxml-package.ts): its central
// directory can claim anything and a few kilobytes can inflate to gigabytes. Limits are checked
// on what the directory declares before anything is inflated, and yauzl's validateEntrySizes
// stops an entry that inflates past what it declared, so the declared sizes bind.
export const INTAKE_MAX_ENTRIES = 65_536;
export const INTAKE_MAX_TOTAL_BYTES = 2 * 1024 ** 3;
// Per entry: deflate manages about 1,000:1 on zeros; documents compress far less than 200:1.
export const INTAKE_MAX_RATIO = 200;

export class ArchiveRefused extends Error {}

export type ArchiveEntry = {
  path: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  entry: yauzl.Entry;
};

export class BoundedZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly files: ArchiveEntry[],
  ) {}

  // Reads the central directory of the ZIP at `path` (a local temporary copy).
  static async open(path: string): Promise<BoundedZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, z) =>
          err ? reject(err) : resolve(z),
        ),
      );
    } catch (error) {
      throw new ArchiveRefused(`The archive is not a readable ZIP (${(error as Error).message}).`);
    }
    if (zip.entryCount > INTAKE_MAX_ENTRIES) {
      zip.close();
      throw new ArchiveRefused(`The archive lists ${zip.entryCount.toLocaleString("en-US")} entries, more than the ${INTAKE_MAX_ENTRIES.toLocaleString("en-US")} one batch takes: split it.`);
    }
    const files: ArchiveEntry[] = [];
    let total = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on("entry", (entry: yauzl.Entry) => {
          // Folders are not files; they only shape the paths.
          if (!entry.fileName.endsWith("/")) {
            total += entry.uncompressedSize;
            files.push({
              path: entry.fileName,
              compressedSize: entry.compressedSize,
              uncompressedSize: entry.uncompressedSize,
              encrypted: entry.isEncrypted(),
              entry,
            });
          }
          zip.readEntry();
        });
        zip.on("end", () => resolve());
        zip.on("error", (error: Error) => reject(error));
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw new ArchiveRefused(`The archive's directory is damaged (${(error as Error).message}).`);
    }
    if (total > INTAKE_MAX_TOTAL_BYTES) {
      zip.close();
      throw new ArchiveRefused(`The archive inflates to ${(total / 1024 ** 3).toFixed(1)} GiB, more than the 2 GiB one batch takes: split it.`);
    }
    return new BoundedZip(zip, files);
  }

  // Why one entry is not read, or null: a refusal fails that file only, never the batch.
  static refusal(file: ArchiveEntry): string | null {
    if (file.encrypted) return "The file is encrypted inside the ZIP; it cannot be read.";
    if (file.uncompressedSize === 0) return "The file is empty.";
    const ratio = file.uncompressedSize / Math.max(file.compressedSize, 1);
    if (ratio > INTAKE_MAX_RATIO) {
      return `The file inflates ${Math.round(ratio).toLocaleString("en-US")} times its compressed size, more than the ${INTAKE_MAX_RATIO}:1 allowed (a ZIP bomb, or padding); it was not inflated.`;
    }
    return null;
  }

  async stream(file: ArchiveEntry): Promise<Readable> {
    return new Promise<Readable>((resolve, reject) => this.zip.openReadStream(file.entry, (err, stream) => (err ? reject(err) : resolve(stream))));
  }

  // The entry's bytes, for entries small enough to hold (the caller streams larger ones).
  async read(file: ArchiveEntry): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(file)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}
