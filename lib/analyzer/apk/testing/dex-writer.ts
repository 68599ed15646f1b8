import { createHash } from "node:crypto";
import { DEX_HEADER_SIZE } from "../dex";

// Builds a minimal, well-formed DEX file for tests, the demo APK and the bench: header (with its
// Adler-32 checksum and SHA-1 signature), string_ids, type_ids and class_defs, then the string data.
// The classes have no code; what the analyzer reads is which classes and strings a file carries.

export type DexSpec = {
  classes: string[];
  strings?: string[];
  version?: string;
  /** Bytes that stand in for code (class_data, code_items) in the data section; the bench sizes files with it. */
  codeBytes?: Uint8Array;
};

/** MUTF-8: U+0000 as C0 80, every UTF-16 code unit (surrogates too) as 1–3 bytes. */
export function encodeMutf8(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0 && c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Buffer.from(out);
}

export function encodeUleb128(value: number): Buffer {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return Buffer.from(out);
}

const descriptorOf = (className: string) => `L${className.replaceAll(".", "/")};`;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    // 5552 bytes is the most that can be summed before the modulo must be taken.
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const OBJECT = "Ljava/lang/Object;";

export function writeDex(spec: DexSpec): Buffer {
  const defined = [...new Set(spec.classes.map(descriptorOf))].sort();
  // Every class extends java.lang.Object, which is referenced (a type_id) but not defined here.
  const descriptors = defined.length && !defined.includes(OBJECT) ? [...defined, OBJECT].sort() : defined;
  const strings = [...new Set([...(spec.strings ?? []), ...descriptors])].sort();
  const stringIndex = new Map(strings.map((s, i) => [s, i]));
  const stringData = strings.map((s) => {
    const ascii = /^[\x01-\x7f]*$/.test(s);
    const body = ascii ? Buffer.from(s, "latin1") : encodeMutf8(s);
    return Buffer.concat([encodeUleb128(s.length), body, Buffer.from([0])]);
  });

  const stringIdsOff = DEX_HEADER_SIZE;
  const typeIdsOff = stringIdsOff + strings.length * 4;
  const classDefsOff = typeIdsOff + descriptors.length * 4;
  const dataOff = classDefsOff + defined.length * 32;
  const stringDataSize = stringData.reduce((n, b) => n + b.length, 0);
  // The map_list (which dexdump and the runtime's verifier walk) ends the data section, 4-aligned.
  const codeOff = Math.ceil((dataOff + stringDataSize) / 4) * 4;
  const codeSize = spec.codeBytes?.length ?? 0;
  const mapOff = Math.ceil((codeOff + codeSize) / 4) * 4;
  const mapItems: [number, number, number][] = [[0x0000, 1, 0]];
  if (strings.length) mapItems.push([0x0001, strings.length, stringIdsOff]);
  if (descriptors.length) mapItems.push([0x0002, descriptors.length, typeIdsOff]);
  if (defined.length) mapItems.push([0x0006, defined.length, classDefsOff]);
  if (strings.length) mapItems.push([0x2002, strings.length, dataOff]);
  mapItems.push([0x1000, 1, mapOff]);
  const fileSize = mapOff + 4 + mapItems.length * 12;
  const out = Buffer.alloc(fileSize);
  if (spec.codeBytes) out.set(spec.codeBytes, codeOff);
  out.writeUInt32LE(mapItems.length, mapOff);
  mapItems.forEach(([type, size, offset], i) => {
    out.writeUInt16LE(type, mapOff + 4 + i * 12);
    out.writeUInt32LE(size, mapOff + 8 + i * 12);
    out.writeUInt32LE(offset, mapOff + 12 + i * 12);
  });

  out.write(`dex\n${spec.version ?? "035"}\0`, 0, "latin1");
  out.writeUInt32LE(fileSize, 32);
  out.writeUInt32LE(DEX_HEADER_SIZE, 36);
  out.writeUInt32LE(0x12345678, 40);
  out.writeUInt32LE(strings.length, 56);
  out.writeUInt32LE(strings.length ? stringIdsOff : 0, 60);
  out.writeUInt32LE(descriptors.length, 64);
  out.writeUInt32LE(descriptors.length ? typeIdsOff : 0, 68);
  out.writeUInt32LE(mapOff, 52);
  out.writeUInt32LE(defined.length, 96);
  out.writeUInt32LE(defined.length ? classDefsOff : 0, 100);
  out.writeUInt32LE(fileSize - dataOff, 104);
  out.writeUInt32LE(dataOff, 108);

  let at = dataOff;
  stringData.forEach((data, i) => {
    out.writeUInt32LE(at, stringIdsOff + i * 4);
    data.copy(out, at);
    at += data.length;
  });
  descriptors.forEach((d, i) => out.writeUInt32LE(stringIndex.get(d)!, typeIdsOff + i * 4));
  defined.forEach((d, i) => {
    const def = classDefsOff + i * 32;
    out.writeUInt32LE(descriptors.indexOf(d), def); // class_idx
    out.writeUInt32LE(0x1, def + 4); // ACC_PUBLIC
    out.writeUInt32LE(d === OBJECT ? 0xffffffff : descriptors.indexOf(OBJECT), def + 8); // superclass_idx
    out.writeUInt32LE(0xffffffff, def + 16); // source_file_idx: none
  });
  createHash("sha1").update(out.subarray(32)).digest().copy(out, 12);
  out.writeUInt32LE(adler32(out.subarray(12)), 8);
  return out;
}
