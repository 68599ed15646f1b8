import "server-only";
import { canonicalAuditAction } from "@/lib/audit/events";
import { BLANK, generatedLine, utcStamp } from "@/lib/reports/papers";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { renderTableDocx } from "@/lib/server/reports/docx-table";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { loadAnalysisForPaper, type AnalysisForPaper } from "@/lib/server/reports/load-analysis";
import { renderTablePdf, type Column } from "@/lib/server/reports/pdf-table";

export type AnalysisPaperFormat = "pdf" | "docx";

// What a FRE 902(13) certification needs and Proofline does not record: who certifies, in what
// role, on what qualifications, and what they rely on for the process's accuracy.
export const ANALYSIS_CERTIFICATION_GAPS = ["certifier's name", "certifier's title", "certifier's qualifications", "basis for the process's accuracy"] as const;

const COLUMNS: Column[] = [
  { header: "Fact", width: 170 },
  { header: "As recorded", width: 380 },
];

// The counts a reader checks the result against: for a capture, its entries and what the
// analyzer made of them; for a package, its DEX code and what matched.
export async function analysisCounts(a: AnalysisForPaper): Promise<[string, string][]> {
  if (a.kind === "capture") {
    const [withFindings, hosts, domains, organisations] = await Promise.all([
      db.networkObservation.count({ where: { analysisId: a.id, NOT: { dataCategories: { isEmpty: true } } } }),
      db.networkObservation.groupBy({ by: ["host"], where: { analysisId: a.id } }),
      db.networkObservation.groupBy({ by: ["registrableDomain"], where: { analysisId: a.id } }),
      db.networkObservation.groupBy({ by: ["organisation"], where: { analysisId: a.id, organisation: { not: null } } }),
    ]);
    return [
      ["HAR entries read", a.entryCount.toLocaleString("en-US")],
      ["Observations (HTTP(S) requests)", a.observationCount.toLocaleString("en-US")],
      ["Observations carrying detected data", withFindings.toLocaleString("en-US")],
      ["Destinations (distinct hosts)", hosts.length.toLocaleString("en-US")],
      ["Destinations (distinct registrable domains)", domains.filter((d) => d.registrableDomain).length.toLocaleString("en-US")],
      ["Organisations named by the knowledge base", organisations.length.toLocaleString("en-US")],
    ];
  }
  const f = a.findings;
  return [
    ["DEX files read", `${f.dexFiles.length} (${f.dexFiles.map((d) => d.name).join(", ") || "none"})`],
    ["Classes defined in them", f.dexFiles.reduce((n, d) => n + d.classCount, 0).toLocaleString("en-US")],
    ["Known SDKs matched (by package prefix)", `${f.sdks.length}${f.sdks.length ? ` (${f.sdks.map((s) => s.prefix).join(", ")})` : ""}`],
    ["Host names found in the code", f.hosts.length.toLocaleString("en-US")],
    ["Permissions requested", f.permissions.length.toLocaleString("en-US")],
  ];
}

// How the run came to be: the audit event that asked for it (a re-analysis names its analysis;
// otherwise the exhibit's ingest queued it).
async function requestedBy(matterId: string, a: AnalysisForPaper): Promise<string> {
  const events = await db.auditEvent.findMany({ where: { matterId, entityType: "Exhibit", entityId: a.exhibit.id }, include: { actor: { select: { name: true } } }, orderBy: { id: "asc" } });
  const rerun = events.find((e) => ["capture.reanalyze", "apk.reanalyze"].includes(canonicalAuditAction(e.action) ?? "") && (e.details as { analysisId?: string }).analysisId === a.id);
  if (rerun) return `Re-analysis requested by ${rerun.actor?.name ?? "the system"}, audit event #${rerun.id}, ${utcStamp(rerun.at)}`;
  const ingest = events.find((e) => canonicalAuditAction(e.action) === "exhibit.upload");
  return ingest ? `Queued on ingest of the exhibit, audit event #${ingest.id}, ${utcStamp(ingest.at)}` : "No audit event recorded";
}

