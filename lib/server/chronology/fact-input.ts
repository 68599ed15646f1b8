import "server-only";
import { AppError } from "@/lib/app-error";
import { formatFactPeriod } from "@/lib/chronology/dates";
import type { TCreateFact, TUpdateFact } from "@/lib/schemas/chronology";
import type { Tx } from "@/lib/server/db";

type FactData = TCreateFact | TUpdateFact;

// The exhibit, allegation and elements a form names must be the matter's own: an id from another
// matter is refused by the field it came in, as if it did not exist.
export async function checkFactReferences(tx: Tx, matterId: string, data: FactData): Promise<void> {
  if (data.sourceExhibitId) {
    const exhibit = await tx.exhibit.findFirst({ where: { id: data.sourceExhibitId, matterId }, select: { pageCount: true } });
    if (!exhibit) throw AppError.validation({ sourceExhibitId: ["Unknown exhibit"] });
    if (data.sourcePage && exhibit.pageCount && data.sourcePage > exhibit.pageCount) {
      throw AppError.validation({ sourcePage: [`The exhibit has ${exhibit.pageCount} page${exhibit.pageCount === 1 ? "" : "s"}`] });
    }
  }
  if (data.sourceAllegationId) {
    const found = await tx.allegation.count({ where: { id: data.sourceAllegationId, matterId } });
    if (!found) throw AppError.validation({ sourceAllegationId: ["Unknown allegation"] });
  }
  const elementIds = [...new Set(data.elementIds)];
  if (elementIds.length) {
    const found = await tx.element.count({ where: { id: { in: elementIds }, count: { matterId } } });
    if (found !== elementIds.length) throw AppError.validation({ elementIds: ["Unknown element"] });
  }
}

// The sources a form sets: the exhibit at its page, and the allegation.
export function formSources(matterId: string, data: FactData) {
  return [
    ...(data.sourceExhibitId ? [{ matterId, kind: "EXHIBIT" as const, exhibitId: data.sourceExhibitId, page: data.sourcePage ?? null }] : []),
    ...(data.sourceAllegationId ? [{ matterId, kind: "ALLEGATION" as const, allegationId: data.sourceAllegationId }] : []),
  ];
}

export type FactSnapshotInput = {
  startDate: Date;
  endDate: Date | null;
  precision: "DAY" | "MONTH" | "YEAR" | "APPROXIMATE";
  description: string;
  tags?: string[];
  elementIds?: string[];
  disputed: boolean;
  disputedBy?: string | null;
  disputeReason?: string | null;
  sources?: { kind: string; exhibitId?: string | null; page?: number | null; allegationId?: string | null }[];
};

// What the audit log keeps of a fact: its date as read, and every field a person can change.
export function factSnapshot(f: FactSnapshotInput): Record<string, unknown> {
  return {
    date: formatFactPeriod(f.startDate, f.endDate, f.precision),
    precision: f.precision,
    description: f.description,
    tags: f.tags ?? [],
    elements: [...(f.elementIds ?? [])].sort(),
    disputed: f.disputed,
    disputedBy: f.disputedBy ?? null,
    disputeReason: f.disputeReason ?? null,
    sources: (f.sources ?? []).map((s) => [s.kind, s.exhibitId ?? s.allegationId ?? null, s.page ?? null].filter((x) => x !== null).join(":")),
  };
}
