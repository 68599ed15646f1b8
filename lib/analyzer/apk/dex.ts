import { DexFormatError } from "./errors";

// A reader of the parts of a Dalvik Executable that say which code a package carries: the header,
// string_ids (every string constant and identifier), type_ids (every type referenced) and class_defs
// (every class defined), per https://source.android.com/docs/core/runtime/dex-format. Every offset
// and count comes from an untrusted file, so each is checked against the buffer before it is used;
// a corrupt file fails with a DexFormatError naming what is wrong, never a RangeError or a hang.

export const DEX_HEADER_SIZE = 0x70;
const ENDIAN_CONSTANT = 0x12345678;
const REVERSE_ENDIAN_CONSTANT = 0x78563412;
const NO_INDEX = 0xffffffff;
// A large real DEX holds a few hundred thousand strings; this bounds the memory a hostile count can claim.
export const MAX_STRINGS = 1 << 22;
const STRING_INDEX_SPAN = 1 << 22;

export type DexHeader = {
  version: string;
  fileSize: number;
  stringIdsSize: number;
  stringIdsOff: number;
  typeIdsSize: number;
  typeIdsOff: number;
  classDefsSize: number;
  classDefsOff: number;
};

export type DexFile = {
  header: DexHeader;
  /** Every string of string_ids, decoded from MUTF-8. */
  strings: string[];
  /** Class names ("com.umeng.analytics.MobclickAgent") of the classes this file defines (class_defs). */
  definedClasses: string[];
};

