import "server-only";
import { db, type Tx } from "@/lib/server/db";

// Ends every session the user has anywhere: their cookies carry the old version (load-actor.ts).
export async function revokeSessions(userId: string, tx: Tx = db): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
