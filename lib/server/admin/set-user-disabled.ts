import "server-only";
import { AppError } from "@/lib/app-error";
import { ZSetUserDisabled } from "@/lib/schemas/admin";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";

// Disabling takes effect on the user's next request: getActor re-reads the account every time.
export async function setUserDisabled(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.users");
  const { userId, disabled } = parseInput(ZSetUserDisabled, input);
  if (userId === actor.userId && disabled) {
    throw AppError.validation({ userId: ["You cannot disable your own account"] });
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw AppError.notFound("User not found");
    const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? (user.disabledAt ?? new Date()) : null } });
    // Re-enabling must not bring back the sessions that were open when the account was disabled.
    if (disabled) await revokeSessions(userId, tx);
    await appendAudit(tx, actor, {
      matterId: null,
      action: disabled ? "user.disable" : "user.enable",
      entityId: userId,
      details: { email: user.email },
    });
    return updated;
  });
}
