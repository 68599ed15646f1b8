import { z } from "zod";
import { ZText } from "@/lib/schemas/common";

export const ZSignIn = z
  .object({
    email: z.email("Enter an email address").max(254).transform((s) => s.toLowerCase()),
    password: z.string().min(1, "Enter your password").max(1024),
    callbackUrl: ZText().max(2048).optional(),
  })
  .strict();
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024),
    newPassword: z.string({ error: "Choose a new password" }).min(12, "The new password must be at least 12 characters").max(1024),
    confirmPassword: z.string({ error: "Type the new password again" }).max(1024),
  })
  .strict()
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password you do not use now" });
export type TChangePassword = z.infer<typeof ZChangePassword>;
