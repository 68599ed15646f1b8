import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classNameOf, readDex, readDexHeader, readUleb128 } from "./dex";
import { DexFormatError } from "./errors";
import { encodeMutf8, encodeUleb128, writeDex } from "./testing/dex-writer";

const sample = () =>
  writeDex({
    classes: ["com.umeng.analytics.MobclickAgent", "com.umeng.analytics.MobclickAgent$1", "com.example.app.MainActivity"],
    strings: ["https://alog.umeng.com/app_logs", "plain", "caf\u00e9", "snow \u2603", "emoji \u{1F600}", "nul\u0000inside", ""],
  });

describe("readDex", () => {
  it("reads the header, every string (MUTF-8) and the classes a file defines", () => {
    const dex = readDex(sample());
    expect(dex.header.version).toBe("035");
    expect(dex.strings).toEqual(
      expect.arrayContaining(["https://alog.umeng.com/app_logs", "plain", "caf\u00e9", "snow \u2603", "emoji \u{1F600}", "nul\u0000inside", "", "Lcom/umeng/analytics/MobclickAgent;"]),
    );
    // The given strings, the three class descriptors and java.lang.Object, which every class extends.
    expect(dex.strings).toHaveLength(11);
    expect(dex.definedClasses.sort()).toEqual(["com.example.app.MainActivity", "com.umeng.analytics.MobclickAgent", "com.umeng.analytics.MobclickAgent$1"]);
  });

  it("accepts the later format versions and an empty file", () => {
    expect(readDex(writeDex({ classes: ["a.B"], version: "039" })).header.version).toBe("039");
    const empty = readDex(writeDex({ classes: [] }));
    expect(empty).toMatchObject({ strings: [], definedClasses: [] });
  });

  it("maps type descriptors to class names, and nothing else", () => {
    expect(classNameOf("Lcom/umeng/analytics/MobclickAgent;")).toBe("com.umeng.analytics.MobclickAgent");
    expect(classNameOf("LFoo;")).toBe("Foo");
    expect(classNameOf("[Lcom/umeng/Foo;")).toBeNull();
    expect(classNameOf("I")).toBeNull();
    expect(classNameOf("L;")).toBeNull();
    expect(classNameOf("Lcom/umeng/Foo")).toBeNull();
  });

  it("reads ULEB128 values and refuses ones that run off the end or past 32 bits", () => {
    for (const value of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31, 2 ** 32 - 1]) {
      const bytes = encodeUleb128(value);
      expect(readUleb128(bytes, 0, bytes.length)).toEqual({ value, next: bytes.length });
    }
    expect(readUleb128(Buffer.from([0x80, 0x80]), 0, 2)).toBeNull();
    expect(readUleb128(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f]), 0, 5)).toBeNull();
    expect(readUleb128(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), 0, 6)).toBeNull();
  });

  it("encodes NUL and supplementary characters the MUTF-8 way", () => {
    expect([...encodeMutf8("\u0000")]).toEqual([0xc0, 0x80]);
    expect(encodeMutf8("\u{1F600}")).toHaveLength(6);
  });
});

