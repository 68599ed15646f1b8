import { getHostname } from "tldts";
import { z } from "zod";
import { registrableDomain } from "@/lib/analyzer/domains";
import { KB_LAYERS, TRACKER_CATEGORIES, TRACKER_CATEGORY_LABELS, type KbLayer, type TrackerCategory } from "@/lib/analyzer/kb/tracker-domains";
import { COUNTRY_CODES } from "@/lib/schemas/allegation";
import { ZCalendarDate, ZText } from "@/lib/schemas/common";

export const KB_LAYER_LABELS: Record<KbLayer, string> = {
  OURS: "Ours",
  IMPORTED_CSV: "Imported CSV",
  EXODUS: "Exodus Privacy (ODbL)",
};

export const EXODUS_ATTRIBUTION =
  "Contains information from the Exodus Privacy tracker list (https://reports.exodus-privacy.eu.org/trackers/), made available under the Open Database License (ODbL) 1.0.";

// Upload caps: a KB file is small text, parsed while streaming within these bounds (see the README).
export const KB_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const KB_IMPORT_MAX_ROWS = 50_000;

export const KB_CSV_COLUMNS = ["domain", "organisation", "parent", "country", "category", "source", "checked_on"] as const;

const COUNTRY_SET = new Set(COUNTRY_CODES);
const DOMAIN_SHAPE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

// A host suffix the KB can hold: a registrable domain by the Public Suffix List (tldts) or a host
// below one. "https://Bugly.QQ.com/path" is read as bugly.qq.com; a public suffix alone (co.uk),
// an IP address or a name under no known suffix is refused.
export function normaliseKbDomain(value: string): string | null {
  let host = value.trim().toLowerCase();
  if (/[/:]/.test(host)) host = getHostname(host.includes("://") ? host : `http://${host}`) ?? "";
  host = host.replace(/\.$/, "");
  if (!DOMAIN_SHAPE.test(host) || !registrableDomain(host)) return null;
  return host;
}

export const ZKbDomain = z
  .string({ error: "Enter a domain such as umeng.com" })
  .max(300, "A domain is at most 253 characters")
  .transform((value, ctx) => {
    const domain = normaliseKbDomain(value);
    if (!domain) {
      ctx.addIssue({ code: "custom", message: "Enter a domain such as umeng.com or bugly.qq.com (not a public suffix alone or an IP address)" });
      return z.NEVER;
    }
    return domain;
  });

export const ZKbCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => COUNTRY_SET.has(c), "Use an ISO 3166 two-letter country code such as CN or US");

// "crash reporting", "Crash-Reporting" and "CRASH_REPORTING" are one category.
export function readTrackerCategory(value: string): TrackerCategory | null {
  const key = value.trim().toUpperCase().replace(/[\s-]+/g, "_");
  if ((TRACKER_CATEGORIES as readonly string[]).includes(key)) return key as TrackerCategory;
  const byLabel = Object.entries(TRACKER_CATEGORY_LABELS).find(([, label]) => label.toUpperCase() === value.trim().toUpperCase());
  return byLabel ? (byLabel[0] as TrackerCategory) : null;
}

const ZCategory = z.enum(TRACKER_CATEGORIES, { error: `Choose what the service does: ${TRACKER_CATEGORIES.join(", ")}` });

// The fields of one tracker fact, shared by the admin's global rows, a matter's override and each
// CSV row: every fact names its source; "checked on" is when a person confirmed it, or blank.
export const ZKbFactFields = {
  domain: ZKbDomain,
  organisation: ZText({ error: "Name the organisation" }).trim().min(2, "Name the organisation").max(200, "At most 200 characters"),
  parent: ZText().trim().max(200, "At most 200 characters").optional(),
  country: ZKbCountry.optional(),
  category: ZCategory,
  source: ZText({ error: "Name the source of this fact (a URL or a document)" })
    .trim()
    .min(3, "Name the source of this fact (a URL or a document)")
    .max(1000, "At most 1,000 characters"),
  checkedOn: ZCalendarDate.optional(),
};

// A global row of our own layer, added or corrected by an administrator.
export const ZSaveTrackerDomain = z.object(ZKbFactFields).strict();
export type TSaveTrackerDomain = z.infer<typeof ZSaveTrackerDomain>;

export const ZKbRowRef = z.object({ id: z.uuid("Unknown knowledge-base row") }).strict();

// One CSV row as the header names it; blank cells are absent.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const ZKbCsvRow = z
  .object({
    domain: z.preprocess(blank, ZKbDomain),
    organisation: z.preprocess(blank, ZKbFactFields.organisation),
    parent: z.preprocess(blank, ZKbFactFields.parent),
    country: z.preprocess(blank, ZKbFactFields.country),
    category: z.preprocess((v) => (typeof v === "string" ? (readTrackerCategory(v) ?? v) : v), ZCategory),
    source: z.preprocess(blank, ZKbFactFields.source),
    checked_on: z.preprocess(blank, ZCalendarDate.optional()),
  })
  .strip();
export type TKbCsvRow = z.infer<typeof ZKbCsvRow>;

// com.umeng, com.tencent.bugly: two or more Java package segments (a single segment such as "com"
// would name half the world's code).
export const JAVA_PREFIX = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$/i;

export const ZSaveSdkSignature = z
  .object({
    prefix: z
      .string({ error: "Enter a Java package prefix such as com.umeng" })
      .trim()
      .max(200, "At most 200 characters")
      .transform((s) => s.replace(/\.$/, ""))
      .pipe(z.string().regex(JAVA_PREFIX, "Enter a Java package prefix of two or more parts, such as com.umeng")),
    organisation: ZKbFactFields.organisation,
    sdk: ZText({ error: "Name the SDK" }).trim().min(2, "Name the SDK").max(200, "At most 200 characters"),
    category: ZCategory.optional(),
    source: ZKbFactFields.source,
  })
  .strict();
export type TSaveSdkSignature = z.infer<typeof ZSaveSdkSignature>;

export const ZKbListFilters = z
  .object({
    q: z.string().trim().max(200).optional(),
    layer: z.enum(KB_LAYERS).optional(),
  })
  .strip();

export const ZClearTrackerOverride = z.object({ domain: ZKbDomain }).strict();
