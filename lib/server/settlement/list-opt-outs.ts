import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZResponseListQuery } from "@/lib/schemas/settlement-response";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

export const RESPONSES_PAGE_SIZE = 50;

// The matter's requests for exclusion, newest first: searchable by name, e-mail or reference;
// "flagged" keeps those matching a claim or an objection by the same person.
export async function listOptOuts(actor: Actor, matterId: string, rawQuery: unknown) {
  const access = await requirePermission(actor, matterId, "opt-outs.read");
  const query = parseInput(ZResponseListQuery, rawQuery);
  const where: Prisma.OptOutWhereInput = {
    matterId,
    ...(query.q
      ? { OR: [{ fullName: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }, { number: { contains: query.q.toUpperCase() } }] }
      : {}),
    ...(query.flagged ? { OR: [{ matches: { some: {} } }, { objections: { some: {} } }] } : {}),
  };
  const [rows, total, matter] = await Promise.all([
    db.optOut.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RESPONSES_PAGE_SIZE,
      skip: (query.page - 1) * RESPONSES_PAGE_SIZE,
      select: {
        id: true, number: true, fullName: true, email: true, city: true, state: true, status: true, timely: true, createdAt: true,
        _count: { select: { matches: true, objections: true } },
      },
    }),
    db.optOut.count({ where }),
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { optOutDeadline: true, timeZone: true } }),
  ]);
  return { rows, total, query, access, deadline: matter.optOutDeadline, timeZone: matter.timeZone };
}