export function readDexHeader(bytes: Uint8Array, label = "classes.dex"): DexHeader {
  const fail = (why: string) => new DexFormatError(`${label} is not a valid DEX file: ${why}.`);
  if (bytes.length < DEX_HEADER_SIZE) throw fail(`it is ${bytes.length} bytes, shorter than the ${DEX_HEADER_SIZE}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  const match = /^dex\n(0\d\d)\0$/.exec(magic);
  if (!match) throw fail("the magic number is not dex\\n0NN");
  const version = match[1]!;
  // 041 packs several DEX files into one container with shared tables; reading only its first part
  // would silently miss classes, so it is refused by name until it is supported.
  if (Number(version) < 35 || Number(version) > 40) throw fail(`DEX version ${version} is not supported (035 to 040 are)`);
  const u32 = (offset: number) => view.getUint32(offset, true);
  const endian = u32(40);
  if (endian === REVERSE_ENDIAN_CONSTANT) throw fail("it is big-endian, which Android does not use");
  if (endian !== ENDIAN_CONSTANT) throw fail(`the endian tag is 0x${endian.toString(16)}`);
  const headerSize = u32(36);
  if (headerSize < DEX_HEADER_SIZE) throw fail(`the header size is ${headerSize}`);
  const fileSize = u32(32);
  if (fileSize > bytes.length) throw fail(`it is truncated: the header declares ${fileSize} bytes, the file has ${bytes.length}`);
  if (fileSize < headerSize) throw fail(`the header declares a file size of ${fileSize} bytes`);
  const header: DexHeader = {
    version,
    fileSize,
    stringIdsSize: u32(56),
    stringIdsOff: u32(60),
    typeIdsSize: u32(64),
    typeIdsOff: u32(68),
    classDefsSize: u32(96),
    classDefsOff: u32(100),
  };
  // Each table must lie inside the declared file; the sizes are checked as numbers, not multiplied blindly.
  const table = (name: string, size: number, offset: number, itemSize: number) => {
    if (size === 0) return;
    if (offset < headerSize || offset % 4 !== 0 || offset > fileSize || size > (fileSize - offset) / itemSize) {
      throw fail(`${name} (${size} items at offset ${offset}) lies outside the file`);
    }
  };
  table("string_ids", header.stringIdsSize, header.stringIdsOff, 4);
  table("type_ids", header.typeIdsSize, header.typeIdsOff, 4);
  table("class_defs", header.classDefsSize, header.classDefsOff, 32);
  if (header.typeIdsSize > 0xffff) throw fail(`it lists ${header.typeIdsSize} types, more than the format's 65,535`);
  return header;
}

export function readDex(bytes: Uint8Array, label = "classes.dex"): DexFile {
  const header = readDexHeader(bytes, label);
  const fail = (why: string) => new DexFormatError(`${label} is not a valid DEX file: ${why}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = header.fileSize;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (header.stringIdsSize > MAX_STRINGS) throw fail(`it lists ${header.stringIdsSize} strings, more than the ${MAX_STRINGS} read from one file`);
  // String data is decoded in file order and no two strings may share or overlap their bytes (a valid
  // file never does): so decoding costs at most one pass over the file, whatever the offsets say.
  // Each key is offset · 2^22 + index, exact in a double since offsets are < 2^31 and indices < 2^22.
  const byOffset = new Float64Array(header.stringIdsSize);
  for (let i = 0; i < header.stringIdsSize; i++) {
    const dataOff = view.getUint32(header.stringIdsOff + i * 4, true);
    if (dataOff < DEX_HEADER_SIZE || dataOff >= end) throw fail(`string ${i} points at offset ${dataOff}, outside the file`);
    byOffset[i] = dataOff * STRING_INDEX_SPAN + i;
  }
  byOffset.sort();
  const strings = new Array<string>(header.stringIdsSize);
  let previousEnd = 0;
  for (const key of byOffset) {
    const i = key % STRING_INDEX_SPAN;
    const dataOff = (key - i) / STRING_INDEX_SPAN;
    if (dataOff < previousEnd) throw fail(`string ${i} at offset ${dataOff} overlaps the string before it`);
    const decoded = readStringData(buffer, dataOff, end, () => fail(`string ${i} at offset ${dataOff} is malformed`));
    strings[i] = decoded.value;
    previousEnd = decoded.end;
  }

  const descriptorOf = (typeIndex: number) => {
    const descriptorIndex = view.getUint32(header.typeIdsOff + typeIndex * 4, true);
    if (descriptorIndex >= header.stringIdsSize) throw fail(`type ${typeIndex} names string ${descriptorIndex}, beyond the ${header.stringIdsSize} strings`);
    return strings[descriptorIndex]!;
  };
  // Every type_id is checked, not only the ones a class_def uses: a bad index is corruption either way.
  for (let t = 0; t < header.typeIdsSize; t++) descriptorOf(t);

  const definedClasses: string[] = [];
  for (let c = 0; c < header.classDefsSize; c++) {
    const classIndex = view.getUint32(header.classDefsOff + c * 32, true);
    if (classIndex === NO_INDEX || classIndex >= header.typeIdsSize) throw fail(`class ${c} names type ${classIndex}, beyond the ${header.typeIdsSize} types`);
    const name = classNameOf(descriptorOf(classIndex));
    if (name === null) throw fail(`class ${c} is defined with the non-class type ${descriptorOf(classIndex)}`);
    definedClasses.push(name);
  }
  return { header, strings, definedClasses };
}

/** "Lcom/umeng/analytics/MobclickAgent;" → "com.umeng.analytics.MobclickAgent"; arrays and primitives → null. */
export function classNameOf(descriptor: string): string | null {
  if (descriptor.length < 3 || descriptor.charCodeAt(0) !== 0x4c /* L */ || descriptor.charCodeAt(descriptor.length - 1) !== 0x3b /* ; */) return null;
  return descriptor.slice(1, -1).replaceAll("/", ".");
}

/** Reads an unsigned LEB128 of at most 5 bytes (a uint32) at `offset`; null when it runs off `end` or is too long. */
export function readUleb128(bytes: Uint8Array, offset: number, end: number): { value: number; next: number } | null {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    if (offset + i >= end) return null;
    const byte = bytes[offset + i]!;
    if (i === 4 && byte > 0x0f) return null;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 };
  }
  return null;
}

// string_data_item: uleb128 utf16_size, then MUTF-8 bytes ending in a NUL. MUTF-8 writes U+0000 as
// C0 80 and a supplementary character as two 3-byte surrogates, so every code unit is 1–3 bytes.
function readStringData(bytes: Buffer, offset: number, end: number, malformed: () => Error): { value: string; end: number } {
  const size = readUleb128(bytes, offset, end);
  if (!size) throw malformed();
  const start = size.next;
  // Most strings are ASCII: find the NUL and decode in one call.
  let i = start;
  let ascii = true;
  while (i < end) {
    const byte = bytes[i]!;
    if (byte === 0) break;
    if (byte >= 0x80) ascii = false;
    i++;
  }
  if (i >= end) throw malformed();
  if (ascii) {
    if (i - start !== size.value) throw malformed();
    return { value: bytes.toString("latin1", start, i), end: i + 1 };
  }
  const units: number[] = [];
  for (let p = start; p < i; ) {
    const a = bytes[p]!;
    if (a < 0x80) {
      units.push(a);
      p += 1;
    } else if ((a & 0xe0) === 0xc0) {
      const b = bytes[p + 1]!;
      if (p + 1 >= i || (b & 0xc0) !== 0x80) throw malformed();
      units.push(((a & 0x1f) << 6) | (b & 0x3f));
      p += 2;
    } else if ((a & 0xf0) === 0xe0) {
      const b = bytes[p + 1]!;
      const c = bytes[p + 2]!;
      if (p + 2 >= i || (b & 0xc0) !== 0x80 || (c & 0xc0) !== 0x80) throw malformed();
      units.push(((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f));
      p += 3;
    } else {
      throw malformed();
    }
  }
  if (units.length !== size.value) throw malformed();
  let out = "";
  for (let u = 0; u < units.length; u += 8192) out += String.fromCharCode(...units.slice(u, u + 8192));
  return { value: out, end: i + 1 };
}
