import { ManifestFormatError } from "./errors";

// A reader of Android's binary XML (AXML), the compiled form of AndroidManifest.xml in an APK, per the
// ResChunk/ResStringPool/ResXMLTree structures of AOSP's ResourceTypes.h. Written here rather than
// taken from @devicefarmer/adbkit-apkreader because that parser loops forever on a chunk that declares
// a size of 0 (16 bytes are enough), and a manifest comes from an untrusted upload. Every chunk must
// lie inside its parent and advance the cursor, every string and attribute index is checked.

const RES_NULL_TYPE = 0x0000;
const RES_STRING_POOL_TYPE = 0x0001;
const RES_XML_TYPE = 0x0003;
const RES_XML_START_ELEMENT_TYPE = 0x0102;
const RES_XML_END_ELEMENT_TYPE = 0x0103;
const RES_XML_RESOURCE_MAP_TYPE = 0x0180;
const UTF8_FLAG = 1 << 8;
const NO_INDEX = 0xffffffff;

// Res_value data types (android.util.TypedValue).
export const TYPE_REFERENCE = 0x01;
export const TYPE_STRING = 0x03;
export const TYPE_INT_DEC = 0x10;
export const TYPE_INT_HEX = 0x11;
export const TYPE_INT_BOOLEAN = 0x12;

export type AxmlAttribute = {
  namespace: string | null;
  name: string;
  /** The android.R.attr id from the resource map; aapt strips or obfuscates names, ids stay. */
  resourceId: number | null;
  rawValue: string | null;
  dataType: number;
  data: number;
};

export type AxmlElement = { namespace: string | null; name: string; depth: number; attributes: AxmlAttribute[] };

