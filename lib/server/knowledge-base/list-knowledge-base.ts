import "server-only";
import { SDK_SIGNATURES } from "@/lib/analyzer/kb/sdk-signatures";
import { CURATED_TRACKER_DOMAINS, type KbLayer, type TrackerCategory } from "@/lib/analyzer/kb/tracker-domains";
import { ZKbListFilters } from "@/lib/schemas/knowledge-base";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";

export type KbListRow = {
  // null: a curated row shipped with the code (read-only).
  id: string | null;
  domain: string;
  organisation: string;
  parent: string | null;
  country: string | null;
  category: TrackerCategory;
  source: string;
  checkedOn: string | null;
  layer: KbLayer;
  addedBy: string;
  // Whether this row is the one analyses use for its domain (ours outrank the imports).
  inForce: boolean;
};

export type SignatureListRow = { id: string | null; prefix: string; organisation: string; sdk: string; category: TrackerCategory | null; source: string; layer: KbLayer; addedBy: string; inForce: boolean };

const SHOWN = 1000;

// The merged global KB for the admin page: stored rows of every layer and the curated rows shipped
// with the code, each marked with whether it is the one in force, the global KB version, and the
// recent imports. A search matches domain, organisation or parent.
export async function listKnowledgeBase(actor: Actor, filters: unknown) {
  requireAccountPermission(actor, "admin.kb");
  // Filters come from the address bar: unreadable ones are ignored rather than refused.
  const parsed = ZKbListFilters.safeParse(filters ?? {});
  const { q, layer } = parsed.success ? parsed.data : {};
  const needle = q?.toLowerCase();
  const [kb, stored, storedSignatures, imports] = await Promise.all([
    unsafeLoadKnowledgeBase(null),
    db.trackerDomain.findMany({
      where: {
        scope: "global",
        ...(layer ? { layer } : {}),
        ...(q ? { OR: [{ domain: { contains: q, mode: "insensitive" } }, { organisation: { contains: q, mode: "insensitive" } }, { parent: { contains: q, mode: "insensitive" } }] } : {}),
      },
      orderBy: [{ domain: "asc" }, { layer: "asc" }],
      take: SHOWN + 1,
    }),
    db.sdkSignature.findMany({
      where: { ...(layer ? { layer } : {}), ...(q ? { OR: [{ prefix: { contains: q, mode: "insensitive" } }, { organisation: { contains: q, mode: "insensitive" } }] } : {}) },
      orderBy: [{ prefix: "asc" }, { layer: "asc" }],
      take: SHOWN + 1,
    }),
    db.kbImport.findMany({ orderBy: { createdAt: "desc" }, take: 10, select: { id: true, layer: true, fileName: true, sha256: true, rows: true, added: true, updated: true, unchanged: true, createdAt: true, createdById: true, errors: true } }),
  ]);
  const userIds = [...new Set([...stored, ...storedSignatures, ...imports].map((r) => r.createdById).filter((id): id is string => !!id))];
  const names = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const who = (id: string | null) => (id ? (names.get(id) ?? "a deleted account") : "—");

  const matches = (...fields: (string | null)[]) => !needle || fields.some((f) => f?.toLowerCase().includes(needle));
  const inForceDomain = (domain: string, layer: KbLayer, source: string, organisation: string) => {
    const hit = kb.lookup(domain);
    return !!hit && hit.domain === domain && hit.layer === layer && hit.source === source && hit.organisation === organisation;
  };
  const storedOurs = new Set(stored.filter((r) => r.layer === "OURS").map((r) => r.domain));
  const rows: KbListRow[] = [
    ...stored.slice(0, SHOWN).map((r) => ({
      id: r.id,
      domain: r.domain,
      organisation: r.organisation,
      parent: r.parent,
      country: r.country,
      category: r.category,
      source: r.source,
      checkedOn: r.checkedOn ? r.checkedOn.toISOString().slice(0, 10) : null,
      layer: r.layer,
      addedBy: who(r.createdById),
      inForce: inForceDomain(r.domain, r.layer, r.source, r.organisation),
    })),
    ...(layer && layer !== "OURS"
      ? []
      : CURATED_TRACKER_DOMAINS.filter((f) => matches(f.domain, f.organisation, f.parent)).map((f) => ({
          ...f,
          id: null,
          addedBy: "Proofline (shipped)",
          inForce: !storedOurs.has(f.domain) && inForceDomain(f.domain, f.layer, f.source, f.organisation),
        }))),
  ].sort((a, b) => a.domain.localeCompare(b.domain) || (a.id ? 0 : 1) - (b.id ? 0 : 1));

  const signatureInForce = new Map(kb.signatures.map((s) => [s.prefix, s]));
  const storedOursPrefixes = new Set(storedSignatures.filter((s) => s.layer === "OURS").map((s) => s.prefix));
  const signatures: SignatureListRow[] = [
    ...storedSignatures.slice(0, SHOWN).map((s) => ({
      id: s.id,
      prefix: s.prefix,
      organisation: s.organisation,
      sdk: s.sdk,
      category: s.category,
      source: s.source,
      layer: s.layer,
      addedBy: who(s.createdById),
      inForce: signatureInForce.get(s.prefix)?.source === s.source && (signatureInForce.get(s.prefix)?.layer ?? "OURS") === s.layer,
    })),
    ...(layer && layer !== "OURS"
      ? []
      : SDK_SIGNATURES.filter((s) => matches(s.prefix, s.organisation)).map((s) => ({
          id: null,
          prefix: s.prefix,
          organisation: s.organisation,
          sdk: s.sdk,
          category: s.category ?? null,
          source: "lib/analyzer/kb/sdk-signatures.ts",
          layer: "OURS" as const,
          addedBy: "Proofline (shipped)",
          inForce: !storedOursPrefixes.has(s.prefix) && signatureInForce.get(s.prefix)?.source === undefined,
        }))),
  ].sort((a, b) => a.prefix.localeCompare(b.prefix));

  return {
    version: kb.version,
    rows,
    signatures,
    truncated: stored.length > SHOWN || storedSignatures.length > SHOWN,
    imports: imports.map((i) => ({ ...i, refused: Array.isArray(i.errors) ? i.errors.length : 0, errors: undefined, by: who(i.createdById) })),
  };
}
