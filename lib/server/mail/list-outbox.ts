import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAdmin } from "@/lib/server/auth/policy";

export async function listOutbox(actor: Actor, opts: { to?: string; take?: number } = {}) {
  requireAdmin(actor);
  return db.outboxMessage.findMany({
    where: opts.to ? { to: { contains: opts.to.toLowerCase() } } : {},
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
  });
}