/** Walks the elements of a binary XML document in order; `depth` is 1 for the root. */
export function readAxml(bytes: Uint8Array, onElement: (element: AxmlElement) => void, label = "AndroidManifest.xml"): void {
  const fail = (why: string) => new ManifestFormatError(`${label} is not a valid binary XML manifest: ${why}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) throw fail("it is shorter than a chunk header");
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);

  if (u16(0) !== RES_XML_TYPE) {
    // A text manifest (a source tree, not a built package) starts with "<?xml" or "<manifest".
    throw fail(bytes[0] === 0x3c ? "it is text XML, not the compiled form a built APK carries" : `the first chunk has type 0x${u16(0).toString(16)}, not XML`);
  }
  const documentEnd = u32(4);
  if (documentEnd > bytes.length) throw fail(`it is truncated: the document declares ${documentEnd} bytes, the entry has ${bytes.length}`);
  if (u16(2) < 8 || u16(2) > documentEnd) throw fail("the document header size is out of range");

  let strings: string[] | null = null;
  let resourceIds: number[] = [];
  let depth = 0;
  let sawRoot = false;
  const stringAt = (index: number): string | null => {
    if (index === NO_INDEX) return null;
    if (!strings) throw fail("an element comes before the string pool");
    if (index >= strings.length) throw fail(`string index ${index} is beyond the ${strings.length} strings`);
    return strings[index]!;
  };

  for (let offset = u16(2); offset < documentEnd; ) {
    if (offset + 8 > documentEnd) throw fail(`a chunk header at offset ${offset} runs past the end`);
    const type = u16(offset);
    const headerSize = u16(offset + 2);
    const size = u32(offset + 4);
    // size >= 8 is what guarantees progress through the document.
    if (headerSize < 8 || size < headerSize || size > documentEnd - offset) throw fail(`the chunk at offset ${offset} declares sizes outside the document`);
    const chunkEnd = offset + size;
    switch (type) {
      case RES_STRING_POOL_TYPE:
        if (!strings) strings = readStringPool(bytes, view, offset, headerSize, chunkEnd, fail);
        break;
      case RES_XML_RESOURCE_MAP_TYPE: {
        const ids: number[] = [];
        for (let p = offset + headerSize; p + 4 <= chunkEnd; p += 4) ids.push(u32(p));
        resourceIds = ids;
        break;
      }
      case RES_XML_START_ELEMENT_TYPE: {
        const ext = offset + headerSize;
        if (ext + 20 > chunkEnd) throw fail(`the element at offset ${offset} is cut short`);
        const attributeStart = u16(ext + 8);
        const attributeSize = u16(ext + 10);
        const attributeCount = u16(ext + 12);
        if (attributeCount > 0 && (attributeSize < 20 || ext + attributeStart + attributeCount * attributeSize > chunkEnd)) {
          throw fail(`the attributes of the element at offset ${offset} lie outside it`);
        }
        const attributes: AxmlAttribute[] = [];
        for (let a = 0; a < attributeCount; a++) {
          const at = ext + attributeStart + a * attributeSize;
          const nameIndex = u32(at + 4);
          const name = stringAt(nameIndex);
          if (name === null) throw fail(`an attribute of the element at offset ${offset} has no name`);
          attributes.push({
            namespace: stringAt(u32(at)),
            name,
            resourceId: nameIndex < resourceIds.length ? resourceIds[nameIndex]! : null,
            rawValue: stringAt(u32(at + 8)),
            dataType: bytes[at + 15]!,
            data: u32(at + 16),
          });
        }
        const name = stringAt(u32(ext + 4));
        if (name === null) throw fail(`the element at offset ${offset} has no name`);
        depth++;
        if (depth === 1) {
          if (sawRoot) throw fail("it has more than one root element");
          sawRoot = true;
        }
        onElement({ namespace: stringAt(u32(ext)), name, depth, attributes });
        break;
      }
      case RES_XML_END_ELEMENT_TYPE:
        if (depth === 0) throw fail(`an element ends at offset ${offset} that never started`);
        depth--;
        break;
      case RES_NULL_TYPE:
      default:
        // Namespaces, CDATA and unknown chunks say nothing the analysis needs.
        break;
    }
    offset = chunkEnd;
  }
  if (!sawRoot) throw fail("it has no elements");
}

function readStringPool(bytes: Uint8Array, view: DataView, chunk: number, headerSize: number, chunkEnd: number, fail: (why: string) => Error): string[] {
  if (headerSize < 28) throw fail("the string pool header is cut short");
  const count = view.getUint32(chunk + 8, true);
  const flags = view.getUint32(chunk + 16, true);
  const stringsStart = chunk + view.getUint32(chunk + 20, true);
  const offsetsStart = chunk + headerSize;
  if (count > (chunkEnd - offsetsStart) / 4) throw fail(`the string pool lists ${count} strings, more than fit in it`);
  if (count > 0 && (stringsStart < offsetsStart + count * 4 || stringsStart > chunkEnd)) throw fail("the string pool's data lies outside it");
  const utf8 = (flags & UTF8_FLAG) !== 0;
  const decoder = new TextDecoder(utf8 ? "utf-8" : "utf-16le", { fatal: true });
  const strings = new Array<string>(count);
  // Two offsets may name one string; otherwise strings are disjoint, so the bytes decoded cannot
  // exceed the pool's data. Without this, a million offsets into one long string cost a million decodes.
  const seen = new Map<number, string>();
  let decodedBytes = 0;
  for (let i = 0; i < count; i++) {
    let p = stringsStart + view.getUint32(offsetsStart + i * 4, true);
    const cached = seen.get(p);
    if (cached !== undefined) {
      strings[i] = cached;
      continue;
    }
    const at = p;
    const bad = () => fail(`string ${i} of the string pool is malformed`);
    try {
      if (utf8) {
        // Two lengths, each 1 byte or 2 when the high bit is set: UTF-16 units, then UTF-8 bytes.
        const length8 = () => {
          if (p >= chunkEnd) throw bad();
          const first = bytes[p++]!;
          if ((first & 0x80) === 0) return first;
          if (p >= chunkEnd) throw bad();
          return ((first & 0x7f) << 8) | bytes[p++]!;
        };
        length8();
        const byteLength = length8();
        if (p + byteLength >= chunkEnd || bytes[p + byteLength] !== 0) throw bad();
        decodedBytes += byteLength;
        if (decodedBytes > chunkEnd - stringsStart) throw fail("the strings of the string pool overlap");
        strings[i] = decoder.decode(bytes.subarray(p, p + byteLength));
      } else {
        if (p + 2 > chunkEnd) throw bad();
        let units = view.getUint16(p, true);
        p += 2;
        if (units & 0x8000) {
          if (p + 2 > chunkEnd) throw bad();
          units = ((units & 0x7fff) << 16) | view.getUint16(p, true);
          p += 2;
        }
        if (p + units * 2 + 2 > chunkEnd || view.getUint16(p + units * 2, true) !== 0) throw bad();
        decodedBytes += units * 2;
        if (decodedBytes > chunkEnd - stringsStart) throw fail("the strings of the string pool overlap");
        strings[i] = decoder.decode(bytes.subarray(p, p + units * 2));
      }
    } catch (error) {
      if (error instanceof TypeError) throw bad();
      throw error;
    }
    seen.set(at, strings[i]!);
  }
  return strings;
}
