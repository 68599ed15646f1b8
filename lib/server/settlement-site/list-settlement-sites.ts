import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

// Public: the matters with a settlement website, for the front page and the /settlements index.
export async function listSettlementSites(): Promise<{ slug: string; caption: string; court: string; docketNumber: string }[]> {
  return db.matter.findMany({
    where: { settlementSite: { not: Prisma.AnyNull } },
    orderBy: { caption: "asc" },
    select: { slug: true, caption: true, court: true, docketNumber: true },
    take: 100,
  });
}
