import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { unsafeServiceTokenRows } from "@/lib/server/api-tokens/service-tokens";

// Every matter's claim-feed tokens, for the administrators.
export async function listAnyServiceTokens(actor: Actor) {
  requireAccountPermission(actor, "admin.service-tokens");
  return unsafeServiceTokenRows();
}