const PROCESS = {
  capture:
    "The Proofline network-capture analyzer reads a HAR file (HTTP Archive 1.x) without replaying it: for each entry it records the request's method, host and time, the registrable domain (Public Suffix List), the organisation, parent and country the tracker knowledge base gives that domain, the registration country of the server's address block (offline database), and the data categories found in the URL, query, headers, cookies and body by the detection rules and by searching for the matter's test-device values, each with where it was found and the rule that fired.",
  apk: "The Proofline app-package analyzer reads an Android package (APK) without running it: the binary AndroidManifest.xml (package, version, SDK levels, permissions), the classes each DEX file defines, matched to the knowledge base's SDK signatures by Java package prefix on package boundaries, the host names among the DEX string constants, and the SHA-256 of the signer's certificate. What it reports is code present in the package, not proof that the code ran.",
};

// A DRAFT FRE 902(13) certification of one analysis: the record is the analyzer's result, the
// process is the analyzer at the recorded version over the recorded knowledge base. It states
// only recorded facts; the certifier and their qualifications are blanks with a warning.
export async function exportAnalysisCertification(actor: Actor, matterId: string, analysisId: string, format: AnalysisPaperFormat = "pdf"): Promise<ReportFile> {
  await requirePermission(actor, matterId, "exhibits.certify");
  const a = await loadAnalysisForPaper(matterId, analysisId);
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const counts = await analysisCounts(a);
  const origin = await requestedBy(matterId, a);
  const what = a.kind === "apk" ? "app package (APK)" : "network capture (HAR)";

  const rows: string[][] = [
    ["Process or system", a.kind === "apk" ? "Proofline app-package analyzer (lib/analyzer/apk)" : "Proofline network-capture analyzer (lib/analyzer/har)"],
    ["Analyzer version", a.analyzerVersion],
    ["Knowledge base version", a.kbVersion ?? BLANK],
    ["Input exhibit", `${a.exhibit.label} — ${a.exhibit.title} (${a.exhibit.originalFilename}, ${Number(a.exhibit.size).toLocaleString("en-US")} bytes)`],
    ["Input SHA-256", a.inputSha256],
    ["Analysis id", a.id],
    ["How the run was requested", origin],
    ["Analysis started", a.startedAt ? utcStamp(a.startedAt) : BLANK],
    ["Analysis finished", a.finishedAt ? utcStamp(a.finishedAt) : BLANK],
    ...(a.kind === "capture" ? [["Test device whose values were sought", a.testDeviceLabel ?? "none recorded for the matter at the time of the run"]] : []),
    ...counts,
  ];
  const notice = [
    `NOT READY TO SIGN: these facts are not recorded by Proofline and are left blank (${BLANK}) to be completed by the person who certifies: ${ANALYSIS_CERTIFICATION_GAPS.join(", ")}.`,
  ];

  return db.$transaction(async (tx) => {
    const recorded = await appendAudit(tx, actor, {
      matterId,
      action: "analysis.certify",
      entityId: a.exhibit.id,
      details: { analysisId: a.id, analysisKind: a.kind, sha256: a.inputSha256, format, missing: [...ANALYSIS_CERTIFICATION_GAPS] },
    });
    const paper = {
      title: "DRAFT — Certification under Fed. R. Evid. 902(13)",
      subtitle: `${matter.caption} · ${matter.court} · No. ${matter.docketNumber} · Record generated by an electronic process or system that produces an accurate result`,
      notice,
      columns: COLUMNS,
      rows,
      footer: [
        `I, ${BLANK}, declare as follows:`,
        `1. I am ${BLANK} (title) and am qualified to certify the process described here by: ${BLANK} (qualifications).`,
        `2. The record is the result of the analysis of the ${what} listed above as ${a.exhibit.label}, identified by its SHA-256 hash value. Before the analysis ran, the stored file's SHA-256 was computed again and matched the value above.`,
        `3. The process: ${PROCESS[a.kind]}`,
        `4. The analyzer and knowledge-base versions above identify the code and the facts the process used; the analysis ran at the times above and produced the counts above.`,
        `5. The process produces an accurate result, on the following basis: ${BLANK}.`,
        "I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.",
        `Executed on ${BLANK} at ${BLANK}.        Signature: ______________________________`,
        `DRAFT for review by counsel; not a filed document until completed and signed. ${generatedLine([recorded])}`,
      ],
      pageFooter: generatedLine([recorded]),
    };
    const stem = `${matter.slug}-${a.exhibit.label.toLowerCase()}-fre-902-13-certification`;
    if (format === "docx") {
      return { body: await renderTableDocx(paper), contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName: `${stem}.docx` };
    }
    return { body: await renderTablePdf({ ...paper, landscape: false, fontSize: 9 }), contentType: "application/pdf", fileName: `${stem}.pdf` };
  });
}
