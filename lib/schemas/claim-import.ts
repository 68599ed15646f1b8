import { z } from "zod";
import { ZText } from "@/lib/schemas/common";
import { US_STATE_CODES } from "@/lib/us-states";

// A code on a mailed notice, with the notice ID, unlocks the member's name and address on the
// claim form: short codes could be guessed.
export const MIN_CONFIRMATION_CODE_LENGTH = 8;

// One row of the administrator's notice list. Column names are matched case-insensitively.
export const ZNoticeRecipientRow = z
  .object({
    notice_id: ZText({ error: "notice_id is missing" }).trim().min(1, "notice_id is empty").max(40, "notice_id is longer than 40 characters"),
    confirmation_code: ZText({ error: "confirmation_code is missing" })
      .trim()
      .min(1, "confirmation_code is empty")
      .min(MIN_CONFIRMATION_CODE_LENGTH, `confirmation_code is shorter than ${MIN_CONFIRMATION_CODE_LENGTH} characters`)
      .max(40, "confirmation_code is longer than 40 characters"),
    full_name: ZText({ error: "full_name is missing" }).trim().min(1, "full_name is empty").max(200),
    address1: ZText({ error: "address1 is missing" }).trim().min(1, "address1 is empty").max(200),
    address2: ZText().trim().max(200).optional(),
    city: ZText({ error: "city is missing" }).trim().min(1, "city is empty").max(100),
    state: z.enum(US_STATE_CODES, { error: "state is not a US state code" }),
    zip: ZText({ error: "zip is missing" }).trim().regex(/^\d{5}(-\d{4})?$/, "zip is not a 5-digit ZIP code"),
  })
  .strip();
export type TNoticeRecipientRow = z.infer<typeof ZNoticeRecipientRow>;

// Starting a bulk claim import: the CSV itself arrives as the request body.
export const ZStartClaimImport = z
  .object({
    // Mail each new claimant the portal's e-mail confirmation link; off unless asked for.
    sendMail: z.union([z.boolean(), z.enum(["true", "false", "1", "0", "on", "off"])], { error: "sendMail must be true or false" }).transform((v) => v === true || v === "true" || v === "1" || v === "on"),
  })
  .strict();
