import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// Deleting this browser's cookie is not enough: a copy of it (another device, a stolen cookie)
// would live on until it expired. Signing out ends every session of the account.
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await revokeSessions(actor.userId, tx);
    await appendAudit(tx, actor, { matterId: null, action: "user.sign-out", entityId: actor.userId, details: {} });
  });
}
