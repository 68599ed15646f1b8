import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZCreateServiceToken } from "@/lib/schemas/api-token";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { unsafeMintServiceToken } from "@/lib/server/api-tokens/service-tokens";

// A claim-feed token for this matter, made by one of its attorneys (settings page). It files
// claims through POST /api/v1/claims/<slug> and is refused everywhere else.
export async function createServiceToken(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "claims.feed-tokens");
  return unsafeMintServiceToken(actor, matterId, parseInput(ZCreateServiceToken, input));
}
