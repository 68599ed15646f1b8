import "server-only";
import { ZTwoFactorRequirement } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// A matter's attorneys require two-factor sign-in of its whole team: members without it are sent
// to set it up on their next request and reach nothing of the matter until they have.
export async function setMatterTwoFactorRequirement(actor: Actor, matterId: string, input: unknown): Promise<void> {
  await requirePermission(actor, matterId, "matter.security");
  const { required } = parseInput(ZTwoFactorRequirement, input);
  await db.$transaction(async (tx) => {
    await tx.matter.update({ where: { id: matterId }, data: { requireStaffTwoFactor: required } });
    await appendAudit(tx, actor, { matterId, action: "matter.set-two-factor-requirement", entityId: matterId, details: { required } });
  });
}
