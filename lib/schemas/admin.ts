import { z } from "zod";
import { ZSubmissionKey, ZText } from "@/lib/schemas/common";

export const ZCreateStaffUser = z
  .object({
    submissionKey: ZSubmissionKey,
    name: ZText({ error: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(200, "Name must be at most 200 characters"),
    email: z.email("Enter a valid email address").max(254).transform((s) => s.toLowerCase()),
    role: z.enum(["STAFF", "ADMIN"], { error: "Choose legal staff or administrator" }),
    password: z.string({ error: "Set an initial password" }).min(12, "The password must be at least 12 characters").max(1024),
  })
  .strict();

export const ZSetUserDisabled = z
  .object({
    userId: z.uuid("Unknown user"),
    disabled: z.enum(["true", "false"], { error: "Choose enable or disable" }).transform((v) => v === "true"),
  })
  .strict();

export const ZAddMembership = z
  .object({
    matterId: z.uuid("Unknown matter"),
    email: z.email("Enter the member's email address").max(254).transform((s) => s.toLowerCase()),
    role: z.enum(["ATTORNEY", "PARALEGAL"], { error: "Choose attorney or paralegal" }),
  })
  .strict();

export const ZRemoveMembership = z.object({ membershipId: z.uuid("Unknown membership") }).strict();

export const ZResetUserTwoFactor = z.object({ userId: z.uuid("Unknown user") }).strict();
