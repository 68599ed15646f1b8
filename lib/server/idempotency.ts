import "server-only";
import type { Tx } from "@/lib/server/db";

// Claims a form's submission key inside the creating transaction. Returns null when the key is
// new (go ahead and create `entityId`), or the id created by the first submit. A concurrent
// duplicate blocks on the key's unique index until the first commits, then sees its row.
export async function claimSubmissionKey(
  tx: Tx,
  args: { key: string; actorId: string | null; entityType: string; entityId: string },
): Promise<string | null> {
  // Scoped by actor and type, so nobody can learn another user's record through a reused key.
  const scoped = `${args.entityType}:${args.actorId ?? "anonymous"}:${args.key}`;
  const inserted = await tx.$executeRaw`
    INSERT INTO "SubmissionKey" (key, "actorId", "entityType", "entityId")
    VALUES (${scoped}, ${args.actorId}::uuid, ${args.entityType}, ${args.entityId})
    ON CONFLICT (key) DO NOTHING`;
  if (inserted === 1) return null;
  const existing = await tx.submissionKey.findUniqueOrThrow({ where: { key: scoped }, select: { entityId: true } });
  return existing.entityId;
}
