import "server-only";
import { v7 as uuidv7 } from "uuid";
import { parseInput } from "@/lib/schemas/parse";
import { ZCreateApiToken, type TCreateApiToken } from "@/lib/schemas/api-token";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { mintToken } from "@/lib/server/auth/api-token-secret";

// A personal access token for the JSON API. Each matter it names must be one the owner can read
// now (else 404, as for any matter they cannot see); membership is checked again on every use,
// so leaving a matter closes it to the token too. The token is returned once and never stored.
export async function createApiToken(actor: Actor, input: TCreateApiToken): Promise<{ id: string; token: string; expiresAt: Date }> {
  requireAccountPermission(actor, "account.tokens");
  const data = parseInput(ZCreateApiToken, input);
  for (const matterId of data.matterIds) await requirePermission(actor, matterId, "matter.read");
  const id = uuidv7();
  const { token, secretHash } = mintToken(id);
  const expiresAt = new Date(Date.now() + data.expiresInDays * 24 * 3600 * 1000);
  await db.$transaction(async (tx) => {
    await tx.apiToken.create({ data: { id, userId: actor.userId, name: data.name, secretHash, access: data.access, matterIds: data.matterIds, expiresAt } });
    await appendAudit(tx, actor, {
      matterId: null,
      action: "api-token.create",
      entityId: id,
      details: { name: data.name, access: data.access, matters: data.matterIds.length, expiresAt: expiresAt.toISOString() },
    });
  });
  return { id, token, expiresAt };
}
