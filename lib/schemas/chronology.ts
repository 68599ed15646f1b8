import { z } from "zod";
import { DATE_PRECISIONS, parseFactDate } from "@/lib/chronology/dates";
import { ZCalendarDate, ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const CHRONOLOGY_SOURCE_KINDS = ["EXHIBIT", "ALLEGATION", "CAPTURE", "CLAIMS"] as const;
export type ChronologySourceKindValue = (typeof CHRONOLOGY_SOURCE_KINDS)[number];
export const CHRONOLOGY_SOURCE_LABELS: Record<ChronologySourceKindValue, string> = {
  EXHIBIT: "Exhibit",
  ALLEGATION: "Allegation",
  CAPTURE: "Network capture",
  CLAIMS: "Claims administration",
};

// What "Add to chronology" on an exhibit proposes: the day it was obtained, or the date the
// document bears (for an e-mail, the sent date from its headers).
export const EXHIBIT_DATE_KINDS = ["obtained", "document"] as const;

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

// Free-text tags typed as "a, b, c": trimmed, de-duplicated, each short.
const ZTags = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",") : asArray(v)),
  z
    .array(ZText().trim().max(40, "Each tag must be at most 40 characters"))
    .transform((tags) => [...new Set(tags.filter(Boolean))])
    .pipe(z.array(z.string()).max(20, "At most 20 tags")),
);

const ZFactFields = z.object({
  precision: z.enum(DATE_PRECISIONS, { error: "Choose how precisely the date is known" }),
  start: ZText({ error: "Enter the date" }).trim().min(1, "Enter the date"),
  end: ZText().trim().optional(),
  description: ZText({ error: "Describe the fact" }).trim().min(1, "Describe the fact").max(2000, "At most 2,000 characters"),
  tags: ZTags.optional(),
  elementIds: z.preprocess(asArray, z.array(z.uuid("Unknown element")).max(200, "Too many elements")),
  disputed: checkbox,
  disputedBy: ZOptionalText(200, "Disputed by"),
  disputeReason: ZOptionalText(2000, "Why it is disputed"),
  // One exhibit at a page, and/or one allegation; a capture's requests come from "Build from captures".
  sourceExhibitId: z.uuid("Unknown exhibit").optional(),
  sourcePage: z.coerce.number({ error: "Enter a page number" }).int("Enter a whole page number").min(1, "Pages start at 1").max(100_000, "Page number too large").optional(),
  sourceAllegationId: z.uuid("Unknown allegation").optional(),
});

export type FactDates = { startDate: Date; endDate: Date | null };

function withDates<T extends z.infer<typeof ZFactFields>>(value: T, ctx: z.RefinementCtx): (T & FactDates) {
  const start = parseFactDate(value.start, value.precision);
  if ("error" in start) {
    ctx.addIssue({ code: "custom", path: ["start"], message: start.error });
    return z.NEVER;
  }
  let endDate: Date | null = null;
  if (value.end) {
    const end = parseFactDate(value.end, value.precision);
    if ("error" in end) {
      ctx.addIssue({ code: "custom", path: ["end"], message: end.error });
      return z.NEVER;
    }
    if (end.date < start.date) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "The end is before the start" });
      return z.NEVER;
    }
    endDate = end.date;
  }
  if (value.sourcePage !== undefined && !value.sourceExhibitId) {
    ctx.addIssue({ code: "custom", path: ["sourcePage"], message: "Choose the exhibit the page is in" });
    return z.NEVER;
  }
  if (!value.disputed && (value.disputedBy || value.disputeReason)) {
    ctx.addIssue({ code: "custom", path: ["disputed"], message: "Tick “Disputed” to record who disputes it and why" });
    return z.NEVER;
  }
  return { ...value, startDate: start.date, endDate };
}

export const ZCreateFact = ZFactFields.extend({ submissionKey: ZSubmissionKey }).strict().transform(withDates);
export type TCreateFact = z.output<typeof ZCreateFact>;
export const ZUpdateFact = ZFactFields.strict().transform(withDates);
export type TUpdateFact = z.output<typeof ZUpdateFact>;

export const ZDeleteFact = z.object({ reason: ZText({ error: "Say why the fact is deleted" }).trim().min(3, "Say why the fact is deleted").max(500, "At most 500 characters") }).strict();

export const ZAddExhibitDate = z.object({ dateKind: z.enum(EXHIBIT_DATE_KINDS, { error: "Choose which date" }) }).strict();

// The chronology's filters live in the URL; a malformed value is dropped (parseSearchParams).
export const CHRONOLOGY_SOURCE_FILTERS = [...CHRONOLOGY_SOURCE_KINDS, "NONE"] as const;
export const ZChronologyQuery = z.object({
  from: ZCalendarDate.optional(),
  to: ZCalendarDate.optional(),
  source: z.enum(CHRONOLOGY_SOURCE_FILTERS).optional(),
  tag: ZText().trim().max(40).optional(),
  // "count:<uuid>" or "element:<uuid>", as the ledger's filter.
  element: z.string().regex(/^(count|element):[0-9a-f-]{36}$/i).optional(),
  disputed: z.enum(["yes", "no"]).optional(),
  unsupported: z.enum(["yes"]).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});
export type TChronologyQuery = z.infer<typeof ZChronologyQuery>;

// Export: the same filters, and an attorney's choice to include facts proven only by privileged exhibits.
export const ZChronologyExport = ZChronologyQuery.extend({ includePrivileged: z.enum(["1"]).optional() }).strict();
