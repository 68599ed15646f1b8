// A PDF content-stream scanner: just enough of ISO 32000 §7.2/§7.8 to find the operands of the
// text-showing operators and where they sit in the bytes, so a redaction can splice them out
// without re-serialising (and so without disturbing) anything else on the page.

export type Token =
  | { kind: "string"; start: number; end: number; bytes: number[] }
  | { kind: "number"; start: number; end: number; value: number }
  | { kind: "name"; start: number; end: number; value: string }
  | { kind: "open-array" | "close-array" | "open-dict" | "close-dict"; start: number; end: number }
  | { kind: "operator"; start: number; end: number; value: string };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

function readLiteral(b: Uint8Array, i: number): { bytes: number[]; end: number } {
  const out: number[] = [];
  let depth = 1;
  i++;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x5c) {
      const n = b[i + 1];
      if (n === undefined) break;
      const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
      if (n in simple) {
        out.push(simple[n]!);
        i += 2;
      } else if (n >= 0x30 && n <= 0x37) {
        let j = i + 1;
        let v = 0;
        while (j < i + 4 && b[j]! >= 0x30 && b[j]! <= 0x37) v = v * 8 + (b[j++]! - 0x30);
        out.push(v & 0xff);
        i = j;
      } else if (n === 0x0d || n === 0x0a) {
        i += n === 0x0d && b[i + 2] === 0x0a ? 3 : 2;
      } else {
        out.push(n);
        i += 2;
      }
      continue;
    }
    if (c === 0x28) depth++;
    if (c === 0x29 && --depth === 0) return { bytes: out, end: i + 1 };
    out.push(c);
    i++;
  }
  throw new Error("unterminated string in content stream");
}

export function tokenize(b: Uint8Array): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (WHITE.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      const { bytes, end } = readLiteral(b, i);
      tokens.push({ kind: "string", start: i, end, bytes });
      i = end;
    } else if (c === 0x3c && b[i + 1] === 0x3c) {
      tokens.push({ kind: "open-dict", start: i, end: i + 2 });
      i += 2;
    } else if (c === 0x3e && b[i + 1] === 0x3e) {
      tokens.push({ kind: "close-dict", start: i, end: i + 2 });
      i += 2;
    } else if (c === 0x3c) {
      const close = b.indexOf(0x3e, i);
      if (close < 0) throw new Error("unterminated hex string in content stream");
      const hex = Buffer.from(b.subarray(i + 1, close)).toString("latin1").replace(/[^0-9a-fA-F]/g, "");
      const even = hex.length % 2 ? `${hex}0` : hex;
      tokens.push({ kind: "string", start: i, end: close + 1, bytes: [...Buffer.from(even, "hex")] });
      i = close + 1;
    } else if (c === 0x5b || c === 0x5d) {
      tokens.push({ kind: c === 0x5b ? "open-array" : "close-array", start: i, end: i + 1 });
      i++;
    } else if (c === 0x7b || c === 0x7d) {
      i++;
    } else {
      const start = i;
      i++;
      while (i < b.length && !WHITE.has(b[i]!) && !DELIM.has(b[i]!)) i++;
      const word = Buffer.from(b.subarray(start, i)).toString("latin1");
      if (c === 0x2f) tokens.push({ kind: "name", start, end: i, value: word.slice(1) });
      else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) tokens.push({ kind: "number", start, end: i, value: Number(word) });
      else {
        tokens.push({ kind: "operator", start, end: i, value: word });
        // Inline image data is binary: skip from ID to the EI that ends it.
        if (word === "ID") {
          let j = i + 1;
          while (j < b.length && !(WHITE.has(b[j - 1]!) && b[j] === 0x45 && b[j + 1] === 0x49 && (j + 2 >= b.length || WHITE.has(b[j + 2]!)))) j++;
          i = j;
        }
      }
    }
  }
  return tokens;
}

// A literal string any reader parses back to exactly these bytes.
export function literal(bytes: readonly number[]): string {
  return `(${bytes
    .map((c) => (c === 0x28 || c === 0x29 || c === 0x5c ? `\\${String.fromCharCode(c)}` : c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, "0")}`))
    .join("")})`;
}
