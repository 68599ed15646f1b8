import "server-only";
import { v7 as uuidv7 } from "uuid";
import type { KbLayer, TrackerCategory } from "@/lib/analyzer/kb/tracker-domains";
import type { Tx } from "@/lib/server/db";

export type LayerDomainRow = { domain: string; organisation: string; parent: string | null; country: string | null; category: TrackerCategory; source: string; checkedOn: string | null };
export type LayerSignatureRow = { prefix: string; organisation: string; sdk: string; category: TrackerCategory | null; source: string };
export type WriteCounts = { added: number; updated: number; unchanged: number };

const BATCH = 1000;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const domainKey = (r: Omit<LayerDomainRow, "domain">) => JSON.stringify([r.organisation, r.parent, r.country, r.category, r.source, r.checkedOn]);
const signatureKey = (r: Omit<LayerSignatureRow, "prefix">) => JSON.stringify([r.organisation, r.sdk, r.category, r.source]);

// Upserts an import's rows into one global layer, keyed by layer + domain (or prefix): the same
// file imported twice adds nothing and changes nothing the second time. Rows already holding the
// same facts are left alone (their updatedAt and author stay), so the counts say what changed.
export async function writeLayerRows(tx: Tx, layer: KbLayer, userId: string, domains: LayerDomainRow[], signatures: LayerSignatureRow[] = []): Promise<WriteCounts> {
  const counts: WriteCounts = { added: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < domains.length; i += BATCH) {
    const batch = domains.slice(i, i + BATCH);
    const held = new Map(
      (await tx.trackerDomain.findMany({ where: { layer, scope: "global", domain: { in: batch.map((r) => r.domain) } } })).map((r) => [r.domain, domainKey({ ...r, checkedOn: day(r.checkedOn) })]),
    );
    const fresh = batch.filter((r) => !held.has(r.domain));
    const changed = batch.filter((r) => held.has(r.domain) && held.get(r.domain) !== domainKey(r));
    counts.unchanged += batch.length - fresh.length - changed.length;
    if (fresh.length) {
      counts.added += (
        await tx.trackerDomain.createMany({
          data: fresh.map((r) => ({ id: uuidv7(), layer, scope: "global", ...r, checkedOn: r.checkedOn ? new Date(`${r.checkedOn}T00:00:00Z`) : null, createdById: userId })),
        })
      ).count;
    }
    if (changed.length) {
      counts.updated += await tx.$executeRaw`
        UPDATE "TrackerDomain" t SET organisation = r->>'organisation', parent = r->>'parent', country = r->>'country',
          category = (r->>'category')::"TrackerCategory", source = r->>'source', "checkedOn" = (r->>'checkedOn')::date, "updatedAt" = now()
        FROM jsonb_array_elements(${JSON.stringify(changed)}::jsonb) r
        WHERE t.layer = ${layer}::"KbLayer" AND t.scope = 'global' AND t.domain = r->>'domain'`;
    }
  }
  for (let i = 0; i < signatures.length; i += BATCH) {
    const batch = signatures.slice(i, i + BATCH);
    const held = new Map((await tx.sdkSignature.findMany({ where: { layer, prefix: { in: batch.map((r) => r.prefix) } } })).map((r) => [r.prefix, signatureKey(r)]));
    const fresh = batch.filter((r) => !held.has(r.prefix));
    const changed = batch.filter((r) => held.has(r.prefix) && held.get(r.prefix) !== signatureKey(r));
    counts.unchanged += batch.length - fresh.length - changed.length;
    if (fresh.length) counts.added += (await tx.sdkSignature.createMany({ data: fresh.map((r) => ({ id: uuidv7(), layer, ...r, createdById: userId })) })).count;
    if (changed.length) {
      counts.updated += await tx.$executeRaw`
        UPDATE "SdkSignature" s SET organisation = r->>'organisation', sdk = r->>'sdk', category = (r->>'category')::"TrackerCategory", source = r->>'source', "updatedAt" = now()
        FROM jsonb_array_elements(${JSON.stringify(changed)}::jsonb) r
        WHERE s.layer = ${layer}::"KbLayer" AND s.prefix = r->>'prefix'`;
    }
  }
  return counts;
}
