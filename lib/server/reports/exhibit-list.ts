import "server-only";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { renderTablePdf } from "@/lib/server/reports/pdf-table";

export type ReportFile = { body: Buffer; contentType: string; fileName: string };

// The exhibit list in the AO 187 columns. Offered / marked / admitted are filled in at trial,
// so they are printed empty for the courtroom deputy and counsel to complete.
export async function exportExhibitList(actor: Actor, matterId: string, format: "csv" | "pdf"): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const exhibits = await db.exhibit.findMany({
    where: { matterId },
    orderBy: { number: "asc" },
    include: { productionItems: { orderBy: { batesStart: "asc" }, take: 1, include: { production: { select: { batesPrefix: true } } } } },
  });
  const rows = exhibits.map((e) => {
    const first = e.productionItems[0];
    return [
      exhibitLabel(e.prefix, e.number),
      "",
      "",
      "",
      [e.title, e.description].filter(Boolean).join(" — "),
      first ? batesRange(first.production.batesPrefix, first.batesStart, first.batesEnd) : "",
    ];
  });
  const header = ["Exhibit No.", "Date Offered", "Marked", "Admitted", "Description of Exhibits", "Bates Range"];
  await db.$transaction((tx) =>
    appendAudit(tx, actor, { matterId, action: "exhibit.export-list", entityId: matterId, details: { format, count: rows.length } }),
  );
  const stem = `${matter.slug}-exhibit-list`;
  if (format === "csv") return { body: Buffer.from(writeCsv("spreadsheet", header, rows)), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
  const body = await renderTablePdf({
    title: "Exhibit List (AO 187)",
    subtitle: `${matter.caption} · ${matter.court} · No. ${matter.docketNumber} · Plaintiffs' exhibits · generated ${new Date().toISOString().slice(0, 10)}`,
    columns: [
      { header: "Exhibit No.", width: 70 },
      { header: "Date Offered", width: 60 },
      { header: "Marked", width: 45 },
      { header: "Admitted", width: 50 },
      { header: "Description of Exhibits", width: 330 },
      { header: "Bates Range", width: 130 },
    ],
    rows,
  });
  return { body, contentType: "application/pdf", fileName: `${stem}.pdf` };
}
