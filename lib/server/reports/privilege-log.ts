import "server-only";
import { z } from "zod";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { writeCsv } from "@/lib/csv/write-csv";
import { generatedLine } from "@/lib/reports/papers";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { renderTablePdf } from "@/lib/server/reports/pdf-table";
import { EXHIBIT_KIND_LABELS, PRIVILEGE_LABELS } from "@/lib/schemas/exhibit";

export const PRIVILEGE_LOG_HEADER = [
  "Entry",
  "Exhibit No.",
  "Date",
  "Document Type",
  "Author",
  "Recipients",
  "Cc",
  "Subject",
  "Description",
  "Privilege Claimed",
  "Basis",
  "Bates Range",
];

// What extraction stored from an e-mail's MIME parts (extract-exhibit-text.ts).
const ZEmailAttachments = z.array(z.object({ fileName: z.string().nullable(), mediaType: z.string(), size: z.number(), sha256: z.string() }));

// FRCP 26(b)(5)(A): describes each withheld document enough to assess the claim without
// revealing what is privileged — so the description is the exhibit's title, not its text. Author,
// recipients, cc, date and subject of an e-mail come from its own headers (editable on the
// exhibit); a date nobody recorded stays blank rather than borrowing the date it was collected.
// Each file attached inside a privileged e-mail is a line of its own under the e-mail, unless it
// is an exhibit of its own (a child of the e-mail), which has its own entry.
export async function privilegeLogRows(matterId: string): Promise<string[][]> {
  const exhibits = await db.exhibit.findMany({
    where: { matterId, privilege: { not: "NONE" } },
    orderBy: { number: "asc" },
    include: {
      productionItems: { orderBy: { batesStart: "asc" }, take: 1, include: { production: { select: { batesPrefix: true } } } },
      parent: { select: { prefix: true, number: true } },
      children: { select: { blobSha256: true } },
    },
  });
  const rows: string[][] = [];
  let entry = 0;
  for (const e of exhibits) {
    entry++;
    const label = exhibitLabel(e.prefix, e.number);
    const first = e.productionItems[0];
    const date = e.documentDate?.toISOString().slice(0, 10) ?? "";
    const bates = first ? batesRange(first.production.batesPrefix, first.batesStart, first.batesEnd) : "Withheld";
    const type = e.parent ? `${EXHIBIT_KIND_LABELS[e.kind]} (attachment to ${exhibitLabel(e.parent.prefix, e.parent.number)})` : EXHIBIT_KIND_LABELS[e.kind];
    rows.push([String(entry), label, date, type, e.author ?? "", e.recipients ?? "", e.cc ?? "", e.subject ?? "", e.title, PRIVILEGE_LABELS[e.privilege], e.privilegeBasis ?? "", bates]);

    const parsed = ZEmailAttachments.safeParse(e.emailAttachments ?? []);
    const ownExhibits = new Set(e.children.map((c) => c.blobSha256));
    const inside = (parsed.success ? parsed.data : []).filter((a) => !ownExhibits.has(a.sha256));
    inside.forEach((a, i) => {
      const name = a.fileName ?? "(unnamed attachment)";
      rows.push([
        `${entry}.${i + 1}`,
        `${label} att. ${i + 1}`,
        date,
        `Attachment to e-mail ${label}`,
        e.author ?? "",
        e.recipients ?? "",
        e.cc ?? "",
        "",
        `${name} (${a.mediaType}, ${a.size.toLocaleString("en-US")} bytes)`,
        PRIVILEGE_LABELS[e.privilege],
        e.privilegeBasis ?? "",
        bates,
      ]);
    });
  }
  return rows;
}

export async function exportPrivilegeLog(actor: Actor, matterId: string, format: "csv" | "pdf"): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const rows = await privilegeLogRows(matterId);
  return db.$transaction(async (tx) => {
    const recorded = await appendAudit(tx, actor, { matterId, action: "exhibit.export-privilege-log", entityId: matterId, details: { format, count: rows.length } });
    const generated = generatedLine([recorded]);
    const stem = `${matter.slug}-privilege-log`;
    if (format === "csv") {
      // A trailing line, so the header stays the first row for whoever loads the file.
      const body = writeCsv("spreadsheet", PRIVILEGE_LOG_HEADER, [...rows, [], [generated]]);
      return { body: Buffer.from(body), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
    }
    const undated = rows.filter((r) => !r[0]!.includes(".") && r[2] === "").map((r) => r[1]!);
    const body = await renderTablePdf({
      title: "Privilege Log — Fed. R. Civ. P. 26(b)(5)(A)",
      notice: undated.length ? [`No document date recorded, left blank to complete: ${undated.join(", ")}.`] : [],
      subtitle: `${matter.caption} · ${matter.court} · No. ${matter.docketNumber}`,
      runningHead: `Privilege Log — ${matter.caption}, No. ${matter.docketNumber}`,
      columns: [36, 56, 60, 62, 100, 100, 88, 90, 100, 58, 94, 70].map((width, i) => ({ header: PRIVILEGE_LOG_HEADER[i]!, width })),
      rows,
      fontSize: 7,
      pageFooter: generated,
    });
    return { body, contentType: "application/pdf", fileName: `${stem}.pdf` };
  });
}
