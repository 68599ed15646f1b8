import { ANDROID_NS, ATTR } from "../manifest";

// Builds binary XML (the compiled AndroidManifest.xml form) for tests, the demo APK and the bench:
// the chunk layout aapt2 writes (string pool, resource map, namespace, element chunks), small enough to check by eye.

export type AxmlValue = string | number | boolean | { reference: number };
export type AxmlNodeAttribute = { name: string; android?: boolean; value: AxmlValue; resourceId?: number | null };
export type AxmlNode = { name: string; attributes?: AxmlNodeAttribute[]; children?: AxmlNode[] };

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const chunk = (type: number, headerSize: number, body: Buffer[]) => {
  const content = Buffer.concat(body);
  return Buffer.concat([u16(type), u16(headerSize), u32(8 + content.length), content]);
};
const pad4 = (b: Buffer) => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]));

function encodeString(text: string, utf8: boolean): Buffer {
  if (utf8) {
    const bytes = Buffer.from(text, "utf8");
    const len = (n: number) => (n < 0x80 ? Buffer.from([n]) : Buffer.from([0x80 | (n >> 8), n & 0xff]));
    return Buffer.concat([len(text.length), len(bytes.length), bytes, Buffer.from([0])]);
  }
  const units = Buffer.from(text, "utf16le");
  const count = units.length / 2;
  const len = count < 0x8000 ? u16(count) : Buffer.concat([u16(0x8000 | (count >> 16)), u16(count & 0xffff)]);
  return Buffer.concat([len, units, u16(0)]);
}

export function writeAxml(root: AxmlNode, options: { utf8?: boolean } = {}): Buffer {
  const utf8 = options.utf8 ?? true;
  // Attribute names with a resource id come first: the resource map is indexed by string index.
  const idOf = (a: AxmlNodeAttribute) => (a.resourceId !== undefined ? a.resourceId : a.android ? (ATTR[a.name as keyof typeof ATTR] ?? null) : null);
  const withIds: { name: string; id: number }[] = [];
  const visit = (node: AxmlNode, fn: (node: AxmlNode) => void) => {
    fn(node);
    for (const child of node.children ?? []) visit(child, fn);
  };
  visit(root, (node) => {
    for (const a of node.attributes ?? []) {
      const id = idOf(a);
      if (id !== null && !withIds.some((w) => w.name === a.name)) withIds.push({ name: a.name, id });
    }
  });
  const strings: string[] = withIds.map((w) => w.name);
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) {
      strings.push(s);
      i = strings.length - 1;
    }
    return i;
  };
  const body: Buffer[] = [];
  const nsUri = index(ANDROID_NS);
  const nsPrefix = index("android");
  const element = (node: AxmlNode) => {
    const attrs = (node.attributes ?? []).map((a) => {
      const ns = a.android ? nsUri : 0xffffffff;
      const name = index(a.name);
      let raw = 0xffffffff;
      let type: number;
      let data: number;
      if (typeof a.value === "string") {
        raw = index(a.value);
        type = 0x03;
        data = raw;
      } else if (typeof a.value === "number") {
        type = 0x10;
        data = a.value;
      } else if (typeof a.value === "boolean") {
        type = 0x12;
        data = a.value ? 0xffffffff : 0;
      } else {
        type = 0x01;
        data = a.value.reference;
      }
      return Buffer.concat([u32(ns), u32(name), u32(raw), u16(8), Buffer.from([0, type]), u32(data)]);
    });
    const nameIdx = index(node.name);
    body.push(
      chunk(0x0102, 16, [u32(1), u32(0xffffffff), u32(0xffffffff), u32(nameIdx), u16(20), u16(20), u16(attrs.length), u16(0), u16(0), u16(0), ...attrs]),
    );
    for (const child of node.children ?? []) element(child);
    body.push(chunk(0x0103, 16, [u32(1), u32(0xffffffff), u32(0xffffffff), u32(nameIdx)]));
  };
  const namespaceChunk = (type: number) => chunk(type, 16, [u32(1), u32(0xffffffff), u32(nsPrefix), u32(nsUri)]);
  element(root);
  const elements = [namespaceChunk(0x0100), ...body, namespaceChunk(0x0101)];

  const encoded = strings.map((s) => encodeString(s, utf8));
  const offsets: Buffer[] = [];
  let at = 0;
  for (const e of encoded) {
    offsets.push(u32(at));
    at += e.length;
  }
  const pool = chunk(0x0001, 28, [u32(strings.length), u32(0), u32(utf8 ? 0x100 : 0), u32(28 + strings.length * 4), u32(0), ...offsets, pad4(Buffer.concat(encoded))]);
  const resourceMap = chunk(0x0180, 8, withIds.map((w) => u32(w.id)));
  return chunk(0x0003, 8, [pool, resourceMap, ...elements]);
}

export type ManifestSpec = {
  package: string;
  versionName?: string;
  versionCode?: number;
  minSdk?: number;
  targetSdk?: number;
  permissions?: string[];
};

export function writeManifest(spec: ManifestSpec, options: { utf8?: boolean } = {}): Buffer {
  const attributes: AxmlNodeAttribute[] = [];
  if (spec.versionCode !== undefined) attributes.push({ name: "versionCode", android: true, value: spec.versionCode });
  if (spec.versionName !== undefined) attributes.push({ name: "versionName", android: true, value: spec.versionName });
  attributes.push({ name: "package", value: spec.package });
  const children: AxmlNode[] = [];
  if (spec.minSdk !== undefined || spec.targetSdk !== undefined) {
    const sdk: AxmlNodeAttribute[] = [];
    if (spec.minSdk !== undefined) sdk.push({ name: "minSdkVersion", android: true, value: spec.minSdk });
    if (spec.targetSdk !== undefined) sdk.push({ name: "targetSdkVersion", android: true, value: spec.targetSdk });
    children.push({ name: "uses-sdk", attributes: sdk });
  }
  for (const permission of spec.permissions ?? []) children.push({ name: "uses-permission", attributes: [{ name: "name", android: true, value: permission }] });
  children.push({ name: "application", attributes: [{ name: "label", android: true, value: "Demo", resourceId: 0x01010001 }] });
  return writeAxml({ name: "manifest", attributes, children }, options);
}
