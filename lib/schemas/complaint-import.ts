import { z } from "zod";
import { isParagraphLabel } from "@/lib/complaint/labels";
import { ALLEGATION_KINDS } from "@/lib/schemas/allegation";
import { ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const ZParagraphLabel = z
  .string({ error: "Enter the ¶ label" })
  .trim()
  .refine(isParagraphLabel, "A ¶ label is a number as the complaint prints it, such as 37, 37a or 37.1");

// A single checked box arrives from FormData as a string, several as an array.
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const ZStartComplaintImport = z
  .object({
    exhibitId: z.uuid("Choose the complaint exhibit"),
    submissionKey: ZSubmissionKey,
  })
  .strict();

// Accepting may edit what the splitter proposed; fields left out keep the proposal's value.
export const ZAcceptProposal = z
  .object({
    label: ZParagraphLabel.optional(),
    text: ZText().trim().min(1, "Enter the allegation's text").max(10_000, "Text must be at most 10,000 characters").optional(),
    kind: z.enum(ALLEGATION_KINDS, { error: "Choose the kind of allegation" }).optional(),
    // A data transfer names where the data went; the proposal's host unless edited.
    destinationHost: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/, "Enter a host name such as umeng.com (no scheme or path)")
      .optional(),
    // Elements of the count the ¶ sits under that the reviewer ties it to.
    elementIds: z.preprocess(asArray, z.array(z.uuid("Unknown element")).max(200, "Too many elements")).optional(),
  })
  .strict();

export const ZDropProposal = z.object({ reason: ZOptionalText(500, "Reason") }).strict();

// Split a proposal in two at a character offset of its text; the second part gets its own label.
export const ZSplitProposal = z
  .object({
    at: z.coerce.number({ error: "Choose where to split" }).int("Choose where to split").min(1, "Choose where to split"),
    label: ZParagraphLabel,
  })
  .strict();

// Applying an amended complaint: every matched ¶ at once, and the removed allegations the
// reviewer ticks to withdraw.
export const ZApplyAmendment = z
  .object({
    withdraw: z.preprocess(asArray, z.array(z.uuid("Unknown allegation")).max(5_000, "Too many allegations")),
  })
  .strict();

export const ZEmpty = z.object({}).strict();
