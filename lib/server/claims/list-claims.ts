import "server-only";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZClaimFilters, type TClaimFilters } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appUrl } from "@/lib/server/env";

export const PAGE_SIZE = 100;

export function claimWhere(matterId: string, f: TClaimFilters): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = { matterId };
  if (f.status) where.status = f.status;
  if (f.subclass) where.subclass = f.subclass === "none" ? null : f.subclass;
  if (f.minScore !== undefined) where.fraudScore = { gte: f.minScore };
  if (f.deficientDays !== undefined) {
    where.status = "DEFICIENT";
    where.deficientAt = { lte: new Date(Date.now() - f.deficientDays * 86_400_000) };
  }
  if (f.q) {
    const number = normalizeClaimNumber(f.q);
    where.OR = number ? [{ number }] : [{ claimant: { fullName: { contains: f.q, mode: "insensitive" } } }, { claimant: { email: { startsWith: f.q.toLowerCase() } } }];
  }
  return where;
}

export async function listClaims(actor: Actor, matterId: string, rawFilters: unknown) {
  await requirePermission(actor, matterId, "matter.read");
  const filters = parseInput(ZClaimFilters, rawFilters);
  const where = claimWhere(matterId, filters);
  const [rows, total, subclasses] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy: [{ fraudScore: "desc" }, { createdAt: "asc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        subclass: true,
        fraudScore: true,
        recommendation: true,
        createdAt: true,
        deficientAt: true,
        deficiencyDueOn: true,
        claimant: { select: { fullName: true, email: true, state: true } },
        _count: { select: { signals: true } },
      },
    }),
    db.claim.count({ where }),
    db.claim.groupBy({ by: ["subclass"], where: { matterId }, _count: true }),
  ]);
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { slug: true, claimForm: true } });
  // Staff give this address to class members (notices, press); it exists only with a claim form.
  const publicAddress = matter.claimForm ? `${appUrl}/claim/${matter.slug}` : null;
  return { rows, total, filters, publicAddress, subclasses: subclasses.map((s) => s.subclass).filter((s): s is string => !!s) };
}
