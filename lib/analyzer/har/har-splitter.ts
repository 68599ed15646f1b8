// Finds the HAR's structure in the byte stream without tokenising it: the root object, its "log"
// object, the log's small fields, and each element of "log.entries" as a byte range. Each entry
// is then handed over whole, to be JSON.parse'd on its own. Strings are skipped with a native
// indexOf for the closing quote, so the cost per byte is close to a memchr; memory is one entry
// (at most `maxEntryBytes`) plus the chunk being read, whatever the file's size.

export type HarFormatProblem = "BAD_JSON" | "NOT_HAR" | "TRUNCATED" | "TOO_LARGE";

// A capture that cannot be analysed; the message is written for the person who uploaded it.
export class HarFormatError extends Error {
  constructor(
    readonly problem: HarFormatProblem,
    message: string,
  ) {
    super(message);
    this.name = "HarFormatError";
  }
}

export type SplitterEvent = { kind: "entry"; index: number; bytes: Buffer } | { kind: "log-field"; key: string; bytes: Buffer | null };

export type SplitterLimits = { maxEntryBytes: number; maxLogFieldBytes: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

// Levels of the HAR frame: before the root, in the root object, in "log", in "log.entries", after.
const BEFORE = -1;
const ROOT = 0;
const LOG = 1;
const ENTRIES = 2;
const AFTER = 3;

type Expect = "key" | "colon" | "value" | "comma";
type Purpose = "key" | "skip" | "log-field" | "entry";

const MIB = 1024 * 1024;

export class HarSplitter {
  private level = BEFORE;
  private expect: Expect = "value";
  private first = true;
  private key: string | null = null;
  private seenLog = false;
  private seenEntries = false;
  private entryCount = 0;
  private offset = 0;

  // The one JSON value being consumed (a key, a skipped value, a log field or an entry).
  private inValue = false;
  private purpose: Purpose = "skip";
  private depth = 0;
  private inString = false;
  private escapePending = false;
  private scalar = false;
  private pieces: Buffer[] = [];
  private captured = 0;
  private overCap = false;
  private valueStart = 0;

  constructor(private readonly limits: SplitterLimits) {}

  get entriesSeen(): number {
    return this.entryCount;
  }

  push(chunk: Buffer, emit: (event: SplitterEvent) => void): void {
    let i = 0;
    const n = chunk.length;
    if (this.offset === 0 && n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    while (i < n) {
      if (this.inValue) {
        const start = i;
        i = this.consume(chunk, i);
        if (this.purpose !== "skip" && !this.overCap) this.capture(chunk.subarray(start, i));
        if (!this.inValue) this.finishValue(emit);
        continue;
      }
      const b = chunk[i]!;
      if (isSpace(b)) {
        i++;
        continue;
      }
      this.structural(b, this.offset + i);
      i++;
      if (this.inValue) {
        // The byte that opened the value is part of it: captured with what follows, in one piece.
        const start = i - 1;
        i = this.consume(chunk, i);
        if (this.purpose !== "skip" && !this.overCap) this.capture(chunk.subarray(start, i));
        if (!this.inValue) this.finishValue(emit);
      }
    }
    this.offset += n;
  }

  end(): void {
    if (this.inValue && this.scalar && this.level !== AFTER) {
      this.inValue = false;
      this.finishValue(() => undefined);
    }
    if (this.level === AFTER) return;
    if (this.level === BEFORE) throw new HarFormatError("BAD_JSON", "The file is empty: a HAR is a JSON object.");
    if (this.level === ENTRIES || (this.inValue && this.purpose === "entry")) {
      throw new HarFormatError(
        "TRUNCATED",
        `The capture is truncated: the file ends inside log.entries (after ${this.entryCount} complete entr${this.entryCount === 1 ? "y" : "ies"}).`,
      );
    }
    throw new HarFormatError("TRUNCATED", `The capture is truncated: the file ends at byte ${this.offset} before the HAR's closing brace.`);
  }

  // Consumes value bytes from `i`; returns where it stopped (end of chunk or just after the value).
  private consume(chunk: Buffer, i: number): number {
    const n = chunk.length;
    if (this.scalar) {
      while (i < n) {
        const b = chunk[i]!;
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) {
          this.inValue = false;
          return i;
        }
        i++;
      }
      return i;
    }
    while (i < n) {
      if (this.inString) {
        let segmentStart = i;
        if (this.escapePending) {
          this.escapePending = false;
          i++;
          segmentStart = i;
          if (i >= n) return i;
        }
        const q = chunk.indexOf(QUOTE, i);
        if (q < 0) {
          let k = n - 1;
          while (k >= segmentStart && chunk[k] === BACKSLASH) k--;
          this.escapePending = (n - 1 - k) % 2 === 1;
          return n;
        }
        let k = q - 1;
        while (k >= segmentStart && chunk[k] === BACKSLASH) k--;
        i = q + 1;
        if ((q - 1 - k) % 2 === 1) continue;
        this.inString = false;
        if (this.depth === 0) {
          this.inValue = false;
          return i;
        }
        continue;
      }
      const b = chunk[i]!;
      i++;
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          this.inValue = false;
          return i;
        }
      }
    }
    return i;
  }

  private capture(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const cap = this.purpose === "entry" ? this.limits.maxEntryBytes : this.purpose === "key" ? 4096 : this.limits.maxLogFieldBytes;
    this.captured += bytes.length;
    if (this.captured > cap) {
      if (this.purpose === "entry") {
        throw new HarFormatError(
          "TOO_LARGE",
          `Entry ${this.entryCount} of the capture is larger than ${Math.round(this.limits.maxEntryBytes / MIB)} MiB; the capture was not analysed.`,
        );
      }
      this.overCap = true;
      this.pieces = [];
      return;
    }
    this.pieces.push(bytes);
  }

  // Starts a value whose first byte `b` was just read at absolute offset `at`.
  private beginValue(b: number, purpose: Purpose, at: number): void {
    this.inValue = true;
    this.purpose = purpose;
    this.pieces = [];
    this.captured = 0;
    this.overCap = false;
    this.valueStart = at;
    this.inString = b === QUOTE;
    this.escapePending = false;
    this.scalar = !(b === QUOTE || b === OPEN_BRACE || b === OPEN_BRACKET);
    this.depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0;
    if (this.scalar && !/[-0-9tfn]/.test(String.fromCharCode(b))) {
      throw new HarFormatError("BAD_JSON", `The file is not valid JSON: unexpected ${describeByte(b)} at byte ${at}.`);
    }
    if (b === CLOSE_BRACE || b === CLOSE_BRACKET) throw new HarFormatError("BAD_JSON", `The file is not valid JSON: unexpected ${describeByte(b)} at byte ${at}.`);
  }

  private finishValue(emit: (event: SplitterEvent) => void): void {
    const bytes = this.overCap ? null : this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces);
    this.pieces = [];
    const purpose = this.purpose;
    if (purpose === "key") {
      let key: unknown = null;
      try {
        key = bytes ? JSON.parse(bytes.toString("utf8")) : null;
      } catch {
        throw new HarFormatError("BAD_JSON", `The file is not valid JSON: a broken object key at byte ${this.valueStart}.`);
      }
      this.key = typeof key === "string" ? key : null;
      this.expect = "colon";
      return;
    }
    this.expect = "comma";
    if (purpose === "entry") {
      emit({ kind: "entry", index: this.entryCount, bytes: bytes! });
      this.entryCount++;
    } else if (purpose === "log-field") {
      emit({ kind: "log-field", key: this.key ?? "", bytes: bytes ? Buffer.from(bytes) : null });
    }
  }

  // One significant byte outside any consumed value.
  private structural(b: number, at: number): void {
    switch (this.level) {
      case BEFORE:
        if (b !== OPEN_BRACE) {
          throw b === OPEN_BRACKET
            ? new HarFormatError("NOT_HAR", "This is not a HAR: the file is a JSON array, and a HAR is an object with a \"log\".")
            : new HarFormatError("BAD_JSON", `The file is not JSON: it starts with ${describeByte(b)} instead of "{".`);
        }
        this.enter(ROOT);
        return;
      case AFTER:
        throw new HarFormatError("BAD_JSON", `The file is not valid JSON: unexpected ${describeByte(b)} at byte ${at}, after the end of the HAR.`);
      case ENTRIES:
        return this.inArray(b, at);
      default:
        return this.inObject(b, at);
    }
  }

  private enter(level: number): void {
    this.level = level;
    this.first = true;
    this.expect = level === ENTRIES ? "value" : "key";
  }

  private inObject(b: number, at: number): void {
    if (this.expect === "key") {
      if (b === CLOSE_BRACE && this.first) return this.leaveObject(at);
      if (b !== QUOTE) throw this.unexpected(b, at, "an object key");
      this.first = false;
      this.beginValue(b, "key", at);
      return;
    }
    if (this.expect === "colon") {
      if (b !== COLON) throw this.unexpected(b, at, '":"');
      this.expect = "value";
      return;
    }
    if (this.expect === "comma") {
      if (b === COMMA) {
        this.expect = "key";
        return;
      }
      if (b === CLOSE_BRACE) return this.leaveObject(at);
      throw this.unexpected(b, at, '"," or "}"');
    }
    // A value in the root or in "log".
    if (this.level === ROOT && this.key === "log") {
      if (b !== OPEN_BRACE) throw new HarFormatError("NOT_HAR", 'This is not a HAR: "log" is not an object.');
      this.seenLog = true;
      this.enter(LOG);
      return;
    }
    if (this.level === LOG && this.key === "entries") {
      if (b !== OPEN_BRACKET) throw new HarFormatError("NOT_HAR", 'This is not a HAR: "log.entries" is not an array.');
      this.seenEntries = true;
      this.enter(ENTRIES);
      return;
    }
    this.beginValue(b, this.level === LOG ? "log-field" : "skip", at);
  }

  private leaveObject(at: number): void {
    if (this.level === LOG) {
      if (!this.seenEntries) throw new HarFormatError("NOT_HAR", 'This is not a HAR: "log" has no "entries".');
      this.level = ROOT;
      this.expect = "comma";
      this.first = false;
      return;
    }
    if (!this.seenLog) throw new HarFormatError("NOT_HAR", 'This is not a HAR: the JSON object has no "log".');
    void at;
    this.level = AFTER;
  }

  private inArray(b: number, at: number): void {
    if (this.expect === "comma") {
      if (b === COMMA) {
        this.expect = "value";
        return;
      }
      if (b === CLOSE_BRACKET) return this.leaveEntries();
      throw this.unexpected(b, at, '"," or "]" between entries');
    }
    if (b === CLOSE_BRACKET && this.first) return this.leaveEntries();
    if (b !== OPEN_BRACE) {
      throw b === CLOSE_BRACKET
        ? this.unexpected(b, at, "an entry")
        : new HarFormatError("NOT_HAR", `This is not a HAR: entry ${this.entryCount} of log.entries is not an object.`);
    }
    this.first = false;
    this.beginValue(b, "entry", at);
  }

  private leaveEntries(): void {
    this.level = LOG;
    this.expect = "comma";
    this.first = false;
  }

  private unexpected(b: number, at: number, wanted: string): HarFormatError {
    return new HarFormatError("BAD_JSON", `The file is not valid JSON: expected ${wanted} at byte ${at}, found ${describeByte(b)}.`);
  }
}

function describeByte(b: number): string {
  return b >= 0x20 && b < 0x7f ? `"${String.fromCharCode(b)}"` : `byte 0x${b.toString(16).padStart(2, "0")}`;
}
