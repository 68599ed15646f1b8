import { z } from "zod";
import { US_STATE_CODES } from "@/lib/us-states";
import { ZCalendarDate, ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const PLAINTIFF_KINDS = ["NAMED", "PUTATIVE"] as const;
export const ACCOUNT_STATUSES = ["SELF_CREATED", "CREATED_WITHOUT_CONSENT", "NO_ACCOUNT", "UNKNOWN"] as const;

export const ACCOUNT_STATUS_LABELS: Record<(typeof ACCOUNT_STATUSES)[number], string> = {
  SELF_CREATED: "Created the account themselves",
  CREATED_WITHOUT_CONSENT: "Account made without their consent",
  NO_ACCOUNT: "No account",
  UNKNOWN: "Unknown",
};

const ZPlaintiffFields = z.object({
  name: ZText({ error: "Enter the plaintiff's name" }).trim().min(1, "Enter the plaintiff's name").max(200, "Name must be at most 200 characters"),
  kind: z.enum(PLAINTIFF_KINDS, { error: "Choose named or putative" }),
  residenceCity: ZOptionalText(100, "City"),
  residenceState: z.enum(US_STATE_CODES, { error: "Choose a US state or territory" }),
  appUsage: z
    .string({ error: "Describe how the plaintiff used the app" })
    .trim()
    .min(1, "Describe how the plaintiff used the app")
    .max(4000, "Usage must be at most 4,000 characters"),
  firstUseFrom: ZCalendarDate.optional(),
  firstUseTo: ZCalendarDate.optional(),
  accountStatus: z.enum(ACCOUNT_STATUSES, { error: "Choose the account status" }),
  notes: ZOptionalText(10_000, "Notes"),
});

// Checked even when other fields are wrong, so one submit shows every problem at once; skipped
// only when the dates themselves are malformed (their own errors say so) or the input is not a
// form at all (an issue at the root: the refinement would read fields of a string or array).
const DATES_PARSED = {
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((i) => !i.path?.length || i.path[0] === "firstUseFrom" || i.path[0] === "firstUseTo"),
};

function checkUsageRange(value: { firstUseFrom?: string; firstUseTo?: string }, ctx: z.RefinementCtx) {
  const today = new Date().toISOString().slice(0, 10);
  if (value.firstUseFrom && value.firstUseFrom > today) {
    ctx.addIssue({ code: "custom", path: ["firstUseFrom"], message: "First use cannot be in the future" });
  }
  if (value.firstUseFrom && value.firstUseTo && value.firstUseTo < value.firstUseFrom) {
    ctx.addIssue({ code: "custom", path: ["firstUseTo"], message: "“Latest” must be on or after “earliest”" });
  }
}

export const ZCreatePlaintiff = ZPlaintiffFields.extend({ submissionKey: ZSubmissionKey }).strict().superRefine(checkUsageRange, DATES_PARSED);
export type TCreatePlaintiff = z.infer<typeof ZCreatePlaintiff>;

export const ZUpdatePlaintiff = ZPlaintiffFields.extend({
  // The updatedAt the editor loaded: a stale form is refused rather than silently overwriting.
  expectedUpdatedAt: z.iso.datetime({ error: "Missing version: reload the page" }),
})
  .strict()
  .superRefine(checkUsageRange, DATES_PARSED);
export type TUpdatePlaintiff = z.infer<typeof ZUpdatePlaintiff>;
