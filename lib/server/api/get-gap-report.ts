import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";

// The gap report for scripts: the rows of the Reports page (every allegation not SUPPORTED, or
// flagged by a person) with their elements and open evidence requests, in complaint order.
export async function getGapReportForApi(actor: Actor, matterId: string) {
  const { generatedAt, rows } = await getGapReport(actor, matterId);
  return {
    generatedAt: generatedAt.toISOString(),
    gaps: rows.map((r) => ({
      id: r.id,
      paragraph: r.paragraph,
      kind: r.kind,
      text: r.text,
      status: r.status,
      flag: r.flagSeverity ? { severity: r.flagSeverity, reason: r.flagReason } : null,
      destinationHost: r.destinationHost,
      destinationCountry: r.destinationCountry,
      elements: r.elements,
      openRequests: r.requests,
    })),
  };
}
