import "server-only";
import { ZSaveSdkSignature } from "@/lib/schemas/knowledge-base";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

const snap = (s: { organisation: string; sdk: string; category: string | null; source: string }) => ({ organisation: s.organisation, sdk: s.sdk, category: s.category, source: s.source });

// Adds or corrects an SDK signature of our own layer (Java package prefix → organisation, SDK,
// category), keyed by the prefix so a second submit changes nothing.
export async function saveSdkSignature(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.kb");
  const data = parseInput(ZSaveSdkSignature, input);
  const fields = { organisation: data.organisation, sdk: data.sdk, category: data.category ?? null, source: data.source };
  return db.$transaction(async (tx) => {
    const key = { layer: "OURS" as const, prefix: data.prefix };
    const before = await tx.sdkSignature.findUnique({ where: { layer_prefix: key } });
    if (before && JSON.stringify(snap(before)) === JSON.stringify(snap(fields))) return { row: before, changed: false };
    const row = await tx.sdkSignature.upsert({ where: { layer_prefix: key }, update: fields, create: { ...key, ...fields, createdById: actor.userId } });
    await appendAudit(tx, actor, {
      matterId: null,
      action: "sdk-signature.save",
      entityId: row.id,
      details: { prefix: data.prefix, layer: "OURS", before: before ? snap(before) : null, after: snap(fields) },
    });
    return { row, changed: true };
  });
}
