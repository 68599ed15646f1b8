import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";

type ImportRef = { id: string; matterId: string; createdAt: Date };

// The allegations an amended complaint removed: live ones that were in the ledger when the import
// started and that no ¶ of it matched (a ¶ matched and then dropped by the reviewer still counts
// as present). Withdrawn ones are gone from the ledger and from every later import's list.
export function removedAllegationsWhere(run: ImportRef): Prisma.AllegationWhereInput {
  return { matterId: run.matterId, withdrawnAt: null, createdAt: { lt: run.createdAt }, matchedBy: { none: { importId: run.id } } };
}

// The live allegations that hold one of these labels and that the amendment does not move or
// withdraw: each would collide with the ¶ that takes its label.
export function findLabelHolders(client: Db | Tx, matterId: string, labels: string[], moving: string[]) {
  if (labels.length === 0) return Promise.resolve([]);
  return client.allegation.findMany({
    where: { matterId, withdrawnAt: null, paragraphLabel: { in: labels }, id: { notIn: moving } },
    select: { id: true, paragraphLabel: true },
    orderBy: { paragraphSortKey: "asc" },
  });
}
