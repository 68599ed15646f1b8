import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireMatterAccess } from "@/lib/server/auth/policy";

export async function listPlaintiffs(actor: Actor, matterId: string) {
  await requireMatterAccess(actor, matterId);
  return db.plaintiff.findMany({
    where: { matterId },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
}
