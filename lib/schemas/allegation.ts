import { z } from "zod";
import { SDK_PREFIX_PATTERN } from "@/lib/analyzer/suggest-sdk";
import { ZCalendarDate, ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const ALLEGATION_KINDS = ["GENERAL", "DATA_TRANSFER", "SDK_EMBEDDED", "ACCOUNT_CREATION", "BIOMETRIC"] as const;
export type AllegationKindValue = (typeof ALLEGATION_KINDS)[number];
export const ALLEGATION_KIND_LABELS: Record<AllegationKindValue, string> = {
  GENERAL: "General",
  DATA_TRANSFER: "Data transfer",
  SDK_EMBEDDED: "SDK embedded",
  ACCOUNT_CREATION: "Account creation",
  BIOMETRIC: "Biometric",
};

export const DATA_CATEGORIES = [
  "DEVICE_IDENTIFIERS",
  "HARDWARE_INFO",
  "BROWSING_HISTORY",
  "LOCATION",
  "CONTACTS",
  "BIOMETRIC_FACE",
  "BIOMETRIC_VOICE",
  "VIDEO_CONTENT",
  "CLIPBOARD",
  "ACCOUNT_IDENTIFIERS",
] as const;
export type DataCategoryValue = (typeof DATA_CATEGORIES)[number];
export const DATA_CATEGORY_LABELS: Record<DataCategoryValue, string> = {
  DEVICE_IDENTIFIERS: "Device identifiers",
  HARDWARE_INFO: "Hardware info",
  BROWSING_HISTORY: "Browsing history",
  LOCATION: "Location",
  CONTACTS: "Contacts",
  BIOMETRIC_FACE: "Biometric (face)",
  BIOMETRIC_VOICE: "Biometric (voice)",
  VIDEO_CONTENT: "Video content",
  CLIPBOARD: "Clipboard",
  ACCOUNT_IDENTIFIERS: "Account identifiers",
};

export const APP_PLATFORMS = ["ANDROID", "IOS", "WEB", "UNKNOWN"] as const;
export const APP_PLATFORM_LABELS: Record<(typeof APP_PLATFORMS)[number], string> = {
  ANDROID: "Android",
  IOS: "iOS",
  WEB: "Web",
  UNKNOWN: "Unknown",
};

// ISO 3166-1 alpha-2, officially assigned codes.
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");
const COUNTRY_SET = new Set(COUNTRY_CODES);

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region" });
export function countryName(code: string): string {
  return REGION_NAMES.of(code) ?? code;
}

// A single checked box arrives from FormData as a string, several as an array.
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const ZDataTransferFields = z.object({
  dataCategories: z.preprocess(
    asArray,
    z.array(z.enum(DATA_CATEGORIES, { error: "Unknown data category" }), { error: "Choose the data categories" }).max(DATA_CATEGORIES.length),
  ),
  destinationHost: z
    .string()
    .trim()
    .toLowerCase()
    .max(253, "Host must be at most 253 characters")
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, "Enter a host name such as umeng.com (no scheme or path)")
    .optional(),
  recipientOrg: ZOptionalText(200, "Recipient organisation"),
  destinationCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => COUNTRY_SET.has(c), "Use an ISO 3166 two-letter country code such as CN or US")
    .optional(),
  sdk: ZOptionalText(200, "SDK"),
  observedFrom: ZCalendarDate.optional(),
  observedTo: ZCalendarDate.optional(),
  appPlatform: z.enum(APP_PLATFORMS, { error: "Choose the app platform" }).optional(),
  appVersion: ZOptionalText(50, "App version"),
});

// SDK_EMBEDDED: the SDK package prefixes the ¶ names ("com.baidu, com.igexin"), typed in one box
// (commas or spaces between them) or sent as a list.
const ZSdkPrefixes = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v),
  // Checked as a whole so a bad prefix is reported on the field itself, not on "sdkPrefixes.1".
  z
    .array(z.string(), { error: "Use Java package prefixes such as com.baidu, separated by commas" })
    .max(20, "At most 20 SDK prefixes")
    .refine((prefixes) => prefixes.every((p) => p.length <= 200 && SDK_PREFIX_PATTERN.test(p)), "Use Java package prefixes such as com.baidu, separated by commas"),
);

