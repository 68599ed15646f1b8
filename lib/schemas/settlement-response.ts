import { z } from "zod";
import { isStorableText } from "@/lib/schemas/common";
import { zipMatchesState } from "@/lib/schemas/claim";
import { MAX_GROUNDS_CHARS } from "@/lib/settlement/responses";
import { US_STATE_CODES } from "@/lib/us-states";

// The public opt-out and objection forms. Every message is a key of the form's catalogue
// namespace (messages/<locale>/optOut.json, objection.json: "errors.…"); the use case turns
// them into the member's language (lib/server/settlement/localize.ts).

const text = (required: string, long: string, max: number) =>
  z.string({ error: required }).trim().min(1, required).max(max, long).refine(isStorableText, "errors.unstorable");
const optionalText = (long: string, max: number) => z.string().trim().max(max, long).refine(isStorableText, "errors.unstorable").optional();
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const sameName = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

const PERSON = {
  submissionKey: z.uuid("errors.submissionKey"),
  fullName: text("errors.fullName", "errors.fullNameLong", 200),
  email: z.email("errors.email").max(254, "errors.email").transform((s) => s.toLowerCase()),
  addressLine1: text("errors.addressLine1", "errors.addressLong", 200),
  addressLine2: optionalText("errors.addressLong", 200),
  city: text("errors.city", "errors.addressLong", 100),
  state: z.enum(US_STATE_CODES, { error: "errors.state" }),
  zip: z.string({ error: "errors.zip" }).trim().regex(/^\d{5}(-\d{4})?$/, "errors.zip"),
  attestationName: text("errors.attestationName", "errors.fullNameLong", 200),
  attestationAgree: z.literal("on", { error: "errors.attestationAgree" }),
};

function checkPerson(v: { fullName?: string; attestationName?: string; zip?: string; state?: string }, ctx: z.RefinementCtx) {
  if (v.zip && v.state && !zipMatchesState(v.zip, v.state)) ctx.addIssue({ code: "custom", path: ["zip"], message: "errors.zipState" });
  if (v.fullName && v.attestationName && !sameName(v.fullName, v.attestationName)) ctx.addIssue({ code: "custom", path: ["attestationName"], message: "errors.attestationMismatch" });
}

export const ZOptOutSubmission = z
  .object({
    ...PERSON,
    dateOfBirth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateOfBirth")
      .refine((s) => isRealDate(s) && s >= "1900-01-01" && s <= new Date().toISOString().slice(0, 10), "errors.dateOfBirth")
      .optional(),
    phone: z.string().trim().regex(/^[+()\d\s.-]{7,25}$/, "errors.phone").optional(),
    exclude: z.literal("on", { error: "errors.exclude" }),
  })
  .strict()
  .superRefine(checkPerson);
export type TOptOutSubmission = z.output<typeof ZOptOutSubmission>;

const yesNo = (error: string) => z.enum(["yes", "no"], { error });

export const ZObjectionSubmission = z
  .object({
    ...PERSON,
    represented: yesNo("errors.represented"),
    counselName: optionalText("errors.fullNameLong", 200),
    appearAtHearing: yesNo("errors.appearAtHearing"),
    grounds: z.string({ error: "errors.grounds" }).trim().min(10, "errors.grounds").max(MAX_GROUNDS_CHARS, "errors.groundsLong").refine(isStorableText, "errors.unstorable"),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkPerson(v, ctx);
    if (v.represented === "yes" && !v.counselName) ctx.addIssue({ code: "custom", path: ["counselName"], message: "errors.counselName" });
  });
export type TObjectionSubmission = z.output<typeof ZObjectionSubmission>;

// Staff side (English, like every staff page).
export const ZRevokeOptOut = z
  .object({ reason: z.string({ error: "Give the reason the member withdrew the request" }).trim().min(3, "Give the reason the member withdrew the request").max(2000, "Reason must be at most 2,000 characters").refine(isStorableText, "Contains characters that cannot be stored") })
  .strict();

export const ZResponseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  flagged: z.enum(["1"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TResponseListQuery = z.infer<typeof ZResponseListQuery>;

export const ZResponsePath = z.object({ matterId: z.uuid(), id: z.uuid() });
