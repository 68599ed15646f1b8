import "server-only";
import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { DEFAULT_HAR_LIMITS } from "@/lib/analyzer/har/analyze-har";
import { firedRules, knownValueForms } from "@/lib/analyzer/methodology";
import { DEFAULT_ZIP_LIMITS } from "@/lib/analyzer/zip/bounded-zip";
import { BLANK, generatedLine } from "@/lib/reports/papers";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { analysisCounts } from "@/lib/server/reports/analysis-certification";
import { loadAnalysisForPaper } from "@/lib/server/reports/load-analysis";
import { renderSectionsPdf, type PaperSection } from "@/lib/server/reports/pdf-sections";

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toLocaleString("en-US")} MiB`;
const PART_LABEL: Record<Detection["part"], string> = { url: "URL path", query: "query", header: "header", cookie: "cookie", body: "request body" };

// The methodology appendix of one analysis: the rules that fired (with counts and one masked
// example each), the knowledge-base rows it relied on (with their source and checked-on date),
// the forms of the test device's values it searched for, its limits and its versions. Values are
// always masked: the appendix is for a reader of the method, not a copy of the data.
export async function exportMethodologyAppendix(actor: Actor, matterId: string, analysisId: string): Promise<ReportFile> {
  await requirePermission(actor, matterId, "matter.read");
  const a = await loadAnalysisForPaper(matterId, analysisId);
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId } });
  const kb = await unsafeLoadKnowledgeBase(matterId);
  const kbNote =
    a.kbVersion && a.kbVersion !== kb.version
      ? [`The knowledge base has changed since this run (run: ${a.kbVersion}; now: ${kb.version}). Organisations are as the run recorded them; source and checked-on are from the rows as they stand now.`]
      : [];
  const sections: PaperSection[] = [];
  let ruleCount = 0;

  const versions: PaperSection = {
    heading: "Versions and input",
    columns: [
      { header: "Fact", width: 170 },
      { header: "As recorded", width: 380 },
    ],
    rows: [
      ["Analyzer", `${a.kind === "apk" ? "Proofline app-package analyzer" : "Proofline network-capture analyzer"} ${a.analyzerVersion}`],
      ["Knowledge base", a.kbVersion ?? BLANK],
      ["Input", `${a.exhibit.label} (${a.exhibit.originalFilename}), SHA-256 ${a.inputSha256}`],
      ["Analysis", `${a.id}, finished ${a.finishedAt ? a.finishedAt.toISOString().replace("T", " ").slice(0, 19) + " UTC" : BLANK}`],
      ...(await analysisCounts(a)),
    ],
  };
  sections.push(versions);

  if (a.kind === "capture") {
    const observations = await db.networkObservation.findMany({
      where: { analysisId: a.id },
      select: { detections: true, kbDomain: true, organisation: true, country: true },
      orderBy: { entryIndex: "asc" },
    });
    const rules = firedRules(observations.flatMap((o) => o.detections as unknown as Detection[]));
    ruleCount = rules.length;
    sections.push({
      heading: "Detection rules that fired",
      intro: ["Each rule the analysis applied that found something, how many times, and the first place it did (entry, part of the request, path). Values are masked."],
      columns: [
        { header: "Rule", width: 95 },
        { header: "What it is", width: 150 },
        { header: "What it looks for", width: 170 },
        { header: "Hits", width: 35 },
        { header: "Example (entry · part · path · value)", width: 130 },
      ],
      rows: rules.map((r) => [r.ruleId, r.description, r.looksFor, r.hits.toLocaleString("en-US"), `entry ${r.example.entryIndex} · ${PART_LABEL[r.example.part]} · ${r.example.path} · ${r.example.masked}`]),
      empty: "No rule fired: no request carried a detected data category.",
    });
    const domains = new Map<string, { organisation: string | null; country: string | null; requests: number }>();
    for (const o of observations) {
      if (!o.kbDomain) continue;
      const row = domains.get(o.kbDomain) ?? { organisation: o.organisation, country: o.country, requests: 0 };
      row.requests++;
      domains.set(o.kbDomain, row);
    }
    sections.push({
      heading: "Knowledge-base rows used",
      intro: ["Each tracker fact a request was matched to: the domain suffix, the organisation the run recorded, the source of the fact and when a person checked it against that source (blank if never)."],
      columns: [
        { header: "Domain", width: 110 },
        { header: "Organisation (country)", width: 130 },
        { header: "Requests", width: 50 },
        { header: "Source", width: 200 },
        { header: "Checked on", width: 60 },
      ],
      rows: [...domains]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([domain, r]) => {
          const fact = kb.lookup(domain);
          return [domain, `${r.organisation ?? "—"}${r.country ? ` (${r.country})` : ""}`, r.requests.toLocaleString("en-US"), fact?.source ?? "row no longer in the knowledge base", fact?.checkedOn ?? BLANK];
        }),
      empty: "No request went to a domain the knowledge base names.",
    });
    const device = a.testDeviceLabel ? await db.testDevice.findFirst({ where: { matterId, label: a.testDeviceLabel } }) : null;
    sections.push({
      heading: "Known-value forms tried for the test device",
      intro: [
        a.testDeviceLabel
          ? `The run searched for the values recorded for the test device "${a.testDeviceLabel}". Shown from the device record as it stands now, masked; the number of forms of each searched for is in brackets.`
          : "No test device was recorded for the matter when this analysis ran: no known values were searched for.",
      ],
      columns: [
        { header: "Value", width: 110 },
        { header: "Recorded value (masked)", width: 130 },
        { header: "Forms searched for", width: 310 },
      ],
      rows: device ? knownValueForms(device).map((f) => [f.field, f.masked, f.forms]) : [],
      empty: a.testDeviceLabel ? "The test device's record is no longer there." : "None.",
    });
    sections.push({
      heading: "Limits",
      columns: [
        { header: "Limit", width: 200 },
        { header: "Value", width: 350 },
      ],
      rows: [
        ["Largest HAR entry parsed", `${mib(DEFAULT_HAR_LIMITS.maxEntryBytes)} per entry (a larger entry is reported, not parsed)`],
        ["Request body searched by the rules", `${mib(DEFAULT_HAR_LIMITS.maxBodyChars)} characters; a longer body is searched only for the test device's values and marked truncated`],
        ["Detections kept per request", DEFAULT_HAR_LIMITS.maxDetections.toLocaleString("en-US")],
        ["Nesting depth read in a body", DEFAULT_HAR_LIMITS.maxDepth.toLocaleString("en-US")],
        ["Compressed capture (.zhar) inflated size", mib(DEFAULT_HAR_LIMITS.maxInflatedBytes)],
      ],
    });
  } else {
    const f = a.findings;
    ruleCount = f.sdks.length;
    sections.push({
      heading: "SDK signatures that matched",
      intro: ["Each knowledge-base SDK signature (a Java package prefix) that classes in the package lie under, with the count of classes and an example and the DEX file that defines it. Code present in the package — not proof that it ran."],
      columns: [
        { header: "Prefix", width: 120 },
        { header: "SDK (organisation)", width: 150 },
        { header: "Classes", width: 45 },
        { header: "Example (DEX file · class)", width: 235 },
      ],
      rows: f.sdks.map((s) => [s.prefix, `${s.sdk} (${s.organisation})`, s.classCount.toLocaleString("en-US"), `${s.classDexFiles?.[0] || "DEX file not recorded by this analyzer version"} · ${s.classes[0] ?? "—"}`]),
      empty: "No class in the package lies under a known SDK prefix.",
    });
    const named = f.hosts.filter((h) => h.organisation);
    sections.push({
      heading: "Knowledge-base rows used",
      intro: ["Host names found in the package's code that the knowledge base names, with the source of the fact and when a person checked it (blank if never)."],
      columns: [
        { header: "Host in the code", width: 140 },
        { header: "Domain row", width: 100 },
        { header: "Organisation", width: 100 },
        { header: "Source", width: 150 },
        { header: "Checked on", width: 60 },
      ],
      rows: named.map((h) => {
        const fact = kb.lookup(h.host);
        return [h.host, fact?.domain ?? "—", h.organisation ?? "—", fact?.source ?? "row no longer in the knowledge base", fact?.checkedOn ?? BLANK];
      }),
      empty: "No host name in the code is in the knowledge base.",
    });
    sections.push({
      heading: "Known-value forms tried",
      columns: [{ header: "", width: 1 }],
      rows: [],
      empty: "Not applicable: a package analysis reads code and does not search for the test device's values.",
    });
    sections.push({
      heading: "Limits",
      columns: [
        { header: "Limit", width: 200 },
        { header: "Value", width: 350 },
      ],
      rows: [
        ["Entries in the archive", DEFAULT_ZIP_LIMITS.maxEntries.toLocaleString("en-US")],
        ["Total uncompressed size", mib(DEFAULT_ZIP_LIMITS.maxTotalUncompressedBytes)],
        ["Largest entry read (a DEX file)", mib(DEFAULT_ZIP_LIMITS.maxEntryBytes)],
        ["Compression ratio refused as a bomb", `over ${DEFAULT_ZIP_LIMITS.maxCompressionRatio}:1`],
        ["Example classes kept per SDK", "5"],
        ["What is read", "AndroidManifest.xml, top-level classes*.dex and the signature files; archives inside the package are not opened"],
      ],
    });
  }

  return db.$transaction(async (tx) => {
    const recorded = await appendAudit(tx, actor, { matterId, action: "analysis.methodology", entityId: a.exhibit.id, details: { analysisId: a.id, analysisKind: a.kind, sha256: a.inputSha256, rules: ruleCount } });
    const line = generatedLine([recorded]);
    const body = await renderSectionsPdf({
      title: `Methodology appendix — analysis of ${a.exhibit.label}`,
      subtitle: `${matter.caption} · No. ${matter.docketNumber} · ${a.kind === "apk" ? "App package (APK)" : "Network capture (HAR)"} analysis ${a.id}`,
      runningHead: `Methodology appendix — ${a.exhibit.label} — ${matter.caption}`,
      sections: [{ ...sections[0]!, intro: kbNote }, ...sections.slice(1)],
      footer: [line],
      pageFooter: line,
    });
    return { body, contentType: "application/pdf", fileName: `${matter.slug}-${a.exhibit.label.toLowerCase()}-methodology-appendix.pdf` };
  });
}
