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

// The strength rule every new password meets (change, reset, a new staff account's first).
const ZNewPassword = z.string({ error: "Choose a new password" }).min(12, "The new password must be at least 12 characters").max(1024);
const ZCurrentPassword = z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024);
const ZEmail = z.email("Enter an email address").max(254).transform((s) => s.toLowerCase());

export const ZChangePassword = z
  .object({
    currentPassword: ZCurrentPassword,
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: "Type the new password again" }).max(1024),
  })
  .strict()
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password you do not use now" });
export type TChangePassword = z.infer<typeof ZChangePassword>;

export const ZRequestPasswordReset = z.object({ email: ZEmail }).strict();
export type TRequestPasswordReset = z.infer<typeof ZRequestPasswordReset>;

// A reset link's token: 256 random bits, base64url.
export const ZResetToken = z.string({ error: "This link is incomplete: open it from the e-mail again" }).regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is incomplete: open it from the e-mail again");

export const ZResetPassword = z
  .object({
    token: ZResetToken,
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: "Type the new password again" }).max(1024),
  })
  .strict()
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: "The two new passwords differ" });
export type TResetPassword = z.infer<typeof ZResetPassword>;

// A code from an authenticator app (6 digits) or a recovery code (xxxxx-xxxxx); spaces allowed.
const ZSecondFactorCode = z
  .string({ error: "Enter the code" })
  .trim()
  .min(1, "Enter the code")
  .max(64, "That is not a code")
  .regex(/^[A-Za-z0-9 -]+$/, "A code has only digits (from the app) or letters, digits and a dash (a recovery code)");
const ZAuthenticatorCode = z
  .string({ error: "Enter the 6-digit code from your authenticator app" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"));

export const ZSecondFactor = z.object({ code: ZSecondFactorCode, callbackUrl: ZText().max(2048).optional() }).strict();
export type TSecondFactor = z.infer<typeof ZSecondFactor>;

// Enrolment: the password again (the session alone must not be enough to change how the account
// signs in) and a code from the new authenticator, which proves it was set up right.
export const ZConfirmTwoFactor = z.object({ currentPassword: ZCurrentPassword, code: ZAuthenticatorCode }).strict();
export type TConfirmTwoFactor = z.infer<typeof ZConfirmTwoFactor>;

export const ZRegenerateRecoveryCodes = z.object({ currentPassword: ZCurrentPassword }).strict();

// Turning it off: the password and a current code (or a recovery code, for a lost phone).
export const ZDisableTwoFactor = z.object({ currentPassword: ZCurrentPassword, code: ZSecondFactorCode }).strict();
export type TDisableTwoFactor = z.infer<typeof ZDisableTwoFactor>;

// Forms send checkboxes as "on" or nothing; the settings forms send "true"/"false" explicitly.
export const ZTwoFactorRequirement = z.object({ required: z.enum(["true", "false"], "Choose whether two-factor sign-in is required").transform((v) => v === "true") }).strict();
export const ZMatterTwoFactorRequirement = ZTwoFactorRequirement.extend({ matterId: z.uuid("Choose a matter") }).strict();
