import "server-only";
import { batesRange } from "@/lib/bates/format";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { productionLogEntries } from "@/lib/server/exhibits/list-productions";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { renderTablePdf } from "@/lib/server/reports/pdf-table";

export const PRODUCTION_LOG_HEADER = [
  "Volume",
  "Production",
  "Produced To",
  "Date Produced",
  "Produced By",
  "Bates Range",
  "Documents",
  "Privileged",
  "Confidential",
  "FRE 502(d) Order",
  "Protective Order",
  "Privilege Override Reason",
  "ZIP SHA-256",
  "ZIP MD5",
  "Audit Event",
];

// What went to whom, when, under which orders — from the recorded productions only; a fact not
// recorded is a blank. The file names its own generation time and the audit event recording it.
export async function exportProductionLog(actor: Actor, matterId: string, format: "csv" | "pdf"): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const entries = await productionLogEntries(matterId);
  const rows = entries.map((p) => [
    p.volume ?? "",
    p.name,
    p.producedTo ?? "",
    p.createdAt.toISOString().slice(0, 10),
    p.createdBy.name,
    batesRange(p.batesPrefix, p.batesStart, p.batesEnd),
    String(p._count.items),
    String(p.privilegedItems),
    String(p.confidentialItems),
    p.fre502dOrder ?? "",
    p.protectiveOrder ?? "",
    p.privilegeOverrideReason ?? "",
    p.zipSha256 ?? "",
    p.zipMd5 ?? "",
    p.auditEventId === null ? "" : `#${p.auditEventId} production.create`,
  ]);
  const { id: eventId, at: generatedAt } = await db.$transaction((tx) =>
    appendAudit(tx, actor, { matterId, action: "production.export-log", entityId: matterId, details: { format, count: rows.length } }),
  );
  const provenance = `Generated ${generatedAt.toISOString()} from the recorded productions; recorded as audit event #${eventId} (production.export-log).`;
  const stem = `${matter.slug}-production-log`;
  if (format === "csv") {
    // The provenance line follows the table so the header stays the first row for a spreadsheet.
    const csv = writeCsv("spreadsheet", PRODUCTION_LOG_HEADER, [...rows, [], [provenance]]);
    return { body: Buffer.from(csv), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
  }
  const body = await renderTablePdf({
    title: "Production Log",
    subtitle: `${matter.caption} · ${matter.court} · No. ${matter.docketNumber} · ${provenance}`,
    columns: [50, 80, 90, 55, 60, 90, 40, 40, 45, 90, 90, 90, 95, 70, 60].map((width, i) => ({ header: PRODUCTION_LOG_HEADER[i]!, width })),
    rows,
  });
  return { body, contentType: "application/pdf", fileName: `${stem}.pdf` };
}
