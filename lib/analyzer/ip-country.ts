import fs from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { Reader, type Response } from "mmdb-lib";

// The database's own record shape (ip-location-db writes a bare country code), not MaxMind's.
type CountryRecord = Response & { country_code?: string };

// Offline IP → country: the registration country of the address block (RIR whois, geofeeds and
// ASN data merged by ip-location-db, CC0 package over NRO data under CC BY 4.0, attributed in
// the README). It says where the block is registered, not where the server stands, and it is
// separate from the KB's organisation country; the UI says so. Never MaxMind GeoLite.
const DATABASE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  "node_modules/@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb",
);

export type IpCountryLookup = { country: (ip: string) => string | null; source: string };

let loaded: IpCountryLookup | null | undefined;

// Null when the database package is missing (the analysis then records no server country).
export function ipCountryLookup(): IpCountryLookup | null {
  if (loaded !== undefined) return loaded;
  try {
    const reader = new Reader<CountryRecord>(fs.readFileSync(DATABASE));
    const built = reader.metadata.buildEpoch.toISOString().slice(0, 10);
    loaded = {
      source: `ip-location-db geo-whois-asn-country (built ${built})`,
      country: (ip) => {
        const clean = ip.replace(/^\[|\]$/g, "");
        if (!isIP(clean)) return null;
        try {
          const code = reader.get(clean)?.country_code;
          return code && /^[A-Z]{2}$/.test(code) ? code : null;
        } catch {
          return null;
        }
      },
    };
  } catch {
    loaded = null;
  }
  return loaded;
}
