import "server-only";
import { AppError } from "@/lib/app-error";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { writeCsv } from "@/lib/csv/write-csv";
import { BLANK, blankIfMissing, generatedLine } from "@/lib/reports/papers";
import { parseInput } from "@/lib/schemas/parse";
import { ZExhibitListQuery } from "@/lib/schemas/reports";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { renderTablePdf } from "@/lib/server/reports/pdf-table";

export type ReportFile = { body: Buffer; contentType: string; fileName: string };

export const EXHIBIT_LIST_HEADER = ["Plf. No.", "Def. No.", "Date Offered", "Marked", "Admitted", "Description of Exhibits"];

// The exhibit list after form AO 187. Offered / marked / admitted are filled in at trial, so they
// are printed empty for the courtroom deputy and counsel to complete. Privileged exhibits are left
// out unless chosen, and only an attorney may choose them: their titles describe privileged work.
// `input` is the choice made on the exhibit-list page (lib/schemas/reports.ts).
export async function exportExhibitList(actor: Actor, matterId: string, format: "csv" | "pdf", input: unknown = {}): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const { exhibits: chosen, side } = parseInput(ZExhibitListQuery, input);
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const include = { productionItems: { orderBy: { batesStart: "asc" as const }, take: 1, include: { production: { select: { batesPrefix: true } } } } };

  let exhibits;
  if (chosen) {
    const found = await db.exhibit.findMany({ where: { matterId, number: { in: chosen } }, include });
    const byNumber = new Map(found.map((e) => [e.number, e]));
    const unknown = chosen.filter((n) => !byNumber.has(n));
    if (unknown.length) throw AppError.validation({ exhibits: [`No exhibit numbered ${unknown.join(", ")} in this matter`] });
    exhibits = chosen.map((n) => byNumber.get(n)!);
    if (exhibits.some((e) => e.privilege !== "NONE")) await requirePermission(actor, matterId, "exhibits.list-privileged");
  } else {
    exhibits = await db.exhibit.findMany({ where: { matterId, privilege: "NONE" }, orderBy: { number: "asc" }, include });
  }

  const rows = exhibits.map((e) => {
    const first = e.productionItems[0];
    const label = exhibitLabel(e.prefix, e.number);
    const bates = first ? ` (${batesRange(first.production.batesPrefix, first.batesStart, first.batesEnd)})` : "";
    return [side === "plaintiff" ? label : "", side === "defendant" ? label : "", "", "", "", `${[e.title, e.description].filter(Boolean).join(" — ")}${bates}`];
  });

  const missing = [
    ["presiding judge", matter.judge],
    ["plaintiff's attorneys", matter.plaintiffsCounsel],
    ["defendant's attorneys", matter.defendantsCounsel],
    ["trial date", matter.trialDate],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k as string);

  return db.$transaction(async (tx) => {
    const recorded = await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.export-list",
      entityId: matterId,
      details: {
        format,
        count: rows.length,
        side,
        exhibits: exhibits.map((e) => exhibitLabel(e.prefix, e.number)),
        privileged: exhibits.filter((e) => e.privilege !== "NONE").length,
      },
    });
    const generated = generatedLine([recorded]);
    const stem = `${matter.slug}-exhibit-list`;
    if (format === "csv") {
      // A trailing line, so the header stays the first row for whoever loads the file.
      return { body: Buffer.from(writeCsv("spreadsheet", EXHIBIT_LIST_HEADER, [...rows, [], [generated]])), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
    }
    const body = await renderTablePdf({
      title: "EXHIBIT LIST",
      subtitle: `After form AO 187 · ${side === "plaintiff" ? "Plaintiff's" : "Defendant's"} exhibits`,
      notice: missing.length ? [`Not recorded in Proofline, left blank (${BLANK}) to complete: ${missing.join(", ")}.`] : [],
      header: [
        [{ label: "United States District Court", value: matter.court }],
        [
          { label: "Case", value: matter.caption, width: 2 },
          { label: "Case number", value: matter.docketNumber },
        ],
        [
          { label: "Presiding judge", value: blankIfMissing(matter.judge) },
          { label: "Plaintiff's attorney", value: blankIfMissing(matter.plaintiffsCounsel) },
          { label: "Defendant's attorney", value: blankIfMissing(matter.defendantsCounsel) },
        ],
        [
          { label: "Trial date(s)", value: matter.trialDate ? matter.trialDate.toISOString().slice(0, 10) : BLANK },
          { label: "Court reporter", value: BLANK },
          { label: "Courtroom deputy", value: BLANK },
        ],
      ],
      runningHead: `${matter.caption} · No. ${matter.docketNumber} · Exhibit list (continued)`,
      columns: [
        { header: "Plf. No.", width: 60 },
        { header: "Def. No.", width: 60 },
        { header: "Date Offered", width: 60 },
        { header: "Marked", width: 50 },
        { header: "Admitted", width: 50 },
        { header: "Description of Exhibits", width: 420 },
      ],
      rows,
      pageFooter: generated,
    });
    return { body, contentType: "application/pdf", fileName: `${stem}.pdf` };
  });
}
