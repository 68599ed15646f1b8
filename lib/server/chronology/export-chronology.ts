import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import { DATE_PRECISION_LABELS, formatFactPeriod, isoDay } from "@/lib/chronology/dates";
import { generatedLine } from "@/lib/reports/papers";
import { parseInput } from "@/lib/schemas/parse";
import { ZChronologyExport } from "@/lib/schemas/chronology";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { loadFacts, type FactRow } from "@/lib/server/chronology/list-chronology";
import { db } from "@/lib/server/db";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { renderTablePdf } from "@/lib/server/reports/pdf-table";

export const CHRONOLOGY_HEADER = ["Date", "Start", "End", "Precision", "Fact", "Sources", "Elements", "Tags", "Disputed", "Disputed by", "Why disputed", "Added by"];

const sourcesCell = (f: FactRow) => (f.unsupported ? "UNSUPPORTED (no source)" : f.sources.map((s) => s.label).join("; "));
const disputedCell = (f: FactRow) => (f.disputed ? "Disputed" : "");

// The chronology as a CSV or a PDF, with the page's filters. A fact whose only sources are
// privileged exhibits is left out unless an attorney includes it: the paper may reach the other side.
export async function exportChronology(actor: Actor, matterId: string, format: "csv" | "pdf", input: unknown = {}): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const { includePrivileged, ...query } = parseInput(ZChronologyExport, input);
  if (includePrivileged) await requirePermission(actor, matterId, "chronology.include-privileged");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { slug: true, caption: true, docketNumber: true, court: true } });
  const all = await loadFacts(matterId, query);
  const privilegedOnly = all.filter((f) => f.privilegedOnly).length;
  const facts = includePrivileged ? all : all.filter((f) => !f.privilegedOnly);

  return db.$transaction(async (tx) => {
    const recorded = await appendAudit(tx, actor, {
      matterId,
      action: "chronology.export",
      entityId: matterId,
      details: { format, count: facts.length, privilegedOnly, privilegedIncluded: Boolean(includePrivileged) },
    });
    const generated = generatedLine([recorded]);
    const stem = `${matter.slug}-chronology`;
    const left = !includePrivileged && privilegedOnly ? `${privilegedOnly} fact${privilegedOnly === 1 ? "" : "s"} proven only by privileged exhibits left out.` : null;
    if (format === "csv") {
      const rows = facts.map((f) => [
        formatFactPeriod(f.startDate, f.endDate, f.precision),
        isoDay(f.startDate),
        f.endDate ? isoDay(f.endDate) : "",
        DATE_PRECISION_LABELS[f.precision],
        f.description,
        sourcesCell(f),
        f.elements.map((e) => e.label).join(" "),
        f.tags.join(", "),
        disputedCell(f),
        f.disputedBy ?? "",
        f.disputeReason ?? "",
        f.createdBy,
      ]);
      const trailer = [[], [generated], ...(left ? [[left]] : [])];
      return { body: Buffer.from(writeCsv("spreadsheet", CHRONOLOGY_HEADER, [...rows, ...trailer])), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
    }
    const body = await renderTablePdf({
      title: "CHRONOLOGY",
      subtitle: `${matter.caption} · No. ${matter.docketNumber} · ${matter.court}`,
      notice: left ? [left] : [],
      runningHead: `${matter.caption} · No. ${matter.docketNumber} · Chronology (continued)`,
      columns: [
        { header: "Date", width: 90 },
        { header: "Fact", width: 330 },
        { header: "Sources", width: 150 },
        { header: "Elements / tags", width: 90 },
        { header: "Disputed", width: 100 },
      ],
      rows: facts.map((f) => [
        formatFactPeriod(f.startDate, f.endDate, f.precision),
        f.description,
        sourcesCell(f),
        [f.elements.map((e) => e.label).join(" "), f.tags.join(", ")].filter(Boolean).join(" · "),
        f.disputed ? [f.disputedBy, f.disputeReason].filter(Boolean).join(": ") || "Disputed" : "",
      ]),
      pageFooter: generated,
    });
    return { body, contentType: "application/pdf", fileName: `${stem}.pdf` };
  });
}
