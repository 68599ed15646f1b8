import "server-only";
import { claimMilestoneFacts } from "@/lib/chronology/claim-milestones";
import { isoDay } from "@/lib/chronology/dates";
import { ZClaimFormDefinition } from "@/lib/schemas/claim-form";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { factSnapshot } from "@/lib/server/chronology/fact-input";
import { insertGeneratedFacts, type GeneratedFact } from "@/lib/server/chronology/insert-generated";
import { db } from "@/lib/server/db";

// "Add claim milestones": the settlement's dates (claim deadline from the claim form definition,
// opt-out and objection deadlines, final approval hearing) and claims filed per day in the matter's
// zone, each a fact whose source is claims administration. Running it again adds nothing twice; a
// date or a day's count that changed updates its fact (audited); a fact a person deleted stays deleted.
export async function addClaimMilestones(actor: Actor, matterId: string): Promise<{ created: number; updated: number; existing: number }> {
  await requirePermission(actor, matterId, "chronology.write");
  const matter = await db.matter.findUniqueOrThrow({
    where: { id: matterId },
    select: { timeZone: true, claimForm: true, claimDeadline: true, optOutDeadline: true, objectionDeadline: true, finalApprovalHearingAt: true },
  });
  const form = matter.claimForm ? ZClaimFormDefinition.safeParse(matter.claimForm) : null;
  // Only counts leave the database: no claim id, number or claimant field is read.
  const filed = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(("createdAt" AT TIME ZONE ${matter.timeZone})::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "Claim" WHERE "matterId" = ${matterId}::uuid GROUP BY 1 ORDER BY 1`;
  const facts = claimMilestoneFacts({
    timeZone: matter.timeZone,
    claimDeadline: form?.success ? form.data.claimDeadline : matter.claimDeadline ? isoDay(matter.claimDeadline) : null,
    optOutDeadline: matter.optOutDeadline ? isoDay(matter.optOutDeadline) : null,
    objectionDeadline: matter.objectionDeadline ? isoDay(matter.objectionDeadline) : null,
    finalApprovalHearingAt: matter.finalApprovalHearingAt,
    filedPerDay: filed,
  });
  const generated: GeneratedFact[] = facts.map((f) => ({
    key: f.key,
    startDate: f.startDate,
    endDate: null,
    precision: "DAY",
    description: f.description,
    source: { kind: "CLAIMS", milestone: f.milestone, claimCount: f.claimCount },
  }));

  return db.$transaction(async (tx) => {
    const { created, existing } = await insertGeneratedFacts(tx, matterId, actor.userId, generated);
    const fresh = new Set(created);
    const current = await tx.chronologyFact.findMany({
      where: { matterId, generatedKey: { in: generated.map((g) => g.key) }, deletedAt: null, id: { notIn: [...fresh] } },
      include: { sources: true, elements: true },
    });
    let updated = 0;
    for (const fact of current) {
      const want = generated.find((g) => g.key === fact.generatedKey)!;
      const source = fact.sources.find((s) => s.kind === "CLAIMS");
      const same =
        fact.startDate.getTime() === want.startDate.getTime() && fact.description === want.description && (source?.claimCount ?? null) === (want.source.claimCount ?? null);
      if (same && source) continue;
      updated += 1;
      await tx.chronologyFact.update({ where: { id: fact.id }, data: { startDate: want.startDate, endDate: null, precision: "DAY", description: want.description } });
      if (source) await tx.chronologySource.update({ where: { id: source.id }, data: { milestone: want.source.milestone, claimCount: want.source.claimCount ?? null } });
      else await tx.chronologySource.create({ data: { factId: fact.id, matterId, kind: "CLAIMS", milestone: want.source.milestone, claimCount: want.source.claimCount ?? null } });
      const elementIds = fact.elements.map((e) => e.elementId);
      await appendAudit(tx, actor, {
        matterId,
        action: "chronology.update",
        entityId: fact.id,
        details: {
          factId: fact.id,
          before: factSnapshot({ ...fact, elementIds }),
          after: factSnapshot({ ...fact, startDate: want.startDate, endDate: null, precision: "DAY", description: want.description, elementIds, sources: fact.sources.length ? fact.sources : [want.source] }),
        },
      });
    }
    await appendAudit(tx, actor, { matterId, action: "chronology.build", entityId: matterId, details: { from: "claims", created: created.length, existing: existing - updated, updated } });
    return { created: created.length, updated, existing: existing - updated };
  });
}
