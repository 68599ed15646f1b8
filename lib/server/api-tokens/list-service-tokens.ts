import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { unsafeServiceTokenRows } from "@/lib/server/api-tokens/service-tokens";

// The matter's claim-feed tokens, newest first (never a secret).
export async function listServiceTokens(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "claims.feed-tokens");
  return unsafeServiceTokenRows({ matterIds: { has: matterId } });
}
