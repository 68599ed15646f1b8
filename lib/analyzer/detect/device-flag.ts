import type { DeviceProfile } from "@/lib/analyzer/detect/known-values";

const KEYS: Record<string, keyof DeviceProfile> = {
  imei: "imei",
  android_id: "androidId",
  adid: "advertisingId",
  advertising_id: "advertisingId",
  mac: "mac",
  phone: "phone",
  email: "email",
  lat: "latitude",
  lng: "longitude",
};

// `imei=…,android_id=…,mac=…,adid=…` (the CLI's --device) → a test device profile.
export function parseDeviceFlag(text: string): DeviceProfile {
  const profile: DeviceProfile = {};
  for (const item of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf("=");
    const key = eq < 0 ? item : item.slice(0, eq).trim().toLowerCase();
    const value = eq < 0 ? "" : item.slice(eq + 1).trim();
    const field = KEYS[key];
    if (!field) throw new Error(`--device: unknown key "${key}" (use ${Object.keys(KEYS).join(", ")})`);
    if (!value) throw new Error(`--device: ${key} has no value`);
    if (field === "latitude" || field === "longitude") {
      const n = Number(value);
      if (!Number.isFinite(n) || Math.abs(n) > (field === "latitude" ? 90 : 180)) throw new Error(`--device: ${key} is not a coordinate`);
      profile[field] = n;
    } else {
      profile[field] = value;
    }
  }
  return profile;
}
