import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";

export async function listOutbox(actor: Actor, opts: { to?: string; take?: number } = {}) {
  requireAccountPermission(actor, "admin.outbox");
  return db.outboxMessage.findMany({
    where: opts.to ? { to: { contains: opts.to.toLowerCase() } } : {},
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
  });
}
