import { z } from "zod";
import { ZCalendarDate, ZOptionalText, ZText } from "@/lib/schemas/common";
import { MAX_QUERY_LENGTH, parseSearchQuery, QuerySyntaxError } from "@/lib/search/boolean-query";

export const EXHIBIT_KINDS = [
  "DOCUMENT",
  "EMAIL",
  "IMAGE",
  "SPREADSHEET",
  "TEXT",
  "NETWORK_CAPTURE",
  "APP_PACKAGE",
  "ARCHIVE",
  "OTHER",
] as const;
export const EXHIBIT_KIND_LABELS: Record<(typeof EXHIBIT_KINDS)[number], string> = {
  DOCUMENT: "Document",
  EMAIL: "E-mail",
  IMAGE: "Image",
  SPREADSHEET: "Spreadsheet",
  TEXT: "Text",
  NETWORK_CAPTURE: "Network capture",
  APP_PACKAGE: "App package",
  ARCHIVE: "Archive",
  OTHER: "Other",
};

export const CONFIDENTIALITIES = ["PUBLIC", "CONFIDENTIAL", "AEO"] as const;
export const CONFIDENTIALITY_LABELS: Record<(typeof CONFIDENTIALITIES)[number], string> = {
  PUBLIC: "Public",
  CONFIDENTIAL: "Confidential",
  AEO: "Highly confidential – AEO",
};

export const PRIVILEGES = ["NONE", "ATTORNEY_CLIENT", "WORK_PRODUCT"] as const;
export const PRIVILEGE_LABELS: Record<(typeof PRIVILEGES)[number], string> = {
  NONE: "Not privileged",
  ATTORNEY_CLIENT: "Attorney–client",
  WORK_PRODUCT: "Work product",
};

export const EXTRACTION_LABELS = {
  QUEUED: "Queued",
  RUNNING: "Extracting",
  DONE: "Text extracted",
  FAILED: "Failed",
  NOT_APPLICABLE: "No text",
} as const;

export const ZSha256 = ZText().regex(/^[0-9a-f]{64}$/i, "A SHA-256 is 64 hexadecimal characters").transform((s) => s.toLowerCase());

// What the uploader says about a new exhibit before it is numbered (upload-and-link, bulk intake
// load files): a real title instead of the file name, and the custody facts a certification
// states. A fact left blank stays blank; nothing is filled in by guessing.
export const ZNewExhibitMetadata = z
  .object({
    title: ZText({ error: "Enter a title" }).trim().min(1, "Enter a title").max(300, "Title must be at most 300 characters"),
    source: ZOptionalText(500, "Source"),
    custodian: ZOptionalText(200, "Custodian"),
    obtainedAt: ZCalendarDate.optional(),
    collectedBy: ZOptionalText(200, "Collected by"),
  })
  .strict();
export type TNewExhibitMetadata = z.infer<typeof ZNewExhibitMetadata>;

// The link dialog's exhibit finder: an exhibit number (PX-0012, 12), words of a title, or words
// of the extracted text.
export const ZFindLinkableExhibits = z
  .object({
    q: ZText().trim().max(200, "Search must be at most 200 characters").optional(),
  })
  .strict();

// Descriptive metadata: paralegals and attorneys both edit it.
export const ZUpdateExhibitMetadata = z
  .object({
    title: ZText({ error: "Enter a title" }).trim().min(1, "Enter a title").max(300, "Title must be at most 300 characters"),
    description: ZOptionalText(10_000, "Description"),
    kind: z.enum(EXHIBIT_KINDS, { error: "Choose a kind" }),
    source: ZOptionalText(500, "Source"),
    custodian: ZOptionalText(200, "Custodian"),
    collectedBy: ZOptionalText(200, "Collected by"),
    obtainedAt: ZCalendarDate.optional(),
    documentDate: ZCalendarDate.optional(),
    author: ZOptionalText(500, "Author"),
    recipients: ZOptionalText(2000, "Recipients"),
    cc: ZOptionalText(2000, "Cc"),
    subject: ZOptionalText(1000, "Subject"),
    expectedUpdatedAt: z.iso.datetime({ error: "Missing version: reload the page" }),
  })
  .strict();
export type TUpdateExhibitMetadata = z.infer<typeof ZUpdateExhibitMetadata>;

