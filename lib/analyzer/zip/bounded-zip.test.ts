import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { zipBytes } from "@/lib/analyzer/apk/testing/apk-writer";
import { BoundedZip, centralDirectoryOffset, DEFAULT_ZIP_LIMITS, ZipError } from "./bounded-zip";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bounded-zip-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer) => {
  const p = path.join(dir, `${n++}.zip`);
  fs.writeFileSync(p, bytes);
  return p;
};

async function failure(promise: Promise<unknown>): Promise<ZipError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ZipError);
    expect((error as Error).message).not.toMatch(/\n/);
    return error as ZipError;
  }
  throw new Error("expected a ZipError");
}

// Overwrites the uncompressed size an entry declares, in its local header and its central directory record.
function declareUncompressedSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.toString("latin1", i + 30, i + 30 + out.readUInt16LE(i + 26)) === name) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.toString("latin1", i + 46, i + 46 + out.readUInt16LE(i + 28)) === name) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

describe("BoundedZip", () => {
  it("has the limits the issue sets", () => {
    expect(DEFAULT_ZIP_LIMITS).toMatchObject({ maxEntries: 65_536, maxTotalUncompressedBytes: 2 * 1024 ** 3, maxCompressionRatio: 200 });
  });

  it("lists entries and reads one, stored or deflated", async () => {
    const zip = await BoundedZip.open(
      file(
        await zipBytes([
          { name: "a.txt", data: Buffer.from("hello") },
          { name: "dir/b.bin", data: Buffer.alloc(1000, 7), compress: false },
        ]),
      ),
    );
    try {
      expect(zip.names()).toEqual(["a.txt", "dir/b.bin"]);
      expect((await zip.read("a.txt")).toString()).toBe("hello");
      expect(await zip.read("dir/b.bin")).toEqual(Buffer.alloc(1000, 7));
      expect((await failure(zip.read("missing"))).message).toMatch(/no entry "missing"/);
    } finally {
      zip.close();
    }
  });

  it("refuses more entries than the limit before reading any", async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, data: Buffer.from("x") }));
    const error = await failure(BoundedZip.open(file(await zipBytes(entries)), { maxEntries: 10 }));
    expect(error.code).toBe("zip_limits");
    expect(error.message).toBe("The archive lists 11 entries, more than the 10 allowed.");
  });

  it("refuses 65,537 entries with the default limit, from the count the archive declares", async () => {
    // A ZIP64 end record declaring 65,537 entries (writing them all would take seconds): the count is
    // refused before a single central directory record is read.
    const zip64End = Buffer.alloc(56);
    zip64End.writeUInt32LE(0x06064b50, 0);
    zip64End.writeBigUInt64LE(44n, 4);
    zip64End.writeUInt16LE(45, 12);
    zip64End.writeUInt16LE(45, 14);
    zip64End.writeBigUInt64LE(65_537n, 24);
    zip64End.writeBigUInt64LE(65_537n, 32);
    zip64End.writeBigUInt64LE(0n, 40);
    zip64End.writeBigUInt64LE(0n, 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(0n, 8);
    locator.writeUInt32LE(1, 16);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const error = await failure(BoundedZip.open(file(Buffer.concat([zip64End, locator, end]))));
    expect(error.message).toBe("The archive lists 65537 entries, more than the 65536 allowed.");
  });

  it("refuses an entry that declares more than 200:1 compression (a ratio bomb)", async () => {
    const bomb = await zipBytes([{ name: "assets/zeros.bin", data: Buffer.alloc(20 * 1024 * 1024) }]);
    const error = await failure(BoundedZip.open(file(bomb)));
    expect(error.code).toBe("zip_bomb");
    expect(error.message).toMatch(/The entry "assets\/zeros.bin" inflates \d+ bytes to 20 MiB, beyond the 200:1 ratio allowed/);
  });

  it("lets a small, highly compressible entry through (it cannot be a bomb alone)", async () => {
    const zip = await BoundedZip.open(file(await zipBytes([{ name: "blank.xml", data: Buffer.alloc(100_000, 0x20) }])));
    expect(await zip.read("blank.xml")).toHaveLength(100_000);
    zip.close();
  });

  it("refuses an archive whose entries declare more than the total allowed", async () => {
    const entries = [1, 2, 3].map((i) => ({ name: `part${i}`, data: Buffer.alloc(400_000, i), compress: false }));
    const error = await failure(BoundedZip.open(file(await zipBytes(entries)), { maxTotalUncompressedBytes: 1_000_000 }));
    expect(error.code).toBe("zip_bomb");
    expect(error.message).toMatch(/declares more than 1000000 bytes uncompressed/);
  });

  it("stops inflating an entry that lies about its size", async () => {
    // 8 MiB of zeros that declares 64 KiB: ratio and total look harmless until it is inflated.
    const liar = declareUncompressedSize(await zipBytes([{ name: "classes.dex", data: Buffer.alloc(8 * 1024 * 1024) }]), "classes.dex", 65_536);
    const zip = await BoundedZip.open(file(liar));
    try {
      const error = await failure(zip.read("classes.dex"));
      expect(error.code).toBe("zip_bomb");
      expect(error.message).toBe('The entry "classes.dex" inflates past the size it declares; the archive looks like a ZIP bomb.');
    } finally {
      zip.close();
    }
  });

  it("refuses an entry that inflates to less than it declares", async () => {
    const short = declareUncompressedSize(await zipBytes([{ name: "classes.dex", data: Buffer.alloc(10_000, 3) }]), "classes.dex", 20_000);
    const zip = await BoundedZip.open(file(short));
    try {
      const error = await failure(zip.read("classes.dex"));
      expect(error.code).toBe("truncated_zip");
      expect(error.message).toMatch(/^The archive is truncated: the entry "classes.dex" could not be read in full/);
    } finally {
      zip.close();
    }
  });

  it("caps what one read may inflate", async () => {
    const zip = await BoundedZip.open(file(await zipBytes([{ name: "big", data: Buffer.alloc(300_000, 1), compress: false }])), { maxEntryBytes: 100_000 });
    try {
      expect((await failure(zip.read("big"))).message).toMatch(/declares 300000 bytes, more than the 100000 bytes read from one entry/);
      expect((await failure(zip.read("big", 10))).code).toBe("zip_limits");
    } finally {
      zip.close();
    }
  });

  it("refuses a truncated archive and a file that is not a ZIP", async () => {
    const whole = await zipBytes([{ name: "a", data: Buffer.alloc(5000, 1), compress: false }]);
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 10]) {
      const error = await failure(BoundedZip.open(file(whole.subarray(0, cut))));
      expect(error.code).toBe("truncated_zip");
      expect(error.message).toMatch(/^The archive is truncated or is not a ZIP file/);
    }
    expect((await failure(BoundedZip.open(file(Buffer.from("%PDF-1.7 not a zip"))))).code).toBe("truncated_zip");
    // A central directory that points past the data it describes.
    const damaged = Buffer.from(whole);
    damaged.writeUInt32LE(damaged.readUInt32LE(damaged.length - 6) + 100, damaged.length - 6);
    await failure(BoundedZip.open(file(damaged)));
  });

  it("passes a missing file's own error through, rather than call it a damaged archive", async () => {
    await expect(BoundedZip.open(path.join(dir, "no-such-file.zip"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses an archive that names one entry twice", async () => {
    const zip = await zipBytes([
      { name: "AndroidManifest.xml", data: Buffer.from("one") },
      { name: "AndroidManifest.xml", data: Buffer.from("two") },
    ]);
    expect((await failure(BoundedZip.open(file(zip)))).message).toMatch(/the entry "AndroidManifest.xml" appears twice/);
  });

  it("finds the central directory offset from the end record", async () => {
    const bytes = await zipBytes([{ name: "a", data: Buffer.from("abc"), compress: false }]);
    expect(await centralDirectoryOffset(file(bytes))).toBe(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect((await failure(centralDirectoryOffset(file(Buffer.from("no zip here"))))).code).toBe("truncated_zip");
  });
});
