"use server";

import { signedInAction } from "@/lib/server/actions/action-client";
import { signIn } from "@/lib/server/auth/auth";
import { changePassword } from "@/lib/server/auth/change-password";
import { issueTicket } from "@/lib/server/auth/sign-in-tickets";

export const changePasswordAction = signedInAction(async ({ actor, input }) => {
  await changePassword(actor, input);
  // The change ended every session, this one too; a fresh sign-in keeps this browser signed in
  // (with a ticket the server mints for itself, so an account with two-factor sign-in needs no code).
  // It redirects: this request still carries the old cookie, so the page is loaded anew with the new one.
  await signIn("session-renewal", { ticket: await issueTicket("renewal", actor.userId), redirectTo: "/account?changed=1" });
});
