"use server";

import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { signIn } from "@/lib/server/auth/auth";
import { changePassword } from "@/lib/server/auth/change-password";
import { requireActor } from "@/lib/server/auth/get-actor";
import { runAction } from "@/lib/server/run-action";

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  // runAction echoes a refused form's fields back to the page; passwords must not travel back.
  return runAction(new FormData(), async () => {
    const { email, newPassword } = await changePassword(await requireActor(), formDataToObject(form));
    // The change ended every session, this one too; a fresh sign-in keeps this browser signed in.
    // It redirects: this request still carries the old cookie, so the page is loaded anew with the new one.
    await signIn("password", { email, password: newPassword, redirectTo: "/account?changed=1" });
  });
}
