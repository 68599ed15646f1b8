"use server";

import { signedInAction } from "@/lib/server/actions/action-client";
import { signOut } from "@/lib/server/auth/auth";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";

export const signOutAction = signedInAction(async ({ actor }) => {
  await signOutEverywhere(actor);
  await signOut({ redirectTo: "/sign-in" });
});
