import { readAxml, TYPE_INT_BOOLEAN, TYPE_INT_DEC, TYPE_INT_HEX, TYPE_STRING, type AxmlAttribute } from "./axml";
import { ManifestFormatError } from "./errors";

export const ANDROID_NS = "http://schemas.android.com/apk/res/android";

// android.R.attr ids: aapt2 can strip or obfuscate attribute names, the ids stay.
export const ATTR = {
  name: 0x01010003,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  minSdkVersion: 0x0101020c,
  targetSdkVersion: 0x01010270,
} as const;

export type ManifestFacts = {
  package: string | null;
  versionName: string | null;
  versionCode: number | null;
  minSdk: number | null;
  targetSdk: number | null;
  permissions: string[];
};

const PERMISSION_ELEMENTS = new Set(["uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m"]);

function androidAttribute(attributes: AxmlAttribute[], name: keyof typeof ATTR): AxmlAttribute | undefined {
  return attributes.find((a) => a.resourceId === ATTR[name]) ?? attributes.find((a) => a.resourceId === null && a.name === name && (a.namespace === ANDROID_NS || a.namespace === null));
}

// A value that points into resources.arsc (@string/version) is not resolved: null, not a guess.
function stringValue(attribute: AxmlAttribute | undefined): string | null {
  if (!attribute) return null;
  if (attribute.dataType === TYPE_STRING) return attribute.rawValue;
  if (attribute.dataType === TYPE_INT_DEC) return String(attribute.data | 0);
  if (attribute.dataType === TYPE_INT_HEX) return `0x${attribute.data.toString(16)}`;
  if (attribute.dataType === TYPE_INT_BOOLEAN) return attribute.data !== 0 ? "true" : "false";
  return null;
}

function intValue(attribute: AxmlAttribute | undefined, unsigned = false): number | null {
  if (!attribute) return null;
  if (attribute.dataType === TYPE_INT_DEC || attribute.dataType === TYPE_INT_HEX) return unsigned ? attribute.data >>> 0 : attribute.data | 0;
  // A preview SDK is written as a codename ("VanillaIceCream"): not a number.
  if (attribute.dataType === TYPE_STRING && attribute.rawValue !== null && /^\d{1,9}$/.test(attribute.rawValue)) return Number(attribute.rawValue);
  return null;
}

export function readManifest(bytes: Uint8Array, label = "AndroidManifest.xml"): ManifestFacts {
  const facts: ManifestFacts = { package: null, versionName: null, versionCode: null, minSdk: null, targetSdk: null, permissions: [] };
  const permissions = new Set<string>();
  let root: string | null = null;
  readAxml(
    bytes,
    (element) => {
      if (element.depth === 1) {
        root = element.name;
        if (element.name !== "manifest") return;
        const pkg = element.attributes.find((a) => a.name === "package" && a.namespace === null);
        facts.package = pkg && pkg.dataType === TYPE_STRING ? pkg.rawValue : null;
        facts.versionCode = intValue(androidAttribute(element.attributes, "versionCode"), true);
        facts.versionName = stringValue(androidAttribute(element.attributes, "versionName"));
        return;
      }
      if (element.depth !== 2 || root !== "manifest") return;
      if (element.name === "uses-sdk") {
        facts.minSdk = intValue(androidAttribute(element.attributes, "minSdkVersion"));
        facts.targetSdk = intValue(androidAttribute(element.attributes, "targetSdkVersion"));
      } else if (PERMISSION_ELEMENTS.has(element.name)) {
        const name = stringValue(androidAttribute(element.attributes, "name"));
        if (name) permissions.add(name);
      }
    },
    label,
  );
  if (root !== "manifest") throw new ManifestFormatError(`${label} is not an Android manifest: its root element is <${root}>, not <manifest>.`);
  facts.permissions = [...permissions];
  return facts;
}
