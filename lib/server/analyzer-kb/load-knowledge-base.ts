import "server-only";
// The tracker knowledge base as an analysis sees it (curated rows, stored layers, a matter's
// overrides): read by the analyzers, the knowledge-base pages and the methodology appendix, so it
// sits in a domain of its own that depends on nothing but the database.
import { KnowledgeBase, type KbFact } from "@/lib/analyzer/kb/knowledge-base";
import { mergeSdkSignatures, SDK_SIGNATURES, type SdkSignature } from "@/lib/analyzer/kb/sdk-signatures";
import { CURATED_TRACKER_DOMAINS } from "@/lib/analyzer/kb/tracker-domains";
import { db } from "@/lib/server/db";

// The KB in force for a matter (or, with null, the global KB the admin page shows): rows in the
// database (staff additions and corrections, imports, the matter's own overrides) first, then
// Proofline's curated rows shipped with the code, so a stored row of the same layer and domain
// (or package prefix) replaces the shipped one. Runs as the system (no actor): the analysis job
// and the suggestion list call it after their own authorisation.
export async function unsafeLoadKnowledgeBase(matterId: string | null): Promise<KnowledgeBase> {
  const [rows, signatureRows] = await Promise.all([
    db.trackerDomain.findMany({ where: { scope: { in: matterId ? ["global", matterId] : ["global"] } }, orderBy: { domain: "asc" } }),
    db.sdkSignature.findMany({ orderBy: { prefix: "asc" } }),
  ]);
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
  const signatures: SdkSignature[] = signatureRows.map((s) => ({ prefix: s.prefix, organisation: s.organisation, sdk: s.sdk, category: s.category, layer: s.layer, source: s.source }));
  return new KnowledgeBase([...stored, ...CURATED_TRACKER_DOMAINS], mergeSdkSignatures([...signatures, ...SDK_SIGNATURES]));
}
