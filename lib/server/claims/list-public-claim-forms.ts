import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

// Public: the settlements that take claims here (a matter with a claim form is public by design),
// so a mistyped address can point a class member to the right one. Names and addresses only.
export async function listPublicClaimForms(): Promise<{ slug: string; caption: string }[]> {
  return db.matter.findMany({
    where: { claimForm: { not: Prisma.AnyNull } },
    select: { slug: true, caption: true },
    orderBy: { caption: "asc" },
    take: 50,
  });
}