const ZAllegationFields = z
  .object({
    paragraph: z.coerce
      .number({ error: "Enter the complaint paragraph number" })
      .int("The paragraph number must be a whole number")
      .min(1, "The paragraph number must be 1 or more")
      .max(100_000, "The paragraph number must be at most 100,000"),
    text: ZText({ error: "Enter the allegation's text" }).trim().min(1, "Enter the allegation's text").max(10_000, "Text must be at most 10,000 characters"),
    kind: z.enum(ALLEGATION_KINDS, { error: "Choose the kind of allegation" }),
    elementIds: z.preprocess(asArray, z.array(z.uuid("Unknown element")).max(200, "Too many elements")),
    sdkPrefixes: ZSdkPrefixes.optional(),
  })
  .extend(ZDataTransferFields.shape);

const DT_KEYS = ["destinationHost", "recipientOrg", "destinationCountry", "sdk", "observedFrom", "observedTo", "appPlatform", "appVersion"] as const;

type Fields = z.infer<typeof ZAllegationFields>;

function checkDetail(v: Fields, ctx: z.RefinementCtx) {
  if (v.kind !== "SDK_EMBEDDED" && v.sdkPrefixes?.length) {
    ctx.addIssue({ code: "custom", path: ["sdkPrefixes"], message: "Only SDK-embedded allegations name SDK prefixes: choose “SDK embedded” or clear them" });
  }
  if (v.kind === "DATA_TRANSFER") {
    if (!v.destinationHost) ctx.addIssue({ code: "custom", path: ["destinationHost"], message: "A data transfer needs the destination host" });
    if (v.dataCategories.length === 0) ctx.addIssue({ code: "custom", path: ["dataCategories"], message: "Choose at least one data category" });
    if (v.observedFrom && v.observedTo && v.observedTo < v.observedFrom) {
      ctx.addIssue({ code: "custom", path: ["observedTo"], message: "“Observed to” must be on or after “observed from”" });
    }
    const today = new Date().toISOString().slice(0, 10);
    if (v.observedFrom && v.observedFrom > today) ctx.addIssue({ code: "custom", path: ["observedFrom"], message: "Observed dates cannot be in the future" });
  } else {
    // Nothing is silently dropped: transfer detail on another kind is a mistake to point out.
    const stray = DT_KEYS.some((k) => v[k] !== undefined) || v.dataCategories.length > 0;
    if (stray) ctx.addIssue({ code: "custom", path: ["kind"], message: "Only data-transfer allegations carry transfer detail: choose “Data transfer” or clear the transfer fields" });
  }
}

// An issue at the root means the input is not a form at all (a string, an array): nothing to check.
const PARSED = {
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((i) => !i.path?.length || ["kind", "observedFrom", "observedTo", "dataCategories", "sdkPrefixes"].includes(String(i.path[0]))),
};

export const ZCreateAllegation = ZAllegationFields.extend({ submissionKey: ZSubmissionKey }).strict().superRefine(checkDetail, PARSED);
export type TCreateAllegation = z.infer<typeof ZCreateAllegation>;

export const ZUpdateAllegation = ZAllegationFields.extend({
  expectedUpdatedAt: z.iso.datetime({ error: "Missing version: reload the page" }),
})
  .strict()
  .superRefine(checkDetail, PARSED);
export type TUpdateAllegation = z.infer<typeof ZUpdateAllegation>;

export const FLAG_SEVERITIES = ["UNSUPPORTED", "WEAK"] as const;
export const FLAG_LABELS: Record<(typeof FLAG_SEVERITIES)[number], string> = {
  UNSUPPORTED: "Unsupported",
  WEAK: "Weak support",
};

export const ZFlagAllegation = z
  .object({
    severity: z.enum(FLAG_SEVERITIES, { error: "Choose unsupported or weak" }),
    reason: ZText({ error: "Say why you flag it" }).trim().min(3, "Say why you flag it").max(2000, "Reason must be at most 2,000 characters"),
  })
  .strict();

export const ZClearFlag = z
  .object({
    reason: ZText({ error: "Say why the flag is cleared" }).trim().min(3, "Say why the flag is cleared").max(2000, "Reason must be at most 2,000 characters"),
  })
  .strict();
