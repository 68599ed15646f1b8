// The demo matter's chronology: a handful of facts from what the demo records (the matter's filing
// date, the named plaintiff's first use, the allegations' observed periods). Idempotent: each fact
// has a key, and a key already taken (even by a deleted fact) is left alone.
import { formatFactPeriod } from "../lib/chronology/dates";
import { allegationFactKey, allegationPeriodFact } from "../lib/chronology/generated-facts";
import { DATA_CATEGORY_LABELS } from "../lib/schemas/allegation";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { seedAudit } from "./seed-audit";

type SeedFact = {
  key: string;
  startDate: Date;
  endDate: Date | null;
  precision: "DAY" | "MONTH" | "YEAR" | "APPROXIMATE";
  description: string;
  tags: string[];
  exhibitId?: string;
  page?: number;
  allegationId?: string;
  elementIds: string[];
};

export async function seedChronology(db: PrismaClient, matterId: string, attorneyId: string): Promise<void> {
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const report = await db.exhibit.findFirst({ where: { matterId, originalFilename: "news-report-illustrative.pdf" }, select: { id: true } });
  const allegations = await db.allegation.findMany({ where: { matterId }, include: { dataTransfer: true, elements: { select: { elementId: true } } } });
  const byParagraph = new Map(allegations.map((a) => [a.paragraphLabel, a]));
  const plaintiff = await db.plaintiff.findFirst({ where: { matterId, name: "Misty Hong" } });
  const facts: SeedFact[] = [];
  const ref = (label: string) => {
    const a = byParagraph.get(label);
    return a ? { allegationId: a.id, elementIds: a.elements.map((e) => e.elementId) } : { elementIds: [] };
  };

  if (matter.filedOn) {
    facts.push({
      key: "seed:matter:filed",
      startDate: matter.filedOn,
      endDate: null,
      precision: "DAY",
      description: `Complaint filed: ${matter.caption}, ${matter.court}, No. ${matter.docketNumber}`,
      tags: ["procedural"],
      ...(report ? { exhibitId: report.id, page: 1 } : {}),
      elementIds: [],
    });
  }
  if (plaintiff?.firstUseFrom && plaintiff.firstUseTo) {
    facts.push({
      key: "seed:plaintiff:first-use",
      startDate: plaintiff.firstUseFrom,
      endDate: new Date(Date.UTC(plaintiff.firstUseTo.getUTCFullYear(), plaintiff.firstUseTo.getUTCMonth(), 1)),
      precision: "MONTH",
      description: `${plaintiff.name} downloads the TikTok app and never creates an account`,
      tags: ["account creation"],
      ...ref("10"),
    });
    // "Months later": recorded without a date or a source, so it shows as unsupported.
    facts.push({
      key: "seed:plaintiff:account-discovered",
      startDate: new Date(Date.UTC(plaintiff.firstUseFrom.getUTCFullYear(), 0, 1)),
      endDate: null,
      precision: "APPROXIMATE",
      description: `${plaintiff.name} discovers that TikTok created an account for her without her knowledge`,
      tags: ["account creation"],
      elementIds: [],
    });
  }
  for (const a of allegations) {
    const t = a.dataTransfer;
    if (!t) continue;
    const fact = allegationPeriodFact({
      paragraphLabel: a.paragraphLabel,
      destinationHost: t.destinationHost,
      recipientOrg: t.recipientOrg,
      categories: t.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]),
      observedFrom: t.observedFrom,
      observedTo: t.observedTo,
    });
    if (fact) facts.push({ ...fact, key: allegationFactKey(a.id), tags: ["data transfer"], ...ref(a.paragraphLabel) });
  }

  const taken = new Set((await db.chronologyFact.findMany({ where: { matterId, generatedKey: { in: facts.map((f) => f.key) } }, select: { generatedKey: true } })).map((f) => f.generatedKey));
  for (const f of facts) {
    if (taken.has(f.key)) continue;
    await db.$transaction(async (tx) => {
      const sources = [
        ...(f.exhibitId ? [{ kind: "EXHIBIT" as const, exhibitId: f.exhibitId, page: f.page ?? null }] : []),
        ...(f.allegationId ? [{ kind: "ALLEGATION" as const, allegationId: f.allegationId }] : []),
      ];
      const row = await tx.chronologyFact.create({
        data: {
          matterId,
          startDate: f.startDate,
          endDate: f.endDate,
          precision: f.precision,
          description: f.description,
          tags: f.tags,
          generatedKey: f.key,
          createdById: attorneyId,
          sources: { create: sources },
          elements: { create: [...new Set(f.elementIds)].map((elementId) => ({ elementId })) },
        },
      });
      await tx.auditEvent.create({
        data: {
          matterId,
          actorId: attorneyId,
          entityId: row.id,
          ...seedAudit("chronology.create", { factId: row.id, after: { date: formatFactPeriod(f.startDate, f.endDate, f.precision), description: f.description, precision: f.precision, tags: f.tags, sources: sources.map((s) => s.kind) }, source: "demo seed" }),
        },
      });
    });
  }
}
