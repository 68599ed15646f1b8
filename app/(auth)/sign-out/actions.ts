"use server";

import { getActor } from "@/lib/server/auth/get-actor";
import { signOut } from "@/lib/server/auth/auth";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";

// Deleting this browser's cookie is not enough: a copy of it (another tab's device, a stolen
// cookie) would live on until it expired. Sign-out ends every session of the account.
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await revokeSessions(actor.userId);
  await signOut({ redirectTo: "/sign-in" });
}
