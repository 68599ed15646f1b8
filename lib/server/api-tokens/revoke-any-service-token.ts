import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZRevokeApiToken } from "@/lib/schemas/api-token";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { unsafeRevokeServiceToken } from "@/lib/server/api-tokens/service-tokens";

// An administrator ends any matter's claim-feed token.
export async function revokeAnyServiceToken(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.service-tokens");
  const { tokenId } = parseInput(ZRevokeApiToken, input);
  await unsafeRevokeServiceToken(actor, tokenId, null);
}
