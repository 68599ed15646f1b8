import { z } from "zod";
import { ALLEGATION_KINDS, FLAG_SEVERITIES } from "@/lib/schemas/allegation";
import { CLAIM_STATUSES } from "@/lib/schemas/claim";
import { LINK_RELATIONS } from "@/lib/schemas/evidence";
import { CONFIDENTIALITIES, EXHIBIT_KINDS, PRIVILEGES } from "@/lib/schemas/exhibit";

// Response schemas of the JSON API (/api/v1): what integrations may rely on. Each answer is built
// through its schema's parse, so a change to an answer's shape is a change here, made on purpose.

export const ZApiError = z
  .object({
    error: z
      .object({
        code: z.enum([
          "BAD_REQUEST",
          "UNAUTHENTICATED",
          "FORBIDDEN",
          "TWO_FACTOR_REQUIRED",
          "NOT_FOUND",
          "VALIDATION",
          "CONFLICT",
          "RATE_LIMITED",
          "PAYLOAD_TOO_LARGE",
          "UNSUPPORTED_MEDIA_TYPE",
          "INTERNAL",
        ]),
        message: z.string(),
        fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      })
      .strict(),
  })
  .strict();
export type TApiError = z.infer<typeof ZApiError>;

// POST /api/v1/matters/:matterId/exhibits — 201 new, 200 the same bytes were already an exhibit.
export const ZExhibitUploaded = z
  .object({
    exhibit: z.object({ id: z.uuid(), label: z.string(), title: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    duplicate: z.boolean(),
  })
  .strict();
export type TExhibitUploaded = z.infer<typeof ZExhibitUploaded>;

// POST /api/v1/claims/:matterSlug — 201 filed, 200 the idempotency key was already used.
export const ZClaimFiled = z.object({ number: z.string(), created: z.boolean() }).strict();
export type TClaimFiled = z.infer<typeof ZClaimFiled>;

// POST /api/v1/claims/:matterSlug/uploads — a document stored for a claim not yet filed.
export const ZClaimUploadReceipt = z
  .object({ uploadToken: z.string(), filename: z.string(), size: z.number().int(), mediaType: z.string(), expiresAt: z.iso.datetime() })
  .strict();

// GET /api/v1/matters — the caller's matters (a token: those it was made for).
export const ZMatterList = z
  .object({
    matters: z.array(
      z.object({ id: z.uuid(), caption: z.string(), shortName: z.string(), court: z.string(), docketNumber: z.string(), role: z.enum(["ATTORNEY", "PARALEGAL"]) }).strict(),
    ),
  })
  .strict();

// GET /api/v1/matters/:matterId/allegations — one page in complaint order, and where the next starts.
export const ZAllegationPage = z
  .object({
    allegations: z.array(
      z
        .object({
          id: z.uuid(),
          paragraph: z.string().describe("The ¶ label as the complaint prints it (37, 37a)."),
          kind: z.enum(["GENERAL", "DATA_TRANSFER", "SDK_EMBEDDED", "ACCOUNT_CREATION", "BIOMETRIC"]),
          text: z.string(),
          status: z.enum(["SUPPORTED", "PARTIAL", "UNSUPPORTED", "CONTRADICTED"]).describe("Derived from the evidence links, never typed in."),
          supports: z.number().int(),
          contradicts: z.number().int(),
          flagged: z.boolean(),
          destinationHost: z.string().nullable(),
          recipientOrg: z.string().nullable(),
          destinationCountry: z.string().nullable(),
        })
        .strict(),
    ),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
  })
  .strict();

const SUPPORT_STATUSES = ["SUPPORTED", "PARTIAL", "UNSUPPORTED", "CONTRADICTED"] as const;
const nextCursor = z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page.");
const isoDate = z.string().describe("YYYY-MM-DD");
const isoTime = z.string().describe("ISO 8601 date and time (UTC)");
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

// GET /api/v1/matters/:matterId/exhibits — one page in exhibit-number order. Privileged exhibits
// are listed for the whole team, marked by `privilege`, as on the Exhibits page.
export const ZExhibitPage = z
  .object({
    exhibits: z.array(
      z
        .object({
          id: z.uuid(),
          label: z.string().describe("The exhibit number as cited (PX-0012)."),
          title: z.string(),
          kind: z.enum(EXHIBIT_KINDS),
          originalFilename: z.string(),
          size: z.number().int().describe("Bytes of the original."),
          confidentiality: z.enum(CONFIDENTIALITIES),
          privilege: z.enum(PRIVILEGES),
          extractionStatus: z.string(),
          bates: z.string().nullable().describe("The Bates range, or null when not produced."),
          pageCount: z.number().int().nullable(),
          linkCount: z.number().int().describe("Evidence links to allegations (removed ones not counted)."),
          createdAt: isoTime,
          match: z
            .object({ page: z.number().int(), unit: z.enum(["page", "sheet", "slide", "part"]), snippet: z.string().describe("Matched words between \u0001 and \u0002.") })
            .strict()
            .nullable()
            .describe("With q: the best-ranked place the words were found; else null."),
        })
        .strict(),
    ),
    nextCursor,
  })
  .strict();
export type TExhibitPage = z.infer<typeof ZExhibitPage>;

// GET /api/v1/matters/:matterId/exhibits/:exhibitId — the recorded metadata and the original's hash.
export const ZExhibitDetail = z
  .object({
    exhibit: z
      .object({
        id: z.uuid(),
        label: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        kind: z.enum(EXHIBIT_KINDS),
        originalFilename: z.string(),
        mediaType: z.string(),
        size: z.number().int(),
        sha256: sha256.describe("SHA-256 of the original bytes, re-verified on every download."),
        source: z.string().nullable(),
        custodian: z.string().nullable(),
        obtainedAt: isoDate.nullable(),
        collectedBy: z.string().nullable(),
        documentDate: isoDate.nullable(),
        confidentiality: z.enum(CONFIDENTIALITIES),
        privilege: z.enum(PRIVILEGES),
        privilegeBasis: z.string().nullable(),
        batesStart: z.number().int().nullable(),
        batesEnd: z.number().int().nullable(),
        pageCount: z.number().int().nullable(),
        extractionStatus: z.string(),
        parentExhibitId: z.uuid().nullable(),
        duplicateOfExhibitId: z.uuid().nullable(),
        createdAt: isoTime,
        updatedAt: isoTime,
      })
      .strict(),
  })
  .strict();

const ZEvidenceLinkOut = z
  .object({
    id: z.uuid(),
    allegationId: z.uuid(),
    exhibit: z.object({ id: z.uuid(), label: z.string(), title: z.string(), privilege: z.enum(PRIVILEGES) }).strict(),
    relation: z.enum(LINK_RELATIONS),
    pinCite: z.string().nullable(),
    excerpt: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: isoTime,
    removedAt: isoTime.nullable().describe("Unlinked links are kept (struck through in the ledger) and no longer count."),
    removalReason: z.string().nullable(),
  })
  .strict();

// GET /api/v1/matters/:matterId/allegations/:allegationId/links — the links behind the status.
export const ZEvidenceLinkList = z
  .object({
    allegation: z.object({ id: z.uuid(), paragraph: z.string(), status: z.enum(SUPPORT_STATUSES) }).strict(),
    links: z.array(ZEvidenceLinkOut),
  })
  .strict();

// POST /api/v1/matters/:matterId/allegations/:allegationId/links — 201 with the link.
export const ZEvidenceLinkCreated = z.object({ link: ZEvidenceLinkOut }).strict();

// GET /api/v1/matters/:matterId/gaps — the gap report: every allegation not proven, a page at a
// time in complaint order, with the totals of the whole report.
export const ZGapReport = z
  .object({
    generatedAt: isoTime,
    totals: z
      .object({
        gaps: z.number().int().describe("Allegations not proven, on every page together."),
        byStatus: z
          .object({ UNSUPPORTED: z.number().int(), CONTRADICTED: z.number().int(), PARTIAL: z.number().int(), SUPPORTED: z.number().int() })
          .strict()
          .describe("The gaps by derived status; they add up to gaps. SUPPORTED counts allegations that are gaps for a person's flag alone."),
        flagged: z.number().int().describe("Gaps a person flagged, whatever their status."),
      })
      .strict(),
    gaps: z.array(
      z
        .object({
          id: z.uuid(),
          paragraph: z.number().int(),
          paragraphLabel: z.string().describe("The ¶ as the complaint prints it (37, 37a, 37.1)."),
          kind: z.enum(ALLEGATION_KINDS),
          text: z.string(),
          status: z.enum(SUPPORT_STATUSES),
          flag: z.object({ severity: z.enum(FLAG_SEVERITIES), reason: z.string().nullable() }).strict().nullable(),
          destinationHost: z.string().nullable(),
          destinationCountry: z.string().nullable(),
          elements: z.array(z.string()).describe("Count.element numbers the allegation serves (2.1)."),
          openRequests: z.array(z.object({ description: z.string(), assignee: z.string().nullable(), dueOn: isoDate.nullable(), overdue: z.boolean() }).strict()),
        })
        .strict(),
    ),
    nextCursor,
  })
  .strict();

// GET /api/v1/matters/:matterId/claims — one page, oldest first; the claimant's name, e-mail and
// state as the review queue shows them to the team.
export const ZClaimPage = z
  .object({
    claims: z.array(
      z
        .object({
          id: z.uuid(),
          number: z.string(),
          status: z.enum(CLAIM_STATUSES),
          name: z.string(),
          email: z.string(),
          state: z.string(),
          subclass: z.string().nullable(),
          fraudScore: z.number().int(),
          signals: z.number().int(),
          recommendation: z.string().nullable(),
          filedAt: isoTime,
          deficientAt: isoTime.nullable(),
          deficiencyDueOn: isoDate.nullable(),
        })
        .strict(),
    ),
    nextCursor,
  })
  .strict();

// POST /api/v1/matters/:matterId/claims/:claimId/decision — the claim after the decision.
export const ZClaimDecided = z.object({ claim: z.object({ id: z.uuid(), number: z.string(), status: z.enum(CLAIM_STATUSES) }).strict() }).strict();
