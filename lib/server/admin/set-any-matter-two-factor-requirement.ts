import "server-only";
import { AppError } from "@/lib/app-error";
import { ZMatterTwoFactorRequirement } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// An administrator requires two-factor sign-in of one matter's team from the administration page
// (they manage matters without reading them; a matter's attorneys can set the same on the matter).
export async function setAnyMatterTwoFactorRequirement(actor: Actor, input: unknown): Promise<void> {
  requireAccountPermission(actor, "admin.settings");
  const { matterId, required } = parseInput(ZMatterTwoFactorRequirement, input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.matter.updateMany({ where: { id: matterId }, data: { requireStaffTwoFactor: required } });
    if (count !== 1) throw AppError.notFound("Matter not found");
    await appendAudit(tx, actor, { matterId, action: "matter.set-two-factor-requirement", entityId: matterId, details: { required } });
  });
}