describe("readDex on corrupt files", () => {
  const corrupt = (edit: (b: Buffer) => Buffer | void) => {
    const bytes = sample();
    return edit(bytes) ?? bytes;
  };
  const fails = (bytes: Buffer, reason: RegExp) => {
    expect(() => readDex(bytes, "classes2.dex")).toThrow(DexFormatError);
    expect(() => readDex(bytes, "classes2.dex")).toThrow(reason);
  };

  it("refuses a file shorter than the header, or one cut short of its declared size", () => {
    fails(sample().subarray(0, 50), /classes2\.dex is not a valid DEX file: .*shorter than the 112-byte header/);
    const whole = sample();
    fails(whole.subarray(0, whole.length - 10), /truncated: the header declares \d+ bytes, the file has \d+/);
  });

  it("refuses a wrong magic number or byte order", () => {
    fails(corrupt((b) => void b.write("zip\n", 0, "latin1")), /magic number/);
    fails(writeDex({ classes: ["a.B"], version: "041" }), /DEX version 041 is not supported \(035 to 040 are\)/);
    fails(corrupt((b) => void b.writeUInt32LE(0x78563412, 40)), /big-endian/);
    fails(corrupt((b) => void b.writeUInt32LE(0xdeadbeef, 40)), /endian tag/);
  });

  it("refuses tables that lie outside the file", () => {
    fails(corrupt((b) => void b.writeUInt32LE(b.length + 4, 60)), /string_ids .* lies outside the file/);
    fails(corrupt((b) => void b.writeUInt32LE(0x7fffffff, 56)), /string_ids .* lies outside the file/);
    fails(corrupt((b) => void b.writeUInt32LE(0xffffffff, 96)), /class_defs .* lies outside the file/);
    fails(corrupt((b) => void b.writeUInt32LE(0x10000, 64)), /type_ids .* lies outside the file|more than the format's 65,535/);
  });

  it("refuses a string, type or class index that points outside its table", () => {
    fails(corrupt((b) => void b.writeUInt32LE(b.length + 100, 0x70)), /string 0 points at offset \d+, outside the file/);
    const typeIdsOff = (b: Buffer) => b.readUInt32LE(68);
    fails(corrupt((b) => void b.writeUInt32LE(9999, typeIdsOff(b))), /type 0 names string 9999, beyond the 11 strings/);
    const classDefsOff = (b: Buffer) => b.readUInt32LE(100);
    fails(corrupt((b) => void b.writeUInt32LE(77, classDefsOff(b))), /class 0 names type 77, beyond the 4 types/);
  });

  it("refuses malformed string data: no terminating NUL, a wrong length, invalid MUTF-8", () => {
    // A file that ends (as its header declares) inside its last string, before the NUL.
    const whole = sample();
    const count = whole.readUInt32LE(56);
    const offsets = Array.from({ length: count }, (_, i) => whole.readUInt32LE(whole.readUInt32LE(60) + i * 4));
    const last = Math.max(...offsets);
    const cut = Buffer.from(whole.subarray(0, last + 3));
    cut.writeUInt32LE(cut.length, 32);
    fails(cut, new RegExp(`string ${offsets.indexOf(last)} at offset ${last} is malformed`));
    const firstString = (b: Buffer) => b.readUInt32LE(b.readUInt32LE(60));
    // The first (sorted) string is "": its length byte says 5.
    fails(corrupt((b) => void (b[firstString(b)] = 5)), /string 0 at offset \d+ is malformed/);
    const cafe = readDex(sample()).strings.indexOf("caf\u00e9");
    const cafeAt = (b: Buffer) => b.readUInt32LE(b.readUInt32LE(60) + cafe * 4);
    fails(corrupt((b) => void (b[cafeAt(b) + 4] = 0xf0)), new RegExp(`string ${cafe} at offset \\d+ is malformed`));
  });

  it("refuses strings that share or overlap their data, and more strings than it reads", () => {
    const firstTwo = (b: Buffer) => [b.readUInt32LE(60), b.readUInt32LE(60) + 4] as const;
    fails(corrupt((b) => void b.writeUInt32LE(b.readUInt32LE(firstTwo(b)[1]), firstTwo(b)[0])), /string \d+ at offset \d+ overlaps the string before it/);
    fails(corrupt((b) => void b.writeUInt32LE(b.readUInt32LE(firstTwo(b)[1]) + 1, firstTwo(b)[0])), /string \d+ at offset \d+ overlaps the string before it|is malformed/);
    // 2^22 + 1 string ids that fit in the file (all pointing at one string) are refused before any is read.
    const many = Buffer.alloc(0x70 + ((1 << 22) + 1) * 4 + 8);
    writeDex({ classes: [] }).subarray(0, 0x70).copy(many);
    many.writeUInt32LE(many.length, 32);
    many.writeUInt32LE((1 << 22) + 1, 56);
    many.writeUInt32LE(0x70, 60);
    fails(many, /lists 4194305 strings, more than the 4194304 read from one file/);
  });

  it("refuses a class defined with an array type", () => {
    const bytes = writeDex({ classes: ["a.B"], strings: ["[La/B;"] });
    const dex = readDex(bytes);
    const arrayString = dex.strings.indexOf("[La/B;");
    bytes.writeUInt32LE(arrayString, bytes.readUInt32LE(68));
    fails(bytes, /class 0 is defined with the non-class type \[La\/B;/);
  });

  it("fails only with a DexFormatError, whatever bytes are changed", () => {
    const original = sample();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(original.length), (edits, cut) => {
        const bytes = Buffer.from(original.subarray(0, Math.max(cut, original.length - 64)));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        try {
          readDex(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DexFormatError);
          expect((error as Error).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads the header alone", () => {
    expect(readDexHeader(sample())).toMatchObject({ stringIdsSize: 11, typeIdsSize: 4, classDefsSize: 3 });
  });
});
