import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";

export async function listPlaintiffs(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  return db.plaintiff.findMany({
    where: { matterId },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
}
