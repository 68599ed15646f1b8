import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";

// Evidence requests are assigned to members of the matter only.
export async function listRequestAssignees(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const members = await db.membership.findMany({
    where: { matterId },
    include: { user: { select: { id: true, name: true, disabledAt: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.filter((m) => !m.user.disabledAt).map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }));
}
