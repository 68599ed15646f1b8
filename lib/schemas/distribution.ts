import { z } from "zod";
import { parseCents } from "@/lib/distribution/plan";
import { ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const MINIMUM_MODES = ["RAISE_TO_FLOOR", "DROP_BELOW_FLOOR"] as const;
export const MINIMUM_MODE_LABELS: Record<(typeof MINIMUM_MODES)[number], string> = {
  RAISE_TO_FLOOR: "Raise to the minimum, funded pro rata from the others",
  DROP_BELOW_FLOOR: "Drop claims under the minimum and redistribute their shares",
};
export const ALLOCATION_KIND_LABELS = { PRO_RATA: "Pro rata", RAISED: "Raised to minimum", DROPPED: "Dropped (under minimum)" } as const;
export const DISTRIBUTION_STATUS_LABELS = { PREVIEW: "Preview", LOCKED: "Locked" } as const;

// One trillion dollars: a ceiling no settlement reaches, so pool × weight stays inside bigint.
const MAX_CENTS = 100_000_000_000_000n;
const ZMoney = (label: string) =>
  ZText({ error: `Enter the ${label}` })
    .trim()
    .transform((text, ctx) => {
      const cents = parseCents(text);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as dollars and cents, like 1,250,000.00` });
        return z.NEVER;
      }
      if (cents > MAX_CENTS) {
        ctx.addIssue({ code: "custom", message: `The ${label} is too large` });
        return z.NEVER;
      }
      return cents;
    });
const ZWeight = z.coerce
  .number({ error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(1, "A weight is at least 1")
  .max(1000, "A weight is at most 1,000");
export const ZSubclassCode = z.string().trim().min(1).max(100);

// Weights arrive from the form as `weight:<SUBCLASS>` fields; the action gathers them into `weights`.
export const ZDistributionPlan = z
  .object({
    submissionKey: ZSubmissionKey,
    grossFund: ZMoney("gross settlement fund"),
    attorneysFees: ZMoney("attorneys' fees"),
    costs: ZMoney("litigation costs"),
    adminCosts: ZMoney("administration costs"),
    minimumPayment: ZMoney("minimum payment"),
    minimumMode: z.enum(MINIMUM_MODES, { error: "Choose what happens to claims under the minimum" }),
    defaultWeight: ZWeight,
    weights: z.record(ZSubclassCode, ZWeight).default({}),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.attorneysFees + v.costs + v.adminCosts > v.grossFund) {
      ctx.addIssue({ code: "custom", path: ["grossFund"], message: "Fees and costs exceed the gross settlement fund" });
    }
  });
export type TDistributionPlan = z.output<typeof ZDistributionPlan>;

export const ZLockDistribution = z
  .object({ reason: ZText({ error: "Give the reason the audit keeps" }).trim().min(3, "Give the reason the audit keeps").max(2000, "Reason must be at most 2,000 characters") })
  .strict();

// Form fields named `weight:<SUBCLASS>` → { weights: { SUBCLASS: "5" } }.
// Anything but a plain object (null, an array, text) goes on to the schema, which refuses it.
export function gatherWeights(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  const weights: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key.startsWith("weight:")) weights[key.slice("weight:".length)] = value;
    else out[key] = value;
  }
  if (Object.keys(weights).length) out.weights = weights;
  return out;
}
