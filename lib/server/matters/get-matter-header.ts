import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";

// What the workspace chrome shows on every matter page: caption, docket, the actor's role.
export async function getMatterHeader(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({
    where: { id: matterId },
    select: { id: true, caption: true, shortName: true, court: true, docketNumber: true },
  });
  return { ...matter, access };
}
