import { z } from "zod";
import { ZCalendarDate, ZOptionalText, ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const LINK_RELATIONS = ["SUPPORTS", "CONTRADICTS", "CONTEXT"] as const;
export const LINK_RELATION_LABELS: Record<(typeof LINK_RELATIONS)[number], string> = {
  SUPPORTS: "Supports",
  CONTRADICTS: "Contradicts",
  CONTEXT: "Context",
};

export const ZLinkEvidence = z
  .object({
    exhibitId: z.uuid("Choose an exhibit of this matter"),
    relation: z.enum(LINK_RELATIONS, { error: "Choose supports, contradicts or context" }),
    // Page/line ("p. 4:12–18"), a timestamp ("00:01:32"), or a HAR entry ("entry 214").
    pinCite: ZOptionalText(200, "Pin cite"),
    excerpt: ZOptionalText(4000, "Excerpt"),
    note: ZOptionalText(4000, "Note"),
    // The open request this exhibit answers, if any: linking fulfils it.
    requestId: z.uuid("Unknown evidence request").optional(),
    submissionKey: ZSubmissionKey,
  })
  .strict();
export type TLinkEvidence = z.infer<typeof ZLinkEvidence>;

export const ZUnlinkEvidence = z
  .object({
    reason: ZText({ error: "Say why the link is removed" }).trim().min(3, "Say why the link is removed").max(2000, "Reason must be at most 2,000 characters"),
  })
  .strict();

export const ZCreateRequest = z
  .object({
    description: z
      .string({ error: "Describe the evidence needed" })
      .trim()
      .min(3, "Describe the evidence needed")
      .max(4000, "Description must be at most 4,000 characters"),
    assigneeId: z.uuid("Choose a member of this matter").optional(),
    dueOn: ZCalendarDate.optional().refine((d) => !d || d >= new Date().toISOString().slice(0, 10), "The due date cannot be in the past"),
    submissionKey: ZSubmissionKey,
  })
  .strict();
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

export const ZCancelRequest = z
  .object({
    reason: ZText({ error: "Say why the request is cancelled" }).trim().min(3, "Say why the request is cancelled").max(2000, "Reason must be at most 2,000 characters"),
  })
  .strict();
