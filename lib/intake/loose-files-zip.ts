// Many loose files chosen at once become one intake batch: the browser wraps them in a ZIP
// without compression (STORE), which the bulk intake then takes in exactly as an uploaded ZIP —
// the same job, progress, failure report and re-run rule (a file's path here is its name, or
// its path inside a chosen folder). Pure and I/O-free apart from reading the Blobs, so it runs
// in the browser and in tests alike. The files' bytes are never copied into memory: they are
// read once, in slices, for their CRC-32, and the ZIP is a Blob that refers to them.

// Without ZIP64 a ZIP holds at most 65,535 entries and 4 GiB of offsets; the intake's own limits
// (65,536 files, the archive size limit) are lower or equal.
export const MAX_LOOSE_FILES = 65_535;
const MAX_OFFSET = 0xffff_ffff;
const READ_SLICE = 4 * 1024 * 1024;

export type LooseFile = { path: string; blob: Blob; lastModified?: number };

export class LooseFilesRefused extends Error {}

let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32Update(crc: number, bytes: Uint8Array): number {
  const t = crcTable();
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function crcOf(blob: Blob): Promise<number> {
  let crc = 0;
  for (let at = 0; at < blob.size; at += READ_SLICE) crc = crc32Update(crc, new Uint8Array(await blob.slice(at, at + READ_SLICE).arrayBuffer()));
  return crc;
}

// DOS date and time, local to nobody: the ZIP field has no zone, so UTC is written.
function dosDateTime(ms: number | undefined): { time: number; date: number } {
  const d = new Date(ms && ms > Date.UTC(1980, 0, 2) ? ms : Date.UTC(1980, 0, 1));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

// A path inside the ZIP: forward slashes, no leading slash or drive letter, no "." or ".." segments.
export function loosePath(name: string): string {
  const segments = name
    .replaceAll("\\", "/")
    .split("/")
    .filter((s, i) => s !== "" && s !== "." && s !== ".." && !(i === 0 && /^[A-Za-z]:$/.test(s)));
  return segments.join("/") || "file";
}

// Two chosen files with one name (from different folders, picked one after the other) keep
// both: the second becomes "name (2).ext".
function uniquePaths(files: readonly LooseFile[]): string[] {
  const seen = new Set<string>();
  return files.map((f) => {
    const base = loosePath(f.path);
    let p = base;
    for (let n = 2; seen.has(p.toLowerCase()); n++) {
      const dot = base.lastIndexOf(".");
      p = dot > base.lastIndexOf("/") + 1 ? `${base.slice(0, dot)} (${n})${base.slice(dot)}` : `${base} (${n})`;
    }
    seen.add(p.toLowerCase());
    return p;
  });
}

// Builds the STORE ZIP (UTF-8 names, CRC-32 per file). `onProgress` gets the bytes read so far.
export async function zipLooseFiles(files: readonly LooseFile[], onProgress?: (read: number, total: number) => void): Promise<Blob> {
  if (files.length === 0) throw new LooseFilesRefused("Choose at least one file.");
  if (files.length > MAX_LOOSE_FILES) throw new LooseFilesRefused(`At most ${MAX_LOOSE_FILES.toLocaleString("en-US")} files at once; put more in a ZIP.`);
  const encoder = new TextEncoder();
  const total = files.reduce((n, f) => n + f.blob.size, 0);
  const parts: BlobPart[] = [];
  const central: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let read = 0;
  const paths = uniquePaths(files);
  for (const [i, file] of files.entries()) {
    const name = new Uint8Array(encoder.encode(paths[i]!));
    const size = file.blob.size;
    if (offset + 30 + name.length + size > MAX_OFFSET) throw new LooseFilesRefused("The files come to more than 4 GiB; take them in as several batches.");
    const crc = await crcOf(file.blob);
    read += size;
    onProgress?.(read, total);
    const { time, date } = dosDateTime(file.lastModified);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true); // version needed
    l.setUint16(6, 0x0800, true); // UTF-8 names
    l.setUint16(8, 0, true); // STORE
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, size, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true);
    local.set(name, 30);
    const entry = new Uint8Array(46 + name.length);
    const c = new DataView(entry.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true); // made by
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, size, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    entry.set(name, 46);
    parts.push(local, file.blob);
    central.push(entry);
    offset += local.length + size;
  }
  const centralSize = central.reduce((n, e) => n + e.length, 0);
  if (offset + centralSize > MAX_OFFSET) throw new LooseFilesRefused("The files come to more than 4 GiB; take them in as several batches.");
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, files.length, true);
  e.setUint16(10, files.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end], { type: "application/zip" });
}
