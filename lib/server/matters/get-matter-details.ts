import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// The matter's recorded facts for its settings page; every member may read them.
export async function getMatterDetails(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({
    where: { id: matterId },
    select: {
      id: true,
      caption: true,
      court: true,
      docketNumber: true,
      judge: true,
      plaintiffsCounsel: true,
      defendantsCounsel: true,
      trialDate: true,
      fre502dOrder: true,
      protectiveOrder: true,
      optOutDeadline: true,
      objectionDeadline: true,
      finalApprovalHearingAt: true,
      timeZone: true,
      slug: true,
      updatedAt: true,
    },
  });
  return { matter, access };
}
