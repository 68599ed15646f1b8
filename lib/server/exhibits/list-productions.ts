import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

export async function listProductions(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const [productions, exhibits, matter] = await Promise.all([
    db.production.findMany({
      where: { matterId },
      orderBy: { batesStart: "desc" },
      include: { createdBy: { select: { name: true } }, _count: { select: { items: true } } },
    }),
    db.exhibit.findMany({
      where: { matterId },
      orderBy: { number: "asc" },
      select: { id: true, prefix: true, number: true, title: true, kind: true, privilege: true, confidentiality: true, pageCount: true, batesStart: true, batesEnd: true },
    }),
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { batesPrefix: true, nextBatesNumber: true } }),
  ]);
  return { productions, exhibits, access, batesPrefix: matter.batesPrefix, nextBatesNumber: matter.nextBatesNumber };
}
