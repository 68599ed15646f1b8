// A small walker over DER (and the BER indefinite lengths some PKCS#7 writers emit), enough to find
// the certificates and signer of a signature block. Every length is checked against its parent, and
// nesting is capped, so a hostile block fails with an error instead of a RangeError or a deep recursion.

export class DerError extends Error {}

export type Tlv = {
  tag: number;
  constructed: boolean;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content (before the end-of-contents octets of an indefinite length). */
  contentEnd: number;
  /** Offset just past the whole element. */
  end: number;
};

const MAX_DEPTH = 32;

export function readTlv(bytes: Uint8Array, offset: number, limit: number, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new DerError("nesting is too deep");
  if (offset + 2 > limit) throw new DerError(`an element at offset ${offset} runs past its parent`);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`a multi-byte tag at offset ${offset} is not used by PKCS#7`);
  const constructed = (tag & 0x20) !== 0;
  let p = offset + 1;
  const first = bytes[p++]!;
  if (first === 0x80) {
    if (!constructed) throw new DerError(`a primitive element at offset ${offset} has an indefinite length`);
    // Children up to the end-of-contents octets 00 00.
    let child = p;
    while (true) {
      if (child + 2 > limit) throw new DerError(`an indefinite-length element at offset ${offset} never ends`);
      if (bytes[child] === 0 && bytes[child + 1] === 0) return { tag, constructed, start: offset, contentStart: p, contentEnd: child, end: child + 2 };
      child = readTlv(bytes, child, limit, depth + 1).end;
    }
  }
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count > 4) throw new DerError(`an element at offset ${offset} declares a ${count}-byte length`);
    if (p + count > limit) throw new DerError(`an element at offset ${offset} runs past its parent`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[p++]!;
  }
  if (length > limit - p) throw new DerError(`an element at offset ${offset} declares ${length} bytes, more than its parent holds`);
  return { tag, constructed, start: offset, contentStart: p, contentEnd: p + length, end: p + length };
}

export function childrenOf(bytes: Uint8Array, parent: Tlv, depth = 0): Tlv[] {
  if (!parent.constructed) throw new DerError(`the element at offset ${parent.start} has no children`);
  const out: Tlv[] = [];
  for (let p = parent.contentStart; p < parent.contentEnd; ) {
    const child = readTlv(bytes, p, parent.contentEnd, depth + 1);
    out.push(child);
    p = child.end;
  }
  return out;
}

export const contentOf = (bytes: Uint8Array, tlv: Tlv) => bytes.subarray(tlv.contentStart, tlv.contentEnd);

export const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/** Encodes a dotted OID ("1.2.840.113549.1.7.2") as DER content bytes, for comparison. */
export function oidBytes(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const out = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const groups = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    out.push(...groups);
  }
  return Buffer.from(out);
}
