import "server-only";
import { ZClaimListQuery } from "@/lib/schemas/api-v1";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { decodeCursor, encodeCursor } from "@/lib/server/api/cursor";
import { claimWhere } from "@/lib/server/claims/list-claims";

// The claims queue for scripts: the queue's filter (claimWhere) and columns — the claimant's
// name, e-mail and state, as the queue shows them to the team — oldest first, a page at a time
// after the last claim's id (ids are UUIDv7, so id order is filing order and never ties).
export async function listClaimsForApi(actor: Actor, matterId: string, query: unknown) {
  await requirePermission(actor, matterId, "matter.read");
  const { cursor, limit, status } = parseInput(ZClaimListQuery, query);
  const after = decodeCursor(cursor, ["uuid"] as const);
  const rows = await db.claim.findMany({
    where: { AND: [claimWhere(matterId, { status, page: 1 }), ...(after ? [{ id: { gt: after[0] } }] : [])] },
    orderBy: { id: "asc" },
    take: limit + 1,
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
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    claims: page.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      name: c.claimant.fullName,
      email: c.claimant.email,
      state: c.claimant.state,
      subclass: c.subclass,
      fraudScore: c.fraudScore,
      signals: c._count.signals,
      recommendation: c.recommendation,
      filedAt: c.createdAt.toISOString(),
      deficientAt: c.deficientAt?.toISOString() ?? null,
      deficiencyDueOn: c.deficiencyDueOn?.toISOString().slice(0, 10) ?? null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}
