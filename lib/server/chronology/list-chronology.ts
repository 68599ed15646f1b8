import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import { CLAIM_MILESTONE_LABELS, type ClaimMilestone } from "@/lib/chronology/claim-milestones";
import { lastDayCovered, type DatePrecisionValue } from "@/lib/chronology/dates";
import { elementLabel } from "@/lib/ledger/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChronologySourceKindValue, TChronologyQuery } from "@/lib/schemas/chronology";
import { ZChronologyQuery } from "@/lib/schemas/chronology";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

export type FactSourceRow = {
  kind: ChronologySourceKindValue;
  // "PX-0007 at 3", "PX-0007 entries 12–980", "Compl. ¶ 3", "Claims administration: claim deadline"
  label: string;
  // Where the proof is: the exhibit viewer at the page, the capture's entry, the allegation.
  href: string;
  privileged: boolean;
};

export type FactRow = {
  id: string;
  startDate: Date;
  endDate: Date | null;
  precision: DatePrecisionValue;
  description: string;
  tags: string[];
  elements: { id: string; label: string }[];
  disputed: boolean;
  disputedBy: string | null;
  disputeReason: string | null;
  generated: boolean;
  createdBy: string;
  createdAt: Date;
  sources: FactSourceRow[];
  // No source at all: shown with the ledger's "unsupported" status.
  unsupported: boolean;
  // Every source is a privileged exhibit: left out of papers unless an attorney includes it.
  privilegedOnly: boolean;
};

// A fact covers the days from its start to the last day its end (or start) covers at its
// precision; it is in the period when any of those days is.
function coversFrom(from: Date): Prisma.ChronologyFactWhereInput {
  const monthStart = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  const yearStart = new Date(Date.UTC(from.getUTCFullYear(), 0, 1));
  const reaches = (d: Date): Prisma.ChronologyFactWhereInput => ({ OR: [{ endDate: { gte: d } }, { endDate: null, startDate: { gte: d } }] });
  return {
    OR: [
      { precision: "DAY", ...reaches(from) },
      { precision: "MONTH", ...reaches(monthStart) },
      { precision: { in: ["YEAR", "APPROXIMATE"] }, ...reaches(yearStart) },
    ],
  };
}

// `countElements`: the elements of the count a "count:<id>" filter names.
export function chronologyWhere(matterId: string, q: TChronologyQuery, countElements: readonly string[] = []): Prisma.ChronologyFactWhereInput {
  const and: Prisma.ChronologyFactWhereInput[] = [{ matterId, deletedAt: null }];
  if (q.from) and.push(coversFrom(new Date(`${q.from}T00:00:00Z`)));
  if (q.to) and.push({ startDate: { lte: new Date(`${q.to}T00:00:00Z`) } });
  if (q.source === "NONE" || q.unsupported) and.push({ sources: { none: {} } });
  else if (q.source) and.push({ sources: { some: { kind: q.source } } });
  if (q.tag) and.push({ tags: { has: q.tag } });
  if (q.disputed) and.push({ disputed: q.disputed === "yes" });
  if (q.element?.startsWith("element:")) and.push({ elements: { some: { elementId: q.element.slice(8) } } });
  if (q.element?.startsWith("count:")) and.push({ elements: { some: { elementId: { in: [...countElements] } } } });
  return { AND: and };
}

export async function listChronology(actor: Actor, matterId: string, raw: RawSearchParams | TChronologyQuery) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const query = parseSearchParams(ZChronologyQuery, raw as RawSearchParams);
  const rows = await loadFacts(matterId, query);
  const tags = await db.$queryRaw<{ tag: string }[]>`
    SELECT DISTINCT unnest(tags) AS tag FROM "ChronologyFact" WHERE "matterId" = ${matterId}::uuid AND "deletedAt" IS NULL ORDER BY 1`;
  return { access, query, rows, tags: tags.map((t) => t.tag) };
}

