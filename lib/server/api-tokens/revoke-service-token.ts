import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZRevokeApiToken } from "@/lib/schemas/api-token";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { unsafeRevokeServiceToken } from "@/lib/server/api-tokens/service-tokens";

// Any attorney of the matter may end its claim-feed tokens, whoever made them; another matter's
// token is "not found".
export async function revokeServiceToken(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "claims.feed-tokens");
  const { tokenId } = parseInput(ZRevokeApiToken, input);
  await unsafeRevokeServiceToken(actor, tokenId, matterId);
}
