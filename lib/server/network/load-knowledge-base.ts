import "server-only";
import { KnowledgeBase, type KbFact } from "@/lib/analyzer/kb/knowledge-base";
import { SDK_SIGNATURES } from "@/lib/analyzer/kb/sdk-signatures";
import { CURATED_TRACKER_DOMAINS } from "@/lib/analyzer/kb/tracker-domains";
import { db } from "@/lib/server/db";

// The KB in force for a matter: rows in the database (staff additions and corrections, imports,
// the matter's own overrides) first, then Proofline's curated rows shipped with the code, so a
// stored row of the same layer and domain replaces the shipped one. Runs as the system (no actor):
// the analysis job and the suggestion list call it after their own authorisation.
export async function unsafeLoadKnowledgeBase(matterId: string): Promise<KnowledgeBase> {
  const rows = await db.trackerDomain.findMany({ where: { scope: { in: ["global", matterId] } }, orderBy: { domain: "asc" } });
  const stored: KbFact[] = rows.map((r) => ({
    domain: r.domain,
    organisation: r.organisation,
    parent: r.parent,
    country: r.country,
    category: r.category,
    source: r.source,
    checkedOn: r.checkedOn ? r.checkedOn.toISOString().slice(0, 10) : null,
    layer: r.layer,
    matterLocal: r.scope !== "global",
  }));
  return new KnowledgeBase([...stored, ...CURATED_TRACKER_DOMAINS], SDK_SIGNATURES);
}
