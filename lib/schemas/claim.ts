import { z } from "zod";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { US_STATE_CODES, type UsStateCode } from "@/lib/us-states";
import { ZCalendarDate, ZSubmissionKey, ZText } from "@/lib/schemas/common";
import type { TClaimFormDefinition } from "@/lib/schemas/claim-form";

export const CLAIM_STATUSES = ["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED", "APPROVED", "REJECTED", "DUPLICATE", "WITHDRAWN"] as const;
export type TClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<TClaimStatus, string> = {
  SUBMITTED: "Submitted",
  VERIFIED: "Email verified",
  DEFICIENT: "Needs your answer",
  DEFICIENCY_ANSWERED: "Deficiency answered — needs review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  DUPLICATE: "Duplicate",
  WITHDRAWN: "Withdrawn",
};

// The first digit of a ZIP code fixes a group of states; a mismatch is almost always a typo.
const ZIP_FIRST_DIGIT: Record<string, readonly UsStateCode[]> = {
  "0": ["CT", "MA", "ME", "NH", "NJ", "NY", "PR", "RI", "VT", "VI"],
  "1": ["DE", "NY", "PA"],
  "2": ["DC", "MD", "NC", "SC", "VA", "WV"],
  "3": ["AL", "FL", "GA", "MS", "TN"],
  "4": ["IN", "KY", "MI", "OH"],
  "5": ["IA", "MN", "MT", "ND", "SD", "WI"],
  "6": ["IL", "KS", "MO", "NE"],
  "7": ["AR", "LA", "OK", "TX"],
  "8": ["AZ", "CO", "ID", "NM", "NV", "UT", "WY"],
  "9": ["AK", "AS", "CA", "GU", "HI", "MP", "OR", "WA"],
};

export function zipMatchesState(zip: string, state: string): boolean {
  return (ZIP_FIRST_DIGIT[zip[0] ?? ""] ?? []).includes(state as UsStateCode);
}

