import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZRevokeApiToken } from "@/lib/schemas/api-token";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

// Ends a token at once (the next request with it gets 401). Only its owner can; anyone else's
// token is "not found". Revoking twice is a no-op, not an error.
export async function revokeApiToken(actor: Actor, input: unknown): Promise<void> {
  requireAccountPermission(actor, "account.tokens");
  const { tokenId } = parseInput(ZRevokeApiToken, input);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.userId, kind: "PERSONAL" }, select: { name: true, revokedAt: true } });
    if (!token) throw AppError.notFound("Token not found");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await appendAudit(tx, actor, { matterId: null, action: "api-token.revoke", entityId: tokenId, details: { name: token.name } });
  });
}
