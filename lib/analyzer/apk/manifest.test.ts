import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAxml, type AxmlElement } from "./axml";
import { ManifestFormatError } from "./errors";
import { ATTR, readManifest } from "./manifest";
import { AAPT_MANIFEST_BASE64 } from "./testing/aapt-manifest";
import { writeAxml, writeManifest } from "./testing/axml-writer";

const demo = {
  package: "com.example.tiktoklike",
  versionName: "30.1.4",
  versionCode: 300104,
  minSdk: 21,
  targetSdk: 34,
  permissions: ["android.permission.READ_PHONE_STATE", "android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA", "android.permission.RECORD_AUDIO"],
};

describe("readManifest", () => {
  it.each([true, false])("reads package, version, SDK levels and permissions (UTF-8 string pool: %s)", (utf8) => {
    expect(readManifest(writeManifest(demo, { utf8 }))).toEqual(demo);
  });

  it("reads a manifest compiled by Android's aapt (UTF-16 string pool)", () => {
    expect(readManifest(Buffer.from(AAPT_MANIFEST_BASE64, "base64"))).toEqual({
      package: "com.example.aaptbuilt",
      versionName: "4.2-beta \u00e9",
      versionCode: 42,
      minSdk: 19,
      targetSdk: 29,
      permissions: ["android.permission.READ_PHONE_STATE", "android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA"],
    });
  });

  it("reports absent facts as null and lists each permission once, in manifest order", () => {
    const bytes = writeManifest({ package: "a.b", permissions: ["android.permission.INTERNET", "android.permission.CAMERA", "android.permission.INTERNET"] });
    expect(readManifest(bytes)).toEqual({ package: "a.b", versionName: null, versionCode: null, minSdk: null, targetSdk: null, permissions: ["android.permission.INTERNET", "android.permission.CAMERA"] });
  });

  it("finds attributes by resource id when aapt has obfuscated their names", () => {
    const bytes = writeAxml({
      name: "manifest",
      attributes: [
        { name: "package", value: "com.obfuscated" },
        { name: "a1", android: true, value: 7, resourceId: ATTR.versionCode },
        { name: "a2", android: true, value: "7.0", resourceId: ATTR.versionName },
      ],
      children: [
        { name: "uses-sdk", attributes: [{ name: "a3", android: true, value: 24, resourceId: ATTR.minSdkVersion }] },
        { name: "uses-permission-sdk-23", attributes: [{ name: "a4", android: true, value: "android.permission.CAMERA", resourceId: ATTR.name }] },
        // A permission element nested deeper (inside <application>) is not a uses-permission of the package.
        { name: "application", children: [{ name: "uses-permission", attributes: [{ name: "name", android: true, value: "x.NOT_MINE" }] }] },
      ],
    });
    expect(readManifest(bytes)).toEqual({ package: "com.obfuscated", versionName: "7.0", versionCode: 7, minSdk: 24, targetSdk: null, permissions: ["android.permission.CAMERA"] });
  });

  it("leaves a resource reference unresolved and a codename SDK unnumbered, rather than guess", () => {
    const bytes = writeAxml({
      name: "manifest",
      attributes: [
        { name: "package", value: "a.b" },
        { name: "versionName", android: true, value: { reference: 0x7f0e0001 } },
      ],
      children: [
        {
          name: "uses-sdk",
          attributes: [
            { name: "minSdkVersion", android: true, value: "VanillaIceCream" },
            { name: "targetSdkVersion", android: true, value: "35" },
          ],
        },
      ],
    });
    expect(readManifest(bytes)).toMatchObject({ versionName: null, minSdk: null, targetSdk: 35 });
  });

  it("reads a large version code as unsigned", () => {
    expect(readManifest(writeManifest({ package: "a.b", versionCode: 0xfffffffe })).versionCode).toBe(0xfffffffe);
  });

  it("walks elements with their depth", () => {
    const seen: Pick<AxmlElement, "name" | "depth">[] = [];
    readAxml(writeManifest(demo), (e) => seen.push({ name: e.name, depth: e.depth }));
    expect(seen[0]).toEqual({ name: "manifest", depth: 1 });
    expect(seen.filter((e) => e.depth === 2).map((e) => e.name)).toEqual(["uses-sdk", ...demo.permissions.map(() => "uses-permission"), "application"]);
  });
});

