import "server-only";
import { AppError } from "@/lib/app-error";
import { ZDesignateExhibit } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

// Privilege and confidentiality have legal effect: attorneys only, with a reason the audit keeps.
export async function designateExhibit(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.designate");
  const { expectedUpdatedAt, reason, ...data } = parseInput(ZDesignateExhibit, input);
  return db.$transaction(async (tx) => {
    const before = await findExhibitInMatter(matterId, exhibitId, tx);
    const next = {
      confidentiality: data.confidentiality,
      privilege: data.privilege,
      privilegeBasis: data.privilege === "NONE" ? null : (data.privilegeBasis ?? null),
    };
    const updated = await tx.exhibit.updateMany({ where: { id: exhibitId, matterId, updatedAt: new Date(expectedUpdatedAt) }, data: next });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone changed this exhibit since you opened it. Reload, then designate again.");
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.designate",
      entityId: exhibitId,
      details: {
        before: { confidentiality: before.confidentiality, privilege: before.privilege, privilegeBasis: before.privilegeBasis },
        after: next,
        reason,
      },
    });
    return tx.exhibit.findUniqueOrThrow({ where: { id: exhibitId } });
  });
}
