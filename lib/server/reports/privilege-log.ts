import "server-only";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { renderTablePdf } from "@/lib/server/reports/pdf-table";
import { EXHIBIT_KIND_LABELS, PRIVILEGE_LABELS } from "@/lib/schemas/exhibit";

export const PRIVILEGE_LOG_HEADER = ["Entry", "Exhibit No.", "Date", "Document Type", "Author", "Recipients", "Subject Matter", "Privilege Claimed", "Basis", "Bates Range"];

// FRCP 26(b)(5)(A): describes each withheld document enough to assess the claim without
// revealing what is privileged — so the subject matter is the exhibit's title, not its text.
export async function privilegeLogRows(matterId: string): Promise<string[][]> {
  const exhibits = await db.exhibit.findMany({
    where: { matterId, privilege: { not: "NONE" } },
    orderBy: { number: "asc" },
    include: { productionItems: { orderBy: { batesStart: "asc" }, take: 1, include: { production: { select: { batesPrefix: true } } } } },
  });
  return exhibits.map((e, i) => {
    const first = e.productionItems[0];
    return [
      String(i + 1),
      exhibitLabel(e.prefix, e.number),
      (e.documentDate ?? e.obtainedAt)?.toISOString().slice(0, 10) ?? "Undated",
      EXHIBIT_KIND_LABELS[e.kind],
      e.author ?? "",
      e.recipients ?? "",
      e.title,
      PRIVILEGE_LABELS[e.privilege],
      e.privilegeBasis ?? "",
      first ? batesRange(first.production.batesPrefix, first.batesStart, first.batesEnd) : "Withheld",
    ];
  });
}

export async function exportPrivilegeLog(actor: Actor, matterId: string, format: "csv" | "pdf"): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const rows = await privilegeLogRows(matterId);
  await db.$transaction((tx) =>
    appendAudit(tx, actor, { matterId, action: "exhibit.export-privilege-log", entityId: matterId, details: { format, count: rows.length } }),
  );
  const stem = `${matter.slug}-privilege-log`;
  if (format === "csv") return { body: Buffer.from(writeCsv("spreadsheet", PRIVILEGE_LOG_HEADER, rows)), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
  const body = await renderTablePdf({
    title: "Privilege Log — Fed. R. Civ. P. 26(b)(5)(A)",
    subtitle: `${matter.caption} · ${matter.court} · No. ${matter.docketNumber} · generated ${new Date().toISOString().slice(0, 10)}`,
    columns: [30, 60, 60, 70, 90, 110, 130, 75, 140, 90].map((width, i) => ({ header: PRIVILEGE_LOG_HEADER[i]!, width })),
    rows,
  });
  return { body, contentType: "application/pdf", fileName: `${stem}.pdf` };
}
