import { z } from "zod";
import { ZText } from "@/lib/schemas/common";

// A suggestion is named by the observation behind it and the allegation it would support; the
// server works the rest out again (rule, pin cite) rather than trusting the form.
export const ZSuggestionRef = z
  .object({
    observationId: z.uuid("Unknown observation"),
    allegationId: z.uuid("Unknown allegation"),
  })
  .strict();
export type TSuggestionRef = z.infer<typeof ZSuggestionRef>;

export const ZDismissSuggestion = ZSuggestionRef.extend({
  reason: ZText({ error: "Say why the suggestion is dismissed" })
    .trim()
    .min(3, "Say why the suggestion is dismissed")
    .max(2000, "Reason must be at most 2,000 characters"),
}).strict();
export type TDismissSuggestion = z.infer<typeof ZDismissSuggestion>;
