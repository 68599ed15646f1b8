import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { dayIn, exhibitDateDescription, exhibitFactKey } from "@/lib/chronology/generated-facts";
import { parseInput } from "@/lib/schemas/parse";
import { ZAddExhibitDate } from "@/lib/schemas/chronology";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { factSnapshot } from "@/lib/server/chronology/fact-input";
import { insertGeneratedFacts } from "@/lib/server/chronology/insert-generated";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import type { Permission } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/auth/policy";

// The gate first, then the exhibit inside that matter: another matter's exhibit is "not found".
async function findExhibitFor(actor: Actor, matterId: string, exhibitId: string, permission: Permission) {
  await requirePermission(actor, matterId, permission);
  return findExhibitInMatter(matterId, exhibitId);
}

export type ExhibitDateProposal = { dateKind: "obtained" | "document"; label: string; startDate: Date; description: string; factId: string | null; deleted: boolean };

// The dates an exhibit records, each proposed as a fact (known to the day, in the matter's time
// zone), and whether it is in the chronology already.
export async function proposeExhibitDates(actor: Actor, matterId: string, exhibitId: string): Promise<ExhibitDateProposal[]> {
  const exhibit = await findExhibitFor(actor, matterId, exhibitId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: exhibit.matterId }, select: { timeZone: true } });
  const label = exhibitLabel(exhibit.prefix, exhibit.number);
  const dates = [
    { dateKind: "obtained" as const, at: exhibit.obtainedAt, label: "Date obtained" },
    { dateKind: "document" as const, at: exhibit.documentDate, label: exhibit.kind === "EMAIL" ? "E-mail sent" : "Document date" },
  ].filter((d): d is typeof d & { at: Date } => d.at !== null);
  const existing = await db.chronologyFact.findMany({
    where: { matterId: exhibit.matterId, generatedKey: { in: dates.map((d) => exhibitFactKey(exhibit.id, d.dateKind)) } },
    select: { id: true, generatedKey: true, deletedAt: true },
  });
  return dates.map((d) => {
    const fact = existing.find((f) => f.generatedKey === exhibitFactKey(exhibit.id, d.dateKind));
    return {
      dateKind: d.dateKind,
      label: d.label,
      startDate: dayIn(d.at, matter.timeZone),
      description: exhibitDateDescription(d.dateKind, { ...exhibit, label }),
      factId: fact && !fact.deletedAt ? fact.id : null,
      deleted: Boolean(fact?.deletedAt),
    };
  });
}

// "Add to chronology" on an exhibit: one of its dates as a fact whose source is the exhibit.
// Adding the same date again finds the fact already there.
export async function addExhibitDate(actor: Actor, matterId: string, exhibitId: string, input: unknown): Promise<{ factId: string; created: boolean }> {
  const { dateKind } = parseInput(ZAddExhibitDate, input);
  await findExhibitFor(actor, matterId, exhibitId, "chronology.write");
  const proposal = (await proposeExhibitDates(actor, matterId, exhibitId)).find((p) => p.dateKind === dateKind);
  if (!proposal) throw AppError.validation({ dateKind: ["The exhibit records no such date"] });
  if (proposal.deleted) throw AppError.validation({ dateKind: ["This date was deleted from the chronology; add it by hand if it belongs there"] });
  if (proposal.factId) return { factId: proposal.factId, created: false };
  return db.$transaction(async (tx) => {
    const fact = { key: exhibitFactKey(exhibitId, dateKind), startDate: proposal.startDate, endDate: null, precision: "DAY" as const, description: proposal.description };
    const source = { kind: "EXHIBIT" as const, exhibitId };
    const { created } = await insertGeneratedFacts(tx, matterId, actor.userId, [{ ...fact, source }]);
    const factId = created[0];
    if (!factId) {
      const other = await tx.chronologyFact.findFirstOrThrow({ where: { matterId, generatedKey: fact.key }, select: { id: true } });
      return { factId: other.id, created: false };
    }
    await appendAudit(tx, actor, { matterId, action: "chronology.create", entityId: factId, details: { factId, from: "exhibit", after: factSnapshot({ ...fact, disputed: false, sources: [source] }) } });
    return { factId, created: true };
  });
}
