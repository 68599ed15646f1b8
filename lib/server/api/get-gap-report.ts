import "server-only";
import { ZGapListQuery } from "@/lib/schemas/api-v1";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";

// The gap report for scripts: the rows of the Reports page (every allegation not SUPPORTED, or
// flagged by a person) with their elements and open evidence requests, in complaint order, a page
// at a time (?limit=, ?cursor= from nextCursor), with the totals of the whole report.
export async function getGapReportForApi(actor: Actor, matterId: string, query: unknown) {
  // Authorised before the query is judged, so a caller who may not see the matter learns nothing
  // from which of its parameters are wrong.
  await requirePermission(actor, matterId, "matter.read");
  const { cursor, limit } = parseInput(ZGapListQuery, query);
  const { generatedAt, totals, rows, next } = await getGapReport(actor, matterId, { after: cursor, limit });
  return {
    generatedAt: generatedAt.toISOString(),
    totals,
    gaps: rows.map((r) => ({
      id: r.id,
      paragraph: r.paragraph,
      paragraphLabel: r.paragraphLabel,
      kind: r.kind,
      text: r.text,
      status: r.status,
      flag: r.flagSeverity ? { severity: r.flagSeverity, reason: r.flagReason } : null,
      destinationHost: r.destinationHost,
      destinationCountry: r.destinationCountry,
      elements: r.elements,
      openRequests: r.requests,
    })),
    nextCursor: next,
  };
}