// The facts a query selects, oldest first, with their sources resolved to labels and links.
export async function loadFacts(matterId: string, query: TChronologyQuery): Promise<FactRow[]> {
  const countElements = query.element?.startsWith("count:")
    ? (await db.element.findMany({ where: { countId: query.element.slice(6), count: { matterId } }, select: { id: true } })).map((e) => e.id)
    : [];
  const facts = await db.chronologyFact.findMany({
    where: chronologyWhere(matterId, query, countElements),
    orderBy: [{ startDate: query.dir === "desc" ? "desc" : "asc" }, { endDate: "asc" }, { id: "asc" }],
    include: { sources: { include: { exhibit: { select: { prefix: true, number: true, privilege: true } }, allegation: { select: { paragraphLabel: true, withdrawnAt: true } } } }, elements: true },
  });
  const userIds = [...new Set(facts.map((f) => f.createdById))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const elementIds = [...new Set(facts.flatMap((f) => f.elements.map((e) => e.elementId)))];
  const elements = new Map(
    (await db.element.findMany({ where: { id: { in: elementIds }, count: { matterId } }, include: { count: { select: { number: true } } } })).map((e) => [
      e.id,
      elementLabel(`${e.count.number}.${e.position}`),
    ]),
  );
  const base = `/matters/${matterId}`;
  const rows = facts.map((f): FactRow => {
    const sources = f.sources.map((s): FactSourceRow => {
      if (s.kind === "ALLEGATION" && s.allegation) {
        // A withdrawn ¶'s number may since belong to a new ¶: say which one the fact cites.
        const label = s.pinCite ?? `Compl. ¶ ${s.allegation.paragraphLabel}`;
        return { kind: "ALLEGATION", label: s.allegation.withdrawnAt ? `${label} (withdrawn)` : label, href: `${base}/allegations/${s.allegationId}`, privileged: false };
      }
      if (s.kind === "CLAIMS") {
        const what = CLAIM_MILESTONE_LABELS[s.milestone as ClaimMilestone] ?? "milestone";
        // Claims filed link to the claims list; settlement dates to where they are set.
        const href = s.milestone === "claims-filed" ? `${base}/claims` : `${base}/settings`;
        return { kind: "CLAIMS", label: `Claims administration: ${what}`, href, privileged: false };
      }
      const label = s.exhibit ? exhibitLabel(s.exhibit.prefix, s.exhibit.number) : "exhibit";
      const privileged = (s.exhibit?.privilege ?? "NONE") !== "NONE";
      if (s.kind === "CAPTURE") {
        const entries = s.firstEntry === s.lastEntry ? `entry ${s.firstEntry}` : `entries ${s.firstEntry}–${s.lastEntry}`;
        return { kind: "CAPTURE", label: `${label} ${entries}`, href: `${base}/exhibits/${s.exhibitId}#entry-${s.firstEntry}`, privileged };
      }
      return { kind: "EXHIBIT", label: s.page ? `${label} at ${s.page}` : label, href: `${base}/exhibits/${s.exhibitId}${s.page ? `?page=${s.page}` : ""}`, privileged };
    });
    return {
      id: f.id,
      startDate: f.startDate,
      endDate: f.endDate,
      precision: f.precision,
      description: f.description,
      tags: f.tags,
      elements: f.elements.map((e) => ({ id: e.elementId, label: elements.get(e.elementId) ?? "" })).filter((e) => e.label),
      disputed: f.disputed,
      disputedBy: f.disputedBy,
      disputeReason: f.disputeReason,
      generated: f.generatedKey !== null,
      createdBy: users.get(f.createdById) ?? "—",
      createdAt: f.createdAt,
      sources,
      unsupported: sources.length === 0,
      privilegedOnly: sources.length > 0 && sources.every((s) => s.privileged),
    };
  });
  return rows;
}

// The span the timeline draws: first start to last covered day.
export function timelineSpan(rows: readonly FactRow[]): { from: Date; to: Date } | null {
  if (!rows.length) return null;
  const from = new Date(Math.min(...rows.map((r) => r.startDate.getTime())));
  const to = new Date(Math.max(...rows.map((r) => lastDayCovered(r.endDate ?? r.startDate, r.precision).getTime())));
  return { from, to };
}