describe("readManifest on malformed input", () => {
  const fails = (bytes: Uint8Array, reason: RegExp) => {
    expect(() => readManifest(bytes)).toThrow(ManifestFormatError);
    expect(() => readManifest(bytes)).toThrow(reason);
  };

  it("refuses text XML and other files", () => {
    fails(Buffer.from('<?xml version="1.0"?><manifest package="a.b"/>'), /is text XML, not the compiled form a built APK carries/);
    fails(Buffer.from("PK\x03\x04 not xml at all"), /the first chunk has type 0x4b50, not XML/);
    fails(Buffer.alloc(3), /shorter than a chunk header/);
  });

  it("refuses a chunk that declares a size of 0 (which makes a naive reader loop forever)", () => {
    const bytes = Buffer.alloc(16);
    bytes.writeUInt16LE(3, 0);
    bytes.writeUInt16LE(8, 2);
    bytes.writeUInt32LE(16, 4);
    bytes.writeUInt16LE(0, 8);
    bytes.writeUInt16LE(8, 10);
    bytes.writeUInt32LE(0, 12);
    fails(bytes, /the chunk at offset 8 declares sizes outside the document/);
  });

  it("refuses a truncated document", () => {
    const bytes = writeManifest(demo);
    fails(bytes.subarray(0, bytes.length - 30), /truncated: the document declares \d+ bytes, the entry has \d+/);
  });

  it("refuses a string index beyond the pool", () => {
    const bytes = writeManifest({ package: "a.b" });
    // The root element's name index sits 20 bytes into its chunk (8 header + line + comment + ns).
    const start = bytes.indexOf(Buffer.from([0x02, 0x01, 0x10, 0x00]));
    bytes.writeUInt32LE(4242, start + 20);
    fails(bytes, /string index 4242 is beyond the \d+ strings/);
  });

  it("refuses a string pool whose strings overlap (many offsets into one long string)", () => {
    // String 0 is 120 bytes made of twenty 6-byte strings "abc" (3, 3, a, b, c, NUL); strings 1–20
    // point inside it. Each decodes, but together they decode more bytes than the pool holds.
    const inner = Buffer.from([3, 3, 0x61, 0x62, 0x63, 0]);
    const data = Buffer.concat([Buffer.from([120, 120]), Buffer.concat(Array.from({ length: 20 }, () => inner)), Buffer.from([0, 0])]);
    const offsets = [0, ...Array.from({ length: 20 }, (_, j) => 2 + j * 6)];
    const header = Buffer.alloc(28);
    header.writeUInt16LE(1, 0);
    header.writeUInt16LE(28, 2);
    header.writeUInt32LE(28 + offsets.length * 4 + data.length, 4);
    header.writeUInt32LE(offsets.length, 8);
    header.writeUInt32LE(0x100, 16);
    header.writeUInt32LE(28 + offsets.length * 4, 20);
    const offsetBytes = Buffer.alloc(offsets.length * 4);
    offsets.forEach((o, i) => offsetBytes.writeUInt32LE(o, i * 4));
    const pool = Buffer.concat([header, offsetBytes, data]);
    const doc = Buffer.alloc(8);
    doc.writeUInt16LE(3, 0);
    doc.writeUInt16LE(8, 2);
    doc.writeUInt32LE(8 + pool.length, 4);
    fails(Buffer.concat([doc, pool]), /the strings of the string pool overlap/);
  });

  it("refuses a document whose root is not <manifest>, or that has no elements", () => {
    fails(writeAxml({ name: "resources" }), /its root element is <resources>, not <manifest>/);
    const onlyHeader = Buffer.alloc(8);
    onlyHeader.writeUInt16LE(3, 0);
    onlyHeader.writeUInt16LE(8, 2);
    onlyHeader.writeUInt32LE(8, 4);
    fails(onlyHeader, /it has no elements/);
  });

  it("fails only with a ManifestFormatError, whatever bytes are changed", () => {
    const original = writeManifest(demo);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = Buffer.from(original);
        for (const [at, value] of edits) bytes[at] = value;
        try {
          readManifest(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ManifestFormatError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
