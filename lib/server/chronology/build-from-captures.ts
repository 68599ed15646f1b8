import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import { CaptureAggregator } from "@/lib/chronology/capture-facts";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { insertGeneratedFacts } from "@/lib/server/chronology/insert-generated";
import { db } from "@/lib/server/db";

const PAGE = 5_000;

// One fact per capture, destination and day from each capture exhibit's latest finished
// analysis. Keyed on the capture exhibit, so building again (or after a re-analysis) adds
// only what is new.
export async function buildFromCaptures(actor: Actor, matterId: string): Promise<{ created: number; existing: number }> {
  await requirePermission(actor, matterId, "chronology.write");
  const analyses = await db.captureAnalysis.findMany({
    where: { matterId, status: "DONE" },
    orderBy: { createdAt: "desc" },
    distinct: ["exhibitId"],
    select: { id: true, exhibit: { select: { id: true, prefix: true, number: true } } },
  });
  const aggregator = new CaptureAggregator();
  for (const a of analyses) {
    const label = exhibitLabel(a.exhibit.prefix, a.exhibit.number);
    let after = -1;
    for (;;) {
      const page = await db.networkObservation.findMany({
        where: { analysisId: a.id, entryIndex: { gt: after } },
        orderBy: { entryIndex: "asc" },
        take: PAGE,
        select: { entryIndex: true, startedAt: true, host: true, registrableDomain: true, organisation: true, dataCategories: true },
      });
      for (const o of page) aggregator.add({ ...o, exhibitId: a.exhibit.id, exhibitLabel: label });
      if (page.length < PAGE) break;
      after = page.at(-1)!.entryIndex;
    }
  }
  const facts = aggregator.facts().map((f) => ({
    key: f.key,
    startDate: new Date(`${f.day}T00:00:00Z`),
    endDate: null,
    precision: "DAY" as const,
    description: f.description,
    source: { kind: "CAPTURE" as const, exhibitId: f.exhibitId, firstEntry: f.firstEntry, lastEntry: f.lastEntry, requestCount: f.requestCount },
  }));
  return db.$transaction(async (tx) => {
    const { created, existing } = await insertGeneratedFacts(tx, matterId, actor.userId, facts);
    await appendAudit(tx, actor, { matterId, action: "chronology.build", entityId: matterId, details: { from: "captures", created: created.length, existing } });
    return { created: created.length, existing };
  });
}
