import fs from "node:fs/promises";
import yauzl from "yauzl";

// An uploaded archive is untrusted: a few kilobytes can inflate to gigabytes, a central directory can
// list millions of entries, and an entry can inflate past the size it declares. This reader checks
// what the central directory declares before anything is inflated, then counts every byte it
// actually inflates, so memory and time stay bounded whatever the file claims about itself.
// Entries are only ever read by name; nothing inside an entry (a nested .zip/.apk/.jar) is opened.

export type ZipLimits = {
  /** Entries listed in the central directory. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of every entry, and of the bytes actually inflated. */
  maxTotalUncompressedBytes: number;
  /** Declared uncompressed : compressed size of one entry. */
  maxCompressionRatio: number;
  /**
   * Entries that inflate to at most this many bytes are exempt from the ratio limit: a small file of
   * blanks compresses far better than 200:1 and cannot be a bomb on its own, while the total limit
   * still bounds many of them together.
   */
  ratioExemptBytes: number;
  /** The most one entry read into memory may inflate to (a DEX file, a manifest). */
  maxEntryBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 65_536,
  maxTotalUncompressedBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioExemptBytes: 1024 * 1024,
  // The largest real DEX files are tens of MiB (a DEX holds at most 65,536 methods).
  maxEntryBytes: 128 * 1024 * 1024,
};

export type ZipErrorCode = "not_zip" | "truncated_zip" | "zip_limits" | "zip_bomb" | "zip_unsupported";

// Expected failures of a damaged or hostile archive. The message is one line, fit to show as is.
export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

export type ZipEntryInfo = {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
  encrypted: boolean;
};

