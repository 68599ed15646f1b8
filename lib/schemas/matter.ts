import { z } from "zod";
import { ZCalendarDate, ZOptionalText, ZText } from "@/lib/schemas/common";

// The matter facts papers cite: the AO 187 exhibit-list header and the orders productions cite.
// Left blank, a paper prints a blank to complete; nothing is guessed.
export const ZUpdateMatterDetails = z
  .object({
    court: ZText({ error: "Enter the court" }).trim().min(1, "Enter the court").max(300, "Court must be at most 300 characters"),
    docketNumber: ZText({ error: "Enter the case number" }).trim().min(1, "Enter the case number").max(100, "Case number must be at most 100 characters"),
    judge: ZOptionalText(300, "Presiding judge"),
    plaintiffsCounsel: ZOptionalText(1000, "Plaintiff's attorneys"),
    defendantsCounsel: ZOptionalText(1000, "Defendant's attorneys"),
    trialDate: ZCalendarDate.optional(),
    fre502dOrder: ZOptionalText(1000, "FRE 502(d) order"),
    protectiveOrder: ZOptionalText(1000, "Protective order"),
    // Settlement dates: deadlines close at the end of the day in the matter's zone; the hearing
    // is a wall-clock time there (what <input type="datetime-local"> sends).
    optOutDeadline: ZCalendarDate.optional(),
    objectionDeadline: ZCalendarDate.optional(),
    finalApprovalHearingAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the hearing's date and time")
      .refine((s) => ZCalendarDate.safeParse(s.slice(0, 10)).success && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, "Not a real date and time")
      .optional(),
    expectedUpdatedAt: z.iso.datetime({ error: "Missing version: reload the page" }),
  })
  .strict();
export type TUpdateMatterDetails = z.infer<typeof ZUpdateMatterDetails>;

export const MATTER_DETAIL_LABELS: Record<Exclude<keyof TUpdateMatterDetails, "expectedUpdatedAt">, string> = {
  court: "Court",
  docketNumber: "Case number",
  judge: "Presiding judge",
  plaintiffsCounsel: "Plaintiff's attorneys",
  defendantsCounsel: "Defendant's attorneys",
  trialDate: "Trial date",
  fre502dOrder: "FRE 502(d) order or clawback agreement",
  protectiveOrder: "Protective order",
  optOutDeadline: "Opt-out deadline",
  objectionDeadline: "Objection deadline",
  finalApprovalHearingAt: "Final approval hearing",
};
