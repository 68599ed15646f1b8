import "server-only";
import { findTextDates } from "@/lib/chronology/text-dates";
import { complaintPinCite } from "@/lib/complaint/labels";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { insertGeneratedFacts, type GeneratedFact } from "@/lib/server/chronology/insert-generated";
import { db } from "@/lib/server/db";

const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function complaintDateKey(allegationId: string, f: { startDate: Date; endDate: Date | null; precision: string }): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `complaint:${allegationId}:${day(f.startDate)}${f.endDate ? `..${day(f.endDate)}` : ""}:${f.precision}`;
}

// The dated facts the accepted ¶s of the matter's complaint imports name, each a fact sourced to
// its allegation at the ¶'s pin cite ("Compl. ¶ 37, 12:4"), with its precision. Only ¶s a person
// accepted into the ledger (and not since withdrawn) are read; building again adds what is new, and a date a person deleted
// stays deleted.
export async function proposeComplaintDates(matterId: string): Promise<GeneratedFact[]> {
  const accepted = await db.complaintProposal.findMany({
    where: { matterId, decision: "ACCEPTED", allegation: { is: { withdrawnAt: null } } },
    distinct: ["allegationId"],
    select: {
      allegation: { select: { id: true, matterId: true, paragraphLabel: true, paragraphSortKey: true, text: true, complaintPage: true, complaintLine: true, elements: { select: { elementId: true } } } },
    },
  });
  const allegations = accepted
    .map((p) => p.allegation)
    .filter((a): a is NonNullable<typeof a> => a !== null && a.matterId === matterId)
    .sort((a, b) => a.paragraphSortKey - b.paragraphSortKey);
  const facts: GeneratedFact[] = [];
  for (const a of allegations) {
    const pinCite = complaintPinCite(a.paragraphLabel, a.complaintPage, a.complaintLine);
    const seen = new Set<string>();
    for (const d of findTextDates(a.text)) {
      const key = complaintDateKey(a.id, d);
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({
        key,
        startDate: d.startDate,
        endDate: d.endDate,
        precision: d.precision,
        description: clip(`${d.sentence} (${pinCite})`),
        elementIds: a.elements.map((e) => e.elementId),
        source: { kind: "ALLEGATION", allegationId: a.id, pinCite },
      });
    }
  }
  return facts;
}

export async function buildFromComplaint(actor: Actor, matterId: string): Promise<{ created: number; existing: number }> {
  await requirePermission(actor, matterId, "chronology.write");
  const facts = await proposeComplaintDates(matterId);
  return db.$transaction(async (tx) => {
    const { created, existing } = await insertGeneratedFacts(tx, matterId, actor.userId, facts);
    await appendAudit(tx, actor, { matterId, action: "chronology.build", entityId: matterId, details: { from: "complaint", created: created.length, existing } });
    return { created: created.length, existing };
  });
}
