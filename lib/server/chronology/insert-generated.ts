import "server-only";
import { v7 as uuidv7 } from "uuid";
import type { DatePrecisionValue } from "@/lib/chronology/dates";
import type { Tx } from "@/lib/server/db";

export type GeneratedFact = {
  key: string;
  startDate: Date;
  endDate: Date | null;
  precision: DatePrecisionValue;
  description: string;
  elementIds?: readonly string[];
  source: {
    kind: "EXHIBIT" | "ALLEGATION" | "CAPTURE" | "CLAIMS";
    exhibitId?: string;
    page?: number | null;
    allegationId?: string;
    firstEntry?: number;
    lastEntry?: number;
    requestCount?: number;
    pinCite?: string;
    milestone?: string;
    claimCount?: number | null;
  };
};

// Inserts the facts whose key the matter does not have yet (deleted ones included, so a rebuild
// does not bring back what a person removed). Concurrent builds meet on the unique key.
export async function insertGeneratedFacts(tx: Tx, matterId: string, createdById: string, facts: readonly GeneratedFact[]): Promise<{ created: string[]; existing: number }> {
  if (!facts.length) return { created: [], existing: 0 };
  const rows = facts.map((f) => ({ ...f, id: uuidv7() }));
  await tx.chronologyFact.createMany({
    data: rows.map((f) => ({
      id: f.id,
      matterId,
      startDate: f.startDate,
      endDate: f.endDate,
      precision: f.precision,
      description: f.description,
      generatedKey: f.key,
      createdById,
    })),
    skipDuplicates: true,
  });
  const inserted = new Set((await tx.chronologyFact.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } })).map((r) => r.id));
  const fresh = rows.filter((r) => inserted.has(r.id));
  if (fresh.length) {
    await tx.chronologySource.createMany({ data: fresh.map((r) => ({ ...r.source, factId: r.id, matterId })) });
    const elements = fresh.flatMap((r) => (r.elementIds ?? []).map((elementId) => ({ factId: r.id, elementId })));
    if (elements.length) await tx.chronologyFactElement.createMany({ data: elements, skipDuplicates: true });
  }
  return { created: fresh.map((r) => r.id), existing: rows.length - fresh.length };
}