const MiB = 1024 * 1024;
const sizeText = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB === 0 ? 0 : 1)} MiB` : `${bytes} bytes`);
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function openFailure(error: Error): ZipError {
  const message = error.message;
  // yauzl's words for an archive whose end (the central directory) is missing or cut.
  if (/end of central directory record signature not found|unexpected EOF|invalid central directory file header signature|not enough bytes/i.test(message)) {
    return new ZipError("truncated_zip", `The archive is truncated or is not a ZIP file (${oneLine(message)}).`);
  }
  return new ZipError("not_zip", `The archive is damaged or is not a ZIP file (${oneLine(message)}).`);
}

export class BoundedZip {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly byName: Map<string, yauzl.Entry>,
    readonly limits: ZipLimits,
  ) {}

  static async open(filePath: string, limits: Partial<ZipLimits> = {}): Promise<BoundedZip> {
    const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
    let zip: yauzl.ZipFile;
    try {
      // validateEntrySizes makes yauzl fail an entry that inflates past (or short of) its declared size.
      zip = await yauzl.openPromise(filePath, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false });
    } catch (error) {
      // A missing or unreadable file is the caller's problem, not a damaged archive: passed through as is.
      if (typeof (error as NodeJS.ErrnoException).code === "string") throw error;
      throw openFailure(error as Error);
    }
    if (zip.entryCount > effective.maxEntries) {
      zip.close();
      throw new ZipError("zip_limits", `The archive lists ${zip.entryCount} entries, more than the ${effective.maxEntries} allowed.`);
    }
    const byName = new Map<string, yauzl.Entry>();
    let declaredTotal = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => reject(error);
        zip.on("entry", (entry: yauzl.Entry) => {
          const name = entry.fileName;
          // Two entries of one name let one reader see a file another does not (the Android "master key" trick).
          if (byName.has(name)) return fail(new ZipError("not_zip", `The archive is damaged: the entry "${name}" appears twice.`));
          declaredTotal += entry.uncompressedSize;
          if (declaredTotal > effective.maxTotalUncompressedBytes) {
            return fail(new ZipError("zip_bomb", `The archive declares more than ${sizeText(effective.maxTotalUncompressedBytes)} uncompressed; it is too large to read or is a ZIP bomb.`));
          }
          if (entry.uncompressedSize > effective.ratioExemptBytes) {
            const ratio = entry.compressedSize === 0 ? Infinity : entry.uncompressedSize / entry.compressedSize;
            if (ratio > effective.maxCompressionRatio) {
              return fail(
                new ZipError(
                  "zip_bomb",
                  `The entry "${name}" inflates ${entry.compressedSize} bytes to ${sizeText(entry.uncompressedSize)}, beyond the ${effective.maxCompressionRatio}:1 ratio allowed; the archive looks like a ZIP bomb.`,
                ),
              );
            }
          }
          byName.set(name, entry);
          zip.readEntry();
        });
        zip.on("end", () => resolve());
        zip.on("error", (error: Error) => fail(error instanceof ZipError ? error : openFailure(error)));
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new BoundedZip(zip, byName, effective);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  entries(): ZipEntryInfo[] {
    return [...this.byName.values()].map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      compressionMethod: e.compressionMethod,
      encrypted: e.isEncrypted(),
    }));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Inflates one entry into memory. `maxBytes` (at most limits.maxEntryBytes) caps this entry; every
   * byte also counts against the archive's total, and the stream is cut the moment either is passed.
   */
  async read(name: string, maxBytes = this.limits.maxEntryBytes): Promise<Buffer> {
    const entry = this.byName.get(name);
    if (!entry) throw new ZipError("not_zip", `The archive has no entry "${name}".`);
    if (entry.isEncrypted()) throw new ZipError("zip_unsupported", `The entry "${name}" is encrypted and cannot be read.`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ZipError("zip_unsupported", `The entry "${name}" uses compression method ${entry.compressionMethod}; only stored and deflated entries are read.`);
    }
    const cap = Math.min(maxBytes, this.limits.maxEntryBytes);
    if (entry.uncompressedSize > cap) {
      throw new ZipError("zip_limits", `The entry "${name}" declares ${sizeText(entry.uncompressedSize)}, more than the ${sizeText(cap)} read from one entry.`);
    }
    // One buffer of the declared size (already checked against the cap), filled as the entry inflates;
    // yauzl fails the stream if the entry inflates to more or less than it declares.
    const out = Buffer.allocUnsafe(entry.uncompressedSize);
    let length = 0;
    let stream: NodeJS.ReadableStream & { destroy(): void };
    try {
      stream = (await this.zip.openReadStreamPromise(entry)) as typeof stream;
    } catch (error) {
      throw this.readFailure(name, error as Error);
    }
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        length += chunk.length;
        this.inflated += chunk.length;
        // yauzl already stops at the declared size; these hold even if a declaration were believed wrongly.
        if (length > cap || length > out.length) throw new ZipError("zip_bomb", `The entry "${name}" inflates past the size it declares; the archive looks like a ZIP bomb.`);
        if (this.inflated > this.limits.maxTotalUncompressedBytes) {
          throw new ZipError("zip_bomb", `The archive inflates past ${sizeText(this.limits.maxTotalUncompressedBytes)}; it is too large to read or is a ZIP bomb.`);
        }
        chunk.copy(out, length - chunk.length);
      }
    } catch (error) {
      stream.destroy();
      throw error instanceof ZipError ? error : this.readFailure(name, error as Error);
    }
    if (length !== out.length) throw new ZipError("truncated_zip", `The archive is truncated: the entry "${name}" inflates to fewer bytes than it declares.`);
    return out;
  }

  private readFailure(name: string, error: Error): ZipError {
    const message = oneLine(error.message);
    if (/too many bytes in the stream/i.test(message)) {
      return new ZipError("zip_bomb", `The entry "${name}" inflates past the size it declares; the archive looks like a ZIP bomb.`);
    }
    if (/unexpected EOF|not enough bytes|unexpected end of file|exceeds file size|overflows file/i.test(message)) {
      return new ZipError("truncated_zip", `The archive is truncated: the entry "${name}" could not be read in full (${message}).`);
    }
    return new ZipError("not_zip", `The archive is damaged: the entry "${name}" could not be read (${message}).`);
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * Where the central directory starts, read from the end-of-central-directory record (and its ZIP64
 * locator when the 32-bit field is saturated). The APK Signing Block sits just before it.
 */
export async function centralDirectoryOffset(filePath: string): Promise<number> {
  const handle = await fs.open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) !== 0x06054b50) continue;
      // The comment length must reach exactly the end of the file, or this is a stray signature.
      if (i + 22 + tail.readUInt16LE(i + 20) !== tailLength) continue;
      const offset = tail.readUInt32LE(i + 16);
      if (offset !== 0xffffffff) return offset;
      const locator = i - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw new ZipError("not_zip", "The archive is damaged: its ZIP64 locator is missing.");
      const zip64Eocd = Number(tail.readBigUInt64LE(locator + 8));
      const record = Buffer.alloc(56);
      const { bytesRead } = await handle.read(record, 0, 56, zip64Eocd);
      if (bytesRead < 56 || record.readUInt32LE(0) !== 0x06064b50) throw new ZipError("not_zip", "The archive is damaged: its ZIP64 end record is missing.");
      return Number(record.readBigUInt64LE(48));
    }
    throw new ZipError("truncated_zip", "The archive is truncated or is not a ZIP file (no end of central directory record).");
  } finally {
    await handle.close();
  }
}
