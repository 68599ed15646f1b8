import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { canonicalAuditAction, describeAuditEvent } from "@/lib/audit/events";
import { exhibitLabel } from "@/lib/bates/format";
import { BLANK, certificationGaps, generatedLine, utcStamp } from "@/lib/reports/papers";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { renderTableDocx } from "@/lib/server/reports/docx-table";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { renderTablePdf, type Column } from "@/lib/server/reports/pdf-table";

const ZCertification = z
  .object({ exhibitIds: z.array(z.uuid("Unknown exhibit")).min(1, "Choose at least one exhibit").max(500, "At most 500 exhibits per certification") })
  .strict();

export type CertificationFormat = "pdf" | "docx";

const COLUMNS: Column[] = [
  { header: "Exhibit", width: 55 },
  { header: "File name", width: 110 },
  { header: "Size (bytes)", width: 60 },
  { header: "SHA-256 hash value", width: 250 },
  { header: "Date collected", width: 70 },
  { header: "Collected by", width: 90 },
  { header: "Ingest recorded (audit event)", width: 110 },
];

// A DRAFT FRE 902(14) certification: identifies each file by its SHA-256 ("hash value") and
// states its custody, for a qualified person to review, complete and sign. It states only what
// was recorded: a date collected or collector nobody entered is a blank with a warning — never
// the upload date or the uploader, who are often not the person who collected the file.
export async function exportCertification(actor: Actor, matterId: string, input: unknown, format: CertificationFormat = "pdf"): Promise<ReportFile> {
  await requirePermission(actor, matterId, "exhibits.certify");
  const { exhibitIds } = parseInput(ZCertification, input);
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const exhibits = await db.exhibit.findMany({ where: { matterId, id: { in: exhibitIds } }, include: { blob: true }, orderBy: { number: "asc" } });
  if (exhibits.length !== new Set(exhibitIds).size) throw AppError.notFound("One of the chosen exhibits was not found in this matter.");
  const events = await db.auditEvent.findMany({
    where: { matterId, entityType: "Exhibit", entityId: { in: exhibits.map((e) => e.id) } },
    include: { actor: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const ingestOf = (exhibitId: string) =>
    events.find((ev) => ev.entityId === exhibitId && canonicalAuditAction(ev.action) === "exhibit.upload" && !(ev.details as { duplicate?: boolean }).duplicate);

  const rows = exhibits.map((e) => {
    const ingest = ingestOf(e.id);
    return [
      exhibitLabel(e.prefix, e.number),
      e.originalFilename,
      Number(e.blob.size).toLocaleString("en-US"),
      e.blobSha256,
      e.obtainedAt ? e.obtainedAt.toISOString().slice(0, 10) : BLANK,
      e.collectedBy?.trim() ? e.collectedBy : BLANK,
      ingest ? `#${ingest.id}, ${utcStamp(ingest.at)}` : "No ingest event recorded",
    ];
  });
  const gaps = exhibits.map((e) => ({ label: exhibitLabel(e.prefix, e.number), missing: certificationGaps(e) })).filter((g) => g.missing.length > 0);
  const notice = gaps.length
    ? [
        `NOT READY TO SIGN: these facts were not recorded and are left blank (${BLANK}) to be completed by the person who knows them:`,
        ...gaps.map((g) => `${g.label}: ${g.missing.join(", ")}`),
      ]
    : [];
  const custody = exhibits.flatMap((e) => [
    `Custody of ${exhibitLabel(e.prefix, e.number)} (from the audit log):`,
    ...events
      .filter((ev) => ev.entityId === e.id)
      .map((ev) => `   #${ev.id}  ${utcStamp(ev.at)} — ${describeAuditEvent(ev).label} — ${ev.actor?.name ?? "system"}${ev.ip ? ` (${ev.ip})` : ""}`),
  ]);

  // The paper names the audit events that record its own generation, so they are written first,
  // in the transaction that renders it: no paper without its events, no events without a paper.
  return db.$transaction(async (tx) => {
    const recorded = [];
    for (const e of exhibits) {
      recorded.push(
        await appendAudit(tx, actor, { matterId, action: "exhibit.certify", entityId: e.id, details: { sha256: e.blobSha256, format, missing: certificationGaps(e) } }),
      );
    }
    const paper = {
      title: "DRAFT — Certification under Fed. R. Evid. 902(14)",
      subtitle: `${matter.caption} · ${matter.court} · No. ${matter.docketNumber} · Data copied from an electronic device, storage medium, or file`,
      notice,
      columns: COLUMNS,
      rows,
      footer: [
        "I, ______________________, declare as follows:",
        "1. I am qualified by training and experience to identify electronic data by its hash value. I am a custodian of the files listed above or otherwise a qualified person within the meaning of Fed. R. Evid. 902(11) and 902(14).",
        "2. Each file listed above was copied and preserved by a process of digital identification: on receipt, its SHA-256 hash value was computed and recorded, and the file was stored unaltered. Each time it was viewed, downloaded or produced, its hash value was computed again and matched the value recorded above.",
        "3. A copy whose SHA-256 hash value matches the value listed above is an identical copy of the file as collected.",
        ...custody,
        "I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.",
        "Executed on ______________ at ______________________.        Signature: ______________________________",
        `DRAFT for review by counsel; not a filed document until completed and signed. ${generatedLine(recorded)}`,
      ],
      pageFooter: generatedLine(recorded),
    };
    const stem = `${matter.slug}-fre-902-14-certification`;
    if (format === "docx") {
      return {
        body: await renderTableDocx(paper),
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        fileName: `${stem}.docx`,
      };
    }
    return { body: await renderTablePdf({ ...paper, landscape: true }), contentType: "application/pdf", fileName: `${stem}.pdf` };
  });
}