const text = (label: string, max: number) =>
  ZText({ error: `Enter your ${label}` }).trim().min(1, `Enter your ${label}`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} characters`);
const optionalText = (label: string, max: number) => ZText().trim().max(max, `${label} must be at most ${max} characters`).optional();

// Identity, contact and address fields, shared by the claim form and a deficiency answer.
export const CLAIMANT_FIELDS = {
  fullName: text("full name", 200),
  dateOfBirth: z
    .string({ error: "Enter your date of birth" })
    .pipe(ZCalendarDate)
    .refine((s) => s >= "1900-01-01" && s <= new Date().toISOString().slice(0, 10), "Date of birth must be a past date after 1900"),
  guardianName: optionalText("Parent or guardian name", 200),
  email: z.email("Enter an email address, like name@example.com").max(254).transform((s) => s.toLowerCase()),
  phone: z
    .string()
    .trim()
    .regex(/^[+()\d\s.-]{7,25}$/, "Enter a phone number with digits only, like 415-555-0100")
    .optional(),
  addressLine1: text("street address", 200),
  addressLine2: optionalText("Apartment, suite or unit", 200),
  city: text("city", 100),
  state: z.enum(US_STATE_CODES, { error: "Choose your state or territory" }),
  zip: ZText({ error: "Enter your ZIP code" }).trim().regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code, like 60601"),
};
export type ClaimantFieldName = keyof typeof CLAIMANT_FIELDS;

export const CLAIMANT_FIELD_LABELS: Record<ClaimantFieldName, string> = {
  fullName: "Full name",
  dateOfBirth: "Date of birth",
  guardianName: "Parent or guardian name",
  email: "Email",
  phone: "Phone",
  addressLine1: "Street address",
  addressLine2: "Apartment, suite or unit",
  city: "City",
  state: "State",
  zip: "ZIP code",
};

export const questionField = (id: string) => `q_${id}`;

function ageOn(dob: string, day: string): number {
  const [y1, m1, d1] = dob.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = day.split("-").map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

// Built from the matter's form definition, so the eligibility questions are the matter's own.
// Documents sent with the first filing: uploaded first (POST /api/v1/claims/:slug/uploads), then
// named here by the upload's token; a form resumed from a saved draft names the draft's uploads
// by id. A form sends one value or several under the same name.
export const MAX_CLAIM_DOCUMENTS = 5;
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(item));
export const ZUploadToken = ZText().regex(/^[A-Za-z0-9_-]{43}$/, "A document you attached could not be found: attach it again");
export const ZClaimDocuments = {
  documents: oneOrMany(ZUploadToken).optional(),
  draftDocuments: oneOrMany(z.uuid("A document you attached could not be found: attach it again")).optional(),
  // The saved form this filing completes (deleted once the claim is filed).
  draftToken: ZText().regex(/^[A-Za-z0-9_-]{43}$/, "This saved form's link is not valid: open the link from the e-mail again").optional(),
};

export function buildClaimSubmissionSchema(def: TClaimFormDefinition) {
  const questionShape: Record<string, z.ZodType> = {};
  for (const q of def.questions) {
    const key = questionField(q.id);
    if (q.kind === "yesno") {
      const answer = z.enum(["yes", "no"], { error: `Answer “${q.label}”` });
      // A criterion left blank is a question not yet answered, not a failed criterion: it must be
      // answered before the form can say anything about eligibility.
      questionShape[key] = q.required || q.eligibility ? answer : answer.optional();
    } else {
      const answer = ZText().trim().max(q.maxLength, `At most ${q.maxLength} characters`);
      questionShape[key] = q.required ? answer.min(1, `Answer “${q.label}”`) : answer.optional();
    }
  }
  const paymentValues = def.paymentOptions.map((p) => p.value) as [string, ...string[]];
  return z
    .object({
      submissionKey: ZSubmissionKey,
      filingFor: z.enum(["SELF", "MINOR"], { error: "Say whether you file for yourself or for a minor" }),
      ...CLAIMANT_FIELDS,
      ...questionShape,
      noticeId: ZText().trim().max(40, "Notice ID must be at most 40 characters").optional(),
      confirmationCode: ZText().trim().max(40, "Confirmation code must be at most 40 characters").optional(),
      paymentPreference: z.enum(paymentValues, { error: "Choose how you want to be paid" }),
      attestationName: text("full name as your signature", 200),
      attestationAgree: z.literal("on", { error: "Tick the box to swear the statement is true" }),
      submitAnyway: z.literal("on").optional(),
      ...ZClaimDocuments,
    })
    .strict()
    .superRefine((v, ctx) => {
      if ((v.documents?.length ?? 0) + (v.draftDocuments?.length ?? 0) > MAX_CLAIM_DOCUMENTS) {
        ctx.addIssue({ code: "custom", path: ["documents"], message: `Attach at most ${MAX_CLAIM_DOCUMENTS} documents` });
      }
      const today = new Date().toISOString().slice(0, 10);
      if (v.filingFor === "MINOR") {
        if (!v.guardianName) ctx.addIssue({ code: "custom", path: ["guardianName"], message: "Enter the name of the parent or guardian filing" });
        if (v.dateOfBirth && ageOn(v.dateOfBirth, today) >= 18) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "A claim filed for a minor needs a date of birth less than 18 years ago" });
      }
      if (v.zip && v.state && !zipMatchesState(v.zip, v.state)) {
        ctx.addIssue({ code: "custom", path: ["zip"], message: `ZIP code ${v.zip} is not in ${v.state}: check both` });
      }
      const signer = v.filingFor === "MINOR" ? v.guardianName : v.fullName;
      if (signer && v.attestationName && signer.trim().toLowerCase().replace(/\s+/g, " ") !== v.attestationName.trim().toLowerCase().replace(/\s+/g, " ")) {
        ctx.addIssue({
          code: "custom",
          path: ["attestationName"],
          message: v.filingFor === "MINOR" ? "Type the parent or guardian's name exactly as entered above" : "Type your full name exactly as entered above",
        });
      }
      if (v.noticeId && !v.confirmationCode) ctx.addIssue({ code: "custom", path: ["confirmationCode"], message: "Enter the confirmation code printed beside your notice ID" });
    });
}
export type TClaimSubmission = z.output<ReturnType<typeof buildClaimSubmissionSchema>>;

export const DEFICIENCY_FIELDS = [...(Object.keys(CLAIMANT_FIELD_LABELS) as ClaimantFieldName[]).filter((f) => f !== "email"), "document"] as const;
export type TDeficiencyField = (typeof DEFICIENCY_FIELDS)[number];
// A document answering a deficiency: checked in the browser before sending, and again by the server.
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const DEFICIENCY_FIELD_LABELS: Record<TDeficiencyField, string> = { ...CLAIMANT_FIELD_LABELS, document: "Supporting document" };

export const ZMarkDeficient = z
  .object({
    fields: z.array(z.enum(DEFICIENCY_FIELDS), { error: "Choose the fields the member must correct" }).min(1, "Choose at least one field to correct"),
    notice: ZText({ error: "Write the notice" }).trim().min(10, "Write the notice the member will read (at least 10 characters)").max(4000, "Notice must be at most 4,000 characters"),
    dueOn: ZText({ error: "Choose the response deadline" }).pipe(ZCalendarDate).refine((s) => s > new Date().toISOString().slice(0, 10), "The response deadline must be in the future"),
  })
  .strict();

export const ZDecision = z.object({ reason: ZText().trim().max(2000, "Reason must be at most 2,000 characters").optional() }).strict();
export const ZReject = z.object({ reason: ZText({ error: "Give the reason for the rejection" }).trim().min(3, "Give the reason for the rejection").max(2000, "Reason must be at most 2,000 characters") }).strict();
export const ZRecommend = z.object({ recommendation: z.enum(["APPROVE", "REJECT"], { error: "Choose approve or reject" }), reason: ZText().trim().min(3, "Say why").max(2000) }).strict();
export const ZMarkDuplicate = z.object({ duplicateOfNumber: ZText({ error: "Enter the original claim's number" }).trim().min(1, "Enter the original claim's number").max(20), reason: ZText().trim().max(2000).optional() }).strict();
export const ZBulkAction = z
  .object({
    action: z.enum(["verify", "approve", "reject"], { error: "Choose an action" }),
    claimIds: z.array(z.uuid()).min(1, "Select at least one claim").max(500, "At most 500 claims at a time"),
    reason: ZText().trim().max(2000).optional(),
  })
  .strict()
  .refine((v) => v.action !== "reject" || (v.reason && v.reason.length >= 3), { path: ["reason"], message: "Give the reason for the rejection" });

export const ZClaimFilters = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  subclass: ZText().max(40).optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  // Deficiency notices older than this many days.
  deficientDays: z.coerce.number().int().min(0).max(3650).optional(),
  q: ZText().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TClaimFilters = z.infer<typeof ZClaimFilters>;

// Path parameters of the document downloads; a malformed one is "not found".
export const ZClaimAttachmentPath = z.object({ matterId: z.uuid(), claimId: z.uuid(), attachmentId: z.uuid() }).strict();
export const ZMyClaimAttachmentPath = z
  .object({ number: ZText().max(40).refine((n) => normalizeClaimNumber(n) !== null), attachmentId: z.uuid() })
  .strict();
