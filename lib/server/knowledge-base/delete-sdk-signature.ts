import "server-only";
import { AppError } from "@/lib/app-error";
import { ZKbRowRef } from "@/lib/schemas/knowledge-base";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// Removes a stored SDK signature of any layer; the curated ones ship with the code.
export async function deleteSdkSignature(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.kb");
  const { id } = parseInput(ZKbRowRef, input);
  return db.$transaction(async (tx) => {
    const row = await tx.sdkSignature.findUnique({ where: { id } });
    if (!row) throw AppError.notFound("That SDK signature no longer exists.");
    await tx.sdkSignature.delete({ where: { id } });
    await appendAudit(tx, actor, {
      matterId: null,
      action: "sdk-signature.delete",
      entityId: id,
      details: { prefix: row.prefix, layer: row.layer, before: { organisation: row.organisation, sdk: row.sdk, category: row.category, source: row.source } },
    });
    return row;
  });
}
