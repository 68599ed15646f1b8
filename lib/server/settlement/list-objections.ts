import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZResponseListQuery } from "@/lib/schemas/settlement-response";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { RESPONSES_PAGE_SIZE } from "@/lib/server/settlement/list-opt-outs";

// The matter's objections, newest first; "flagged" keeps those by someone who opted out.
export async function listObjections(actor: Actor, matterId: string, rawQuery: unknown) {
  const access = await requirePermission(actor, matterId, "objections.read");
  const query = parseInput(ZResponseListQuery, rawQuery);
  const where: Prisma.ObjectionWhereInput = {
    matterId,
    ...(query.q
      ? { OR: [{ fullName: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }, { number: { contains: query.q.toUpperCase() } }] }
      : {}),
    ...(query.flagged ? { optOutId: { not: null } } : {}),
  };
  const [rows, total, matter] = await Promise.all([
    db.objection.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RESPONSES_PAGE_SIZE,
      skip: (query.page - 1) * RESPONSES_PAGE_SIZE,
      select: {
        id: true, number: true, fullName: true, email: true, state: true, represented: true, counselName: true, appearAtHearing: true, timely: true,
        documentSha256: true, createdAt: true, optOut: { select: { number: true, status: true } },
      },
    }),
    db.objection.count({ where }),
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { objectionDeadline: true, finalApprovalHearingAt: true, timeZone: true } }),
  ]);
  return { rows, total, query, access, deadline: matter.objectionDeadline, hearingAt: matter.finalApprovalHearingAt, timeZone: matter.timeZone };
}
