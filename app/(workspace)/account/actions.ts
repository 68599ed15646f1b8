"use server";

import { signedInAction } from "@/lib/server/actions/action-client";
import { signIn } from "@/lib/server/auth/auth";
import { changePassword } from "@/lib/server/auth/change-password";

export const changePasswordAction = signedInAction(async ({ actor, input }) => {
  const { email, newPassword } = await changePassword(actor, input);
  // The change ended every session, this one too; a fresh sign-in keeps this browser signed in.
  // It redirects: this request still carries the old cookie, so the page is loaded anew with the new one.
  await signIn("password", { email, password: newPassword, redirectTo: "/account?changed=1" });
});
