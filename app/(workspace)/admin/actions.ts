"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { accountAction, done } from "@/lib/server/actions/action-client";
import { addMembership } from "@/lib/server/admin/add-membership";
import { createStaffUser } from "@/lib/server/admin/create-staff-user";
import { removeMembership } from "@/lib/server/admin/remove-membership";
import { resetUserTwoFactor } from "@/lib/server/admin/reset-user-two-factor";
import { setAnyMatterTwoFactorRequirement } from "@/lib/server/admin/set-any-matter-two-factor-requirement";
import { setStaffTwoFactorRequirement } from "@/lib/server/admin/set-staff-two-factor-requirement";
import { setUserDisabled } from "@/lib/server/admin/set-user-disabled";

export const createStaffUserAction = accountAction("admin.users", async ({ actor, input }) => {
  const user = await createStaffUser(actor, input);
  revalidatePath("/admin");
  return done(`Created ${user.email}.`);
});

export const addMembershipAction = accountAction("admin.memberships", async ({ actor, input }) => {
  await addMembership(actor, input);
  revalidatePath("/admin");
  return done("Team updated.");
});

export const setUserDisabledAction = accountAction("admin.users", async ({ actor, input }) => {
  await setUserDisabled(actor, input);
  revalidatePath("/admin");
  return done("Account updated.");
});

export const removeMembershipAction = accountAction("admin.memberships", async ({ actor, input }) => {
  await removeMembership(actor, input);
  revalidatePath("/admin");
  return done("Removed from the team.");
});

export const setStaffTwoFactorRequirementAction = accountAction("admin.settings", async ({ actor, input }) => {
  const { actorMustEnroll } = await setStaffTwoFactorRequirement(actor, input);
  // The administrator is held to it too: without an authenticator, straight to setting one up.
  if (actorMustEnroll) redirect("/account/two-factor?required=all");
  revalidatePath("/admin");
  return done("Setting saved.");
});

export const setAnyMatterTwoFactorRequirementAction = accountAction("admin.settings", async ({ actor, input }) => {
  await setAnyMatterTwoFactorRequirement(actor, input);
  revalidatePath("/admin");
  return done("Setting saved.");
});

export const resetUserTwoFactorAction = accountAction("admin.users", async ({ actor, input }) => {
  await resetUserTwoFactor(actor, input);
  revalidatePath("/admin");
  return done("Two-factor sign-in removed.");
});
