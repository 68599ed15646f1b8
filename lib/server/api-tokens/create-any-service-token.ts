import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZCreateAnyServiceToken } from "@/lib/schemas/api-token";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { unsafeMintServiceToken } from "@/lib/server/api-tokens/service-tokens";

// An administrator's claim-feed token for any matter (they are on no team): the tokens page.
export async function createAnyServiceToken(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.service-tokens");
  const { matterId, ...data } = parseInput(ZCreateAnyServiceToken, input);
  if (!(await db.matter.findUnique({ where: { id: matterId }, select: { id: true } }))) throw AppError.validation({ matterId: ["Choose a matter from the list"] });
  return unsafeMintServiceToken(actor, matterId, data);
}
