import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import { ALLEGATION_KIND_LABELS, FLAG_LABELS } from "@/lib/schemas/allegation";
import { romanNumeral } from "@/lib/schemas/count";
import type { Actor } from "@/lib/server/auth/actor";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";

export async function gapReportCsv(actor: Actor, matterId: string): Promise<{ filename: string; body: string }> {
  const report = await getGapReport(actor, matterId);
  const rows = report.rows.map((r) => [
    String(r.paragraph),
    r.status,
    r.flagSeverity ? `${FLAG_LABELS[r.flagSeverity]}: ${r.flagReason ?? ""}` : "",
    ALLEGATION_KIND_LABELS[r.kind],
    r.text,
    r.elements.map((e) => { const [c, p] = e.split("."); return `${romanNumeral(Number(c))}.${p}`; }).join(" "),
    [r.destinationHost, r.destinationCountry].filter(Boolean).join(" "),
    r.requests.map((q) => `${q.description}${q.assignee ? ` (${q.assignee})` : ""}${q.dueOn ? ` due ${q.dueOn}${q.overdue ? " OVERDUE" : ""}` : ""}`).join("; "),
  ]);
  const body = writeCsv("spreadsheet", ["Paragraph", "Status", "Flag", "Kind", "Allegation", "Elements", "Destination", "Open requests"], rows);
  const day = report.generatedAt.toISOString().slice(0, 10);
  return { filename: `gap-report-${report.matter.docketNumber.replace(/[^A-Za-z0-9-]/g, "_")}-${day}.csv`, body };
}
