import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";

export async function getMatterOverview(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({
    where: { id: matterId },
    include: {
      _count: { select: { plaintiffs: true, counts: true, allegations: { where: { withdrawnAt: null } }, exhibits: true, claims: true } },
      memberships: { include: { user: { select: { name: true, email: true, totpEnabledAt: true } } }, orderBy: { role: "asc" } },
    },
  });
  const recentActivity = await db.auditEvent.findMany({
    where: { matterId },
    orderBy: { id: "desc" },
    take: 10,
    include: { actor: { select: { name: true } } },
  });
  return { access, matter, recentActivity };
}
