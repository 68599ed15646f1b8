"use server";

import { revalidatePath } from "next/cache";
import { accountAction, done } from "@/lib/server/actions/action-client";
import { confirmTwoFactorEnrollment } from "@/lib/server/auth/confirm-two-factor-enrollment";
import { disableTwoFactor } from "@/lib/server/auth/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/server/auth/regenerate-recovery-codes";
import { startTwoFactorEnrollment } from "@/lib/server/auth/start-two-factor-enrollment";

export const startTwoFactorEnrollmentAction = accountAction("account.two-factor", async ({ actor }) => {
  await startTwoFactorEnrollment(actor);
  revalidatePath("/account/two-factor");
  return done("Scan the QR code with your authenticator app.");
});

// No revalidation: the page would re-render without the codes, which exist only in this answer.
// The form shows them and links on once they are saved.
export const confirmTwoFactorEnrollmentAction = accountAction("account.two-factor", async ({ actor, input }) => {
  const { recoveryCodes } = await confirmTwoFactorEnrollment(actor, input);
  return { status: "success", message: "Two-factor sign-in is on.", reveal: recoveryCodes };
});

export const regenerateRecoveryCodesAction = accountAction("account.two-factor", async ({ actor, input }) => {
  const { recoveryCodes } = await regenerateRecoveryCodes(actor, input);
  return { status: "success", message: "New recovery codes. The old ones no longer work.", reveal: recoveryCodes };
});

export const disableTwoFactorAction = accountAction("account.two-factor", async ({ actor, input }) => {
  await disableTwoFactor(actor, input);
  revalidatePath("/account/two-factor");
  revalidatePath("/account");
  return done("Two-factor sign-in is off.");
});
