import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";

// The link dialog's exhibit picker: only this matter's exhibits, with their privilege, so the
// person linking sees that a privileged exhibit will not make the allegation SUPPORTED.
export async function listLinkableExhibits(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  return db.exhibit.findMany({
    where: { matterId },
    orderBy: { number: "asc" },
    select: { id: true, prefix: true, number: true, title: true, privilege: true, kind: true },
  });
}
