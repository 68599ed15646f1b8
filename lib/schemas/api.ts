import { z } from "zod";

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
