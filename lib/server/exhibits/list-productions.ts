import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// The production log as recorded: each production with who it went to, under which orders, what
// it held (privileged and confidential items counted as designated when it was made) and the
// hashes of the delivered ZIP.
export async function productionLogEntries(matterId: string) {
  const [productions, privileged, confidential] = await Promise.all([
    db.production.findMany({
      where: { matterId },
      orderBy: { batesStart: "desc" },
      include: { createdBy: { select: { name: true } }, zip: { select: { size: true } }, _count: { select: { items: true } } },
    }),
    db.productionItem.groupBy({ by: ["productionId"], where: { matterId, privilege: { not: "NONE" } }, _count: { _all: true } }),
    db.productionItem.groupBy({ by: ["productionId"], where: { matterId, confidentiality: { not: "PUBLIC" } }, _count: { _all: true } }),
  ]);
  const count = (groups: typeof privileged, id: string) => groups.find((g) => g.productionId === id)?._count._all ?? 0;
  return productions.map((p) => ({ ...p, privilegedItems: count(privileged, p.id), confidentialItems: count(confidential, p.id) }));
}

export async function listProductions(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const [productions, exhibits, matter] = await Promise.all([
    productionLogEntries(matterId),
    db.exhibit.findMany({
      where: { matterId },
      orderBy: { number: "asc" },
      select: { id: true, prefix: true, number: true, title: true, kind: true, privilege: true, confidentiality: true, pageCount: true, batesStart: true, batesEnd: true, parentExhibitId: true },
    }),
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { batesPrefix: true, nextBatesNumber: true, fre502dOrder: true, protectiveOrder: true } }),
  ]);
  return {
    productions,
    exhibits,
    access,
    batesPrefix: matter.batesPrefix,
    nextBatesNumber: matter.nextBatesNumber,
    orders: { fre502dOrder: matter.fre502dOrder, protectiveOrder: matter.protectiveOrder },
  };
}