// Designations have legal effect: attorneys only, and the reason goes into the audit.
export const ZDesignateExhibit = z
  .object({
    confidentiality: z.enum(CONFIDENTIALITIES, { error: "Choose a confidentiality level" }),
    privilege: z.enum(PRIVILEGES, { error: "Choose a privilege" }),
    privilegeBasis: ZOptionalText(2000, "Privilege basis"),
    reason: ZText({ error: "Give the reason for the change" }).trim().min(3, "Give the reason for the change").max(2000, "Reason must be at most 2,000 characters"),
    expectedUpdatedAt: z.iso.datetime({ error: "Missing version: reload the page" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.privilege !== "NONE" && !v.privilegeBasis) {
      ctx.addIssue({ code: "custom", path: ["privilegeBasis"], message: "State the basis for the privilege claim" });
    }
  });
export type TDesignateExhibit = z.infer<typeof ZDesignateExhibit>;

export const LINK_FILTERS = ["linked", "unlinked"] as const;
export const DESIGNATION_FILTERS = ["PUBLIC", "CONFIDENTIAL", "AEO", "PRIVILEGED", "NOT_PRIVILEGED"] as const;

// An issue a filter or a tag names: a count, an element of a count, or a free tag (tag.ts).
export const ISSUE_REF = /^(count|element|tag):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ZIssueRef = ZText().trim().regex(ISSUE_REF, "Unknown issue");

export const ZExhibitFilters = z
  .object({
    // The search syntax (lib/search/boolean-query.ts); a malformed query is refused here with the
    // parser's own words ("Unbalanced quote in search…").
    q: ZText()
      .trim()
      .max(MAX_QUERY_LENGTH, `Search must be at most ${MAX_QUERY_LENGTH} characters`)
      .superRefine((q, ctx) => {
        try {
          parseSearchQuery(q);
        } catch (error) {
          if (!(error instanceof QuerySyntaxError)) throw error;
          ctx.addIssue({ code: "custom", message: error.message });
        }
      })
      .optional(),
    tag: ZIssueRef.optional(),
    kind: z.enum(EXHIBIT_KINDS, { error: "Unknown kind" }).optional(),
    designation: z.enum(DESIGNATION_FILTERS, { error: "Unknown designation" }).optional(),
    from: ZCalendarDate.optional(),
    to: ZCalendarDate.optional(),
    link: z.enum(LINK_FILTERS, { error: "Choose linked or unlinked" }).optional(),
  })
  .strict();
export type TExhibitFilters = z.infer<typeof ZExhibitFilters>;

export const ZCreateProduction = z
  .object({
    name: ZText({ error: "Name the production" }).trim().min(1, "Name the production").max(200, "Name must be at most 200 characters"),
    exhibitIds: z.array(z.uuid("Unknown exhibit"), { error: "Choose at least one exhibit" }).min(1, "Choose at least one exhibit").max(5000),
    privilegeOverrideReason: ZOptionalText(2000, "Override reason"),
    // The production log: who receives it (opposing counsel, a vendor) and the volume name the
    // load files carry. Blank means not recorded; the volume then defaults to VOL001, VOL002…
    producedTo: ZOptionalText(300, "Produced to"),
    volume: ZOptionalText(32, "Volume").refine((v) => !v || /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(v), "Volume: letters, digits, - and _ only (it names files in the load files)"),
    // An image production: every page also rendered at 300 DPI into IMAGES/ (JPG, or TIFF: Group
    // IV for black-and-white pages, JPEG for colour ones) and listed page by page in the OPT.
    images: z.enum(["NONE", "JPG", "TIFF"], { error: "Page images: choose none, JPG or TIFF" }).optional(),
    submissionKey: z.uuid("Missing form key: reload the page and try again"),
  })
  .strict();
export type TCreateProduction = z.infer<typeof ZCreateProduction>;

export const REDACTION_REASONS = ["PRIVILEGE", "PII", "CONFIDENTIALITY"] as const;
export const REDACTION_REASON_LABELS: Record<(typeof REDACTION_REASONS)[number], string> = {
  PRIVILEGE: "Privilege",
  PII: "Personal information",
  CONFIDENTIALITY: "Confidentiality",
};

const ZRedactionReason = z.enum(REDACTION_REASONS, { error: "Choose a reason: privilege, personal information or confidentiality" });
const ZCoordinate = z.number({ error: "A region's position must be a number" }).finite().min(-100_000).max(100_000);

// A rectangle an attorney drew on a page, in PDF user-space units (points, origin bottom left).
export const ZRedactionRegion = z
  .object({
    page: z.number({ error: "A region needs its page" }).int().min(1, "Pages start at 1").max(100_000),
    x: ZCoordinate,
    y: ZCoordinate,
    width: z.number().finite().min(1, "A region must be at least 1 point wide").max(100_000),
    height: z.number().finite().min(1, "A region must be at least 1 point high").max(100_000),
    reason: ZRedactionReason,
  })
  .strict();
export type TRedactionRegion = z.infer<typeof ZRedactionRegion>;

export const ZRedactionTerm = z
  .object({
    text: ZText({ error: "Give the text to redact" }).trim().min(3, "A term must be at least 3 characters").max(200, "A term must be at most 200 characters"),
    reason: ZRedactionReason,
  })
  .strict();

// A redaction request: search terms (each removed wherever it appears in the PDF) and regions
// (every glyph inside removed), each with its reason. The job makes and verifies the copy.
export const ZRedactExhibit = z
  .object({
    terms: z.array(ZRedactionTerm, { error: "Give the terms as a list" }).max(50, "At most 50 terms at a time"),
    regions: z.array(ZRedactionRegion, { error: "Give the regions as a list" }).max(200, "At most 200 regions at a time").default([]),
    submissionKey: z.uuid("Missing form key: reload the page and try again"),
  })
  .strict()
  .refine((v) => v.terms.length + v.regions.length > 0, { path: ["terms"], message: "Give at least one term to redact, or draw a region on a page" });
export type TRedactExhibit = z.infer<typeof ZRedactExhibit>;

// Where the exhibit viewer opens (?page=7&q=umeng): the page a search hit or pin cite names and
// the words to mark. A link is often hand-edited or stale, so a bad value opens the first page
// unmarked instead of refusing the exhibit; a page past the end opens the last.
export const ZExhibitViewerTarget = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  q: ZText().trim().max(500).optional().catch(undefined),
});
export type TExhibitViewerTarget = z.infer<typeof ZExhibitViewerTarget>;
