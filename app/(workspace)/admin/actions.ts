"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { addMembership } from "@/lib/server/admin/add-membership";
import { createStaffUser } from "@/lib/server/admin/create-staff-user";
import { removeMembership } from "@/lib/server/admin/remove-membership";
import { setUserDisabled } from "@/lib/server/admin/set-user-disabled";
import { runAction } from "@/lib/server/run-action";

export async function createStaffUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await createStaffUser(await requireActor(), formDataToObject(form));
    revalidatePath("/admin");
    return { status: "success", message: `Created ${user.email}.` };
  });
}

export async function addMembershipAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await addMembership(await requireActor(), formDataToObject(form));
    revalidatePath("/admin");
    return { status: "success", message: "Team updated." };
  });
}

export async function setUserDisabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await setUserDisabled(await requireActor(), formDataToObject(form));
    revalidatePath("/admin");
    return { status: "success", message: "Account updated." };
  });
}

export async function removeMembershipAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await removeMembership(await requireActor(), formDataToObject(form));
    revalidatePath("/admin");
    return { status: "success", message: "Removed from the team." };
  });
}
