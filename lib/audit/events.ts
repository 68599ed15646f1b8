// The closed vocabulary of audit actions: for each, the entity it is about, the shape of its
// details (checked when the row is written), and how a person reads it. Pure, so pages and
// components render history with the same words the writers were held to.
import { z } from "zod";
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, DEFICIENCY_FIELD_LABELS, type TDeficiencyField } from "@/lib/schemas/claim";
import { formatCents } from "@/lib/distribution/plan";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/payments/payment-details";
import { FLAG_LABELS, FLAG_SEVERITIES } from "@/lib/schemas/allegation";
import { LINK_RELATION_LABELS, LINK_RELATIONS } from "@/lib/schemas/evidence";
import { KB_LAYERS } from "@/lib/analyzer/kb/tracker-domains";
import { KB_LAYER_LABELS } from "@/lib/schemas/knowledge-base";
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS, PRIVILEGE_LABELS, PRIVILEGES } from "@/lib/schemas/exhibit";

type Definition<S extends z.ZodType> = {
  entityType: string;
  label: string;
  schema: S;
  describe: (details: z.output<S>) => string;
};

function define<S extends z.ZodType>(definition: Definition<S>): Definition<S> {
  return definition;
}

// Rows the demo seed writes say so, since no person did what they record.
const seeded = { source: z.literal("demo seed").optional() };
const snapshot = z.record(z.string(), z.unknown());
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// Which suggestion a decision is about: the keys that survive re-analysis, and the ¶ and exhibit.
const SUGGESTION_REF = {
  allegationId: z.string(),
  paragraph: z.number().int(),
  exhibit: z.string(),
  exhibitSha256: sha256,
  entryIndex: z.number().int().nonnegative(),
  ruleId: z.string(),
};
const claimStatus = z.enum(CLAIM_STATUSES);
const flag = z.object({ severity: z.enum(FLAG_SEVERITIES), reason: z.string().nullable() }).strict();
const designation = z
  .object({ confidentiality: z.enum(CONFIDENTIALITIES), privilege: z.enum(PRIVILEGES), privilegeBasis: z.string().nullable() })
  .strict();
const exportFile = z.object({ format: z.enum(["csv", "pdf"]), count: z.number().int().nonnegative() }).strict();
// An exhibit list of chosen exhibits in a chosen order (AO 187): which ones, and how many of them
// are privileged (left out unless an attorney includes them).
const exhibitListFile = exportFile.extend({ exhibits: z.array(z.string()).optional(), privileged: z.number().int().nonnegative().optional(), side: z.enum(["plaintiff", "defendant"]).optional() }).strict();
const verifiedSend = z.object({ sha256, verified: z.literal(true) }).strict();
const integrityFailure = z
  .object({ expected: sha256, actual: sha256.nullable(), missing: z.boolean(), source: z.literal("integrity sweep").optional() })
  .strict();
// An issue tag on an exhibit or a page of it: which issue, by its name when tagged (a count or
// element may be reworded later), and the exhibit's number.
const issueTag = z
  .object({ number: z.string(), page: z.number().int().positive().nullable(), kind: z.enum(["count", "element", "tag"]), issueId: z.string(), issue: z.string() })
  .strict();
const savedSearch = z.object({ name: z.string(), q: z.string().nullable(), filters: snapshot, shared: z.boolean() }).strict();
// Every claim transition records where the claim stood and where it went (transition.ts).
const transition = { number: z.string(), from: claimStatus, to: claimStatus, note: z.string().nullable() };

function quote(s: unknown, max = 120): string {
  const text = String(s ?? "");
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

function cents(value: string): string {
  return formatCents(BigInt(value));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function sentence(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join(" ");
}

function shortHash(h: string | null): string {
  return h ? `${h.slice(0, 12)}…` : "—";
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : "none";
  if (typeof value === "object") return "changed";
  return quote(value, 60);
}

// "title: “A” → “B”; source: empty → “Kit”" for the fields that differ between two snapshots.
function changes(before: Record<string, unknown> | null, after: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
  if (!keys.length) return "Nothing changed.";
  return `${keys.map((k) => (before ? `${k}: ${show(before[k])} → ${show(after[k])}` : k)).join("; ")}.`;
}

function issueTagLabel(d: { kind: string; issue: string }): string {
  return d.kind === "tag" ? `tag ${quote(d.issue, 60)}` : `${d.kind} ${quote(d.issue, 80)}`;
}

function transitionSentence(d: { from: string; to: string; note: string | null }, extra?: string): string {
  const move = d.from === d.to ? `Stays ${statusLabel(d.to)}.` : `${statusLabel(d.from)} → ${statusLabel(d.to)}.`;
  return sentence(move, extra, d.note ? `Note: ${quote(d.note)}` : null);
}

function statusLabel(s: string): string {
  return (CLAIM_STATUS_LABELS as Record<string, string>)[s]?.toLowerCase() ?? s;
}

export const AUDIT_EVENTS = {
  "exhibit.upload": define({
    entityType: "Exhibit",
    label: "Uploaded",
    schema: z
      .object({
        number: z.string().optional(),
        fileName: z.string(),
        sha256,
        size: z.number().int().nonnegative(),
        mediaType: z.string().optional(),
        duplicate: z.literal(true).optional(),
        // What the uploader (or a bulk intake's load file) stated about the document when it was numbered.
        metadata: z
          .object({ title: z.string().optional(), source: z.string().optional(), custodian: z.string().optional(), obtainedAt: z.string().optional(), collectedBy: z.string().optional() })
          .strict()
          .optional(),
        // Numbered by a bulk intake: the batch and the file's path inside its ZIP.
        intake: z.object({ batchId: z.string(), path: z.string() }).strict().optional(),
        // An e-mail attachment: its parent's number; and the earlier exhibit with the same bytes.
        parent: z.string().optional(),
        duplicateOf: z.string().optional(),
        ...seeded,
      })
      .strict(),
    describe: (d) =>
      d.duplicate
        ? `Same bytes uploaded again as ${quote(d.fileName)}; no new exhibit.`
        : sentence(
            d.number ? `${d.number}:` : null,
            `${quote(d.fileName)}, ${plural(d.size, "byte")}${d.mediaType ? ` (${d.mediaType})` : ""}${d.metadata?.title ? `, titled ${quote(d.metadata.title)}` : ""}.`,
            d.intake ? `Bulk intake of ${quote(d.intake.path)}.` : null,
            d.parent ? `Attachment of ${d.parent}.` : null,
            d.duplicateOf ? `Duplicate of ${d.duplicateOf}.` : null,
          ),
  }),
  "exhibit.view": define({ entityType: "Exhibit", label: "Viewed", schema: verifiedSend, describe: () => "SHA-256 re-verified before sending." }),
  "exhibit.download": define({ entityType: "Exhibit", label: "Downloaded", schema: verifiedSend, describe: () => "SHA-256 re-verified before sending." }),
  "exhibit.update": define({
    entityType: "Exhibit",
    label: "Metadata changed",
    schema: z.object({ before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
  }),
  "exhibit.designate": define({
    entityType: "Exhibit",
    label: "Designation changed",
    schema: z.object({ before: designation, after: designation, reason: z.string() }).strict(),
    describe: (d) => {
      const parts: string[] = [];
      if (d.before.privilege !== d.after.privilege) {
        parts.push(`Privilege: ${PRIVILEGE_LABELS[d.before.privilege].toLowerCase()} → ${PRIVILEGE_LABELS[d.after.privilege].toLowerCase()}.`);
      }
      if (d.before.confidentiality !== d.after.confidentiality) {
        parts.push(`Confidentiality: ${CONFIDENTIALITY_LABELS[d.before.confidentiality].toLowerCase()} → ${CONFIDENTIALITY_LABELS[d.after.confidentiality].toLowerCase()}.`);
      }
      if (d.after.privilegeBasis && d.after.privilegeBasis !== d.before.privilegeBasis) parts.push(`Basis: ${quote(d.after.privilegeBasis)}.`);
      if (!parts.length) parts.push(`Unchanged: ${CONFIDENTIALITY_LABELS[d.after.confidentiality].toLowerCase()}, ${PRIVILEGE_LABELS[d.after.privilege].toLowerCase()}.`);
      return sentence(...parts, `Reason: ${quote(d.reason)}`);
    },
  }),
  "exhibit.produce": define({
    entityType: "Exhibit",
    label: "Produced",
    schema: z.object({ production: z.string(), productionId: z.string(), bates: z.string(), stampedSha256: sha256.nullable() }).strict(),
    describe: (d) => `In production ${quote(d.production)} as ${d.bates}${d.stampedSha256 ? ", Bates-stamped" : ""}.`,
  }),
  "exhibit.redact": define({
    entityType: "Exhibit",
    label: "Redacted copy made",
    // Never the redacted terms themselves: the audit log is kept forever and read widely.
    schema: z
      .object({
        redactedCopyId: z.string(),
        originalSha256: sha256,
        redactedSha256: sha256,
        redactions: z.array(
          z
            .object({
              // Absent on rows written before region redactions existed: those were all terms.
              kind: z.enum(["TERM", "REGION"]).optional(),
              reason: z.enum(["PRIVILEGE", "PII", "CONFIDENTIALITY"]),
              occurrences: z.number().int().nonnegative(),
              pages: z.array(z.number().int()),
            })
            .strict(),
        ),
        verified: z.literal(true),
        requestId: z.string().optional(),
      })
      .strict(),
    describe: (d) => {
      const regions = d.redactions.filter((r) => r.kind === "REGION");
      const terms = d.redactions.filter((r) => r.kind !== "REGION");
      const parts = [
        terms.length ? `${plural(terms.length, "term")} removed (${plural(terms.reduce((n, r) => n + r.occurrences, 0), "occurrence")})` : "",
        regions.length ? `${plural(regions.length, "region")} blacked out (${plural(regions.reduce((n, r) => n + r.occurrences, 0), "character")} of text removed)` : "",
      ].filter(Boolean);
      return `${parts.join("; ")}; the copy ${shortHash(d.redactedSha256)} was checked and no longer contains them. The original is unchanged.`;
    },
  }),
  "exhibit.redaction-request": define({
    entityType: "Exhibit",
    label: "Redaction requested",
    // Never the terms: only how many, and the regions' pages and reasons.
    schema: z
      .object({
        requestId: z.string(),
        terms: z.number().int().nonnegative(),
        regions: z.array(z.object({ page: z.number().int(), reason: z.enum(["PRIVILEGE", "PII", "CONFIDENTIALITY"]) }).strict()),
      })
      .strict(),
    describe: (d) =>
      `A redacted copy was requested: ${[d.terms ? plural(d.terms, "search term") : "", d.regions.length ? `${plural(d.regions.length, "region")} on page${new Set(d.regions.map((r) => r.page)).size === 1 ? "" : "s"} ${[...new Set(d.regions.map((r) => r.page))].join(", ")}` : ""].filter(Boolean).join(" and ")}.`,
  }),
  "exhibit.redaction-failed": define({
    entityType: "Exhibit",
    label: "Redaction failed",
    schema: z.object({ requestId: z.string(), reason: z.string() }).strict(),
    describe: (d) => `No redacted copy was kept: ${d.reason}`,
  }),
  "exhibit.certify": define({
    entityType: "Exhibit",
    label: "Certified (FRE 902(14))",
    // format and missing since drafts state only recorded facts (missing ones left blank).
    schema: z.object({ sha256, format: z.enum(["pdf", "docx"]).optional(), missing: z.array(z.string()).optional() }).strict(),
    describe: (d) =>
      sentence(
        `Listed in a draft FRE 902(14) certification${d.format ? ` (${d.format.toUpperCase()})` : ""} by SHA-256 ${shortHash(d.sha256)}.`,
        d.missing?.length ? `Left blank to complete: ${d.missing.join(", ")}.` : null,
      ),
  }),
  "tracker-domain.override": define({
    entityType: "TrackerDomain",
    label: "Tracker fact set for this matter",
    schema: z.object({ domain: z.string(), before: snapshot.nullable(), after: snapshot }).strict(),
    describe: (d) => `${d.domain}: ${changes(d.before, d.after)}`,
  }),
  "tracker-domain.clear-override": define({
    entityType: "TrackerDomain",
    label: "Tracker fact for this matter cleared",
    schema: z.object({ domain: z.string(), before: snapshot }).strict(),
    describe: (d) => `${d.domain}: the matter's own fact was removed; the global knowledge base applies again in later analyses.`,
  }),
  "tracker-domain.save": define({
    entityType: "TrackerDomain",
    label: "Knowledge-base row saved",
    schema: z.object({ domain: z.string(), layer: z.enum(KB_LAYERS), before: snapshot.nullable(), after: snapshot }).strict(),
    describe: (d) => sentence(`${d.domain} (${KB_LAYER_LABELS[d.layer]}):`, d.before ? changes(d.before, d.after) : "added."),
  }),
  "tracker-domain.delete": define({
    entityType: "TrackerDomain",
    label: "Knowledge-base row deleted",
    schema: z.object({ domain: z.string(), layer: z.enum(KB_LAYERS), before: snapshot }).strict(),
    describe: (d) => `${d.domain} (${KB_LAYER_LABELS[d.layer]}) removed from the knowledge base.`,
  }),
  "sdk-signature.save": define({
    entityType: "SdkSignature",
    label: "SDK signature saved",
    schema: z.object({ prefix: z.string(), layer: z.enum(KB_LAYERS), before: snapshot.nullable(), after: snapshot }).strict(),
    describe: (d) => sentence(`${d.prefix} (${KB_LAYER_LABELS[d.layer]}):`, d.before ? changes(d.before, d.after) : "added."),
  }),
  "sdk-signature.delete": define({
    entityType: "SdkSignature",
    label: "SDK signature deleted",
    schema: z.object({ prefix: z.string(), layer: z.enum(KB_LAYERS), before: snapshot }).strict(),
    describe: (d) => `${d.prefix} (${KB_LAYER_LABELS[d.layer]}) removed from the knowledge base.`,
  }),
  "kb.import": define({
    entityType: "KbImport",
    label: "Knowledge-base file imported",
    schema: z
      .object({
        layer: z.enum(KB_LAYERS),
        fileName: z.string(),
        sha256,
        rows: z.number().int().nonnegative(),
        added: z.number().int().nonnegative(),
        updated: z.number().int().nonnegative(),
        unchanged: z.number().int().nonnegative(),
        refused: z.number().int().nonnegative(),
      })
      .strict(),
    describe: (d) =>
      `${quote(d.fileName)} into ${KB_LAYER_LABELS[d.layer]}: ${plural(d.rows, "row")} read; ${d.added} added, ${d.updated} updated, ${d.unchanged} unchanged, ${d.refused} refused.`,
  }),
  "capture.reanalyze": define({
    entityType: "Exhibit",
    label: "Capture re-analysis requested",
    schema: z.object({ number: z.string(), analysisId: z.string(), previousAnalysisId: z.string().nullable() }).strict(),
    describe: (d) => `Asked for a new analysis of ${d.number}; earlier analyses and their observations stay as they were.`,
  }),
  "apk.reanalyze": define({
    entityType: "Exhibit",
    label: "Package re-analysis requested",
    schema: z.object({ number: z.string(), analysisId: z.string(), previousAnalysisId: z.string().nullable() }).strict(),
    describe: (d) => `Asked for a new analysis of the app package ${d.number}; earlier analyses stay as they were.`,
  }),
  "analysis.certify": define({
    entityType: "Exhibit",
    label: "Certified (FRE 902(13))",
    schema: z
      .object({ analysisId: z.string(), analysisKind: z.enum(["capture", "apk"]), sha256, format: z.enum(["pdf", "docx"]), missing: z.array(z.string()) })
      .strict(),
    describe: (d) =>
      sentence(
        `Its ${d.analysisKind === "apk" ? "package" : "capture"} analysis was described in a draft FRE 902(13) certification (${d.format.toUpperCase()}), input SHA-256 ${shortHash(d.sha256)}.`,
        d.missing.length ? `Left blank to complete: ${d.missing.join(", ")}.` : null,
      ),
  }),
  "analysis.methodology": define({
    entityType: "Exhibit",
    label: "Methodology appendix generated",
    schema: z.object({ analysisId: z.string(), analysisKind: z.enum(["capture", "apk"]), sha256, rules: z.number().int().nonnegative() }).strict(),
    describe: (d) => `A methodology appendix for its ${d.analysisKind === "apk" ? "package" : "capture"} analysis was generated (${plural(d.rules, "rule")} that fired).`,
  }),
  "exhibit.retry-extraction": define({
    entityType: "Exhibit",
    label: "Extraction retried",
    schema: z.object({ previousError: z.string().nullable() }).strict(),
    describe: (d) => sentence("Text extraction queued again.", d.previousError ? `It had failed with: ${quote(d.previousError)}` : null),
  }),
  "exhibit.fail-integrity-check": define({
    entityType: "Exhibit",
    label: "Integrity check FAILED",
    schema: integrityFailure,
    describe: (d) =>
      sentence(
        d.missing ? "The stored file is missing." : `The stored bytes hash to ${shortHash(d.actual)}, not ${shortHash(d.expected)}.`,
        d.source ? "Found by the integrity sweep." : "Nothing was sent.",
      ),
  }),
  "exhibit.export-list": define({
    entityType: "Matter",
    label: "Exhibit list exported",
    schema: exhibitListFile,
    describe: (d) =>
      sentence(
        `${d.format.toUpperCase()} with ${plural(d.count, "exhibit")}${d.side ? ` (${d.side}'s list)` : ""}${d.exhibits?.length ? `: ${d.exhibits.slice(0, 20).join(", ")}${d.exhibits.length > 20 ? ", …" : ""}` : ""}.`,
        d.privileged ? `${plural(d.privileged, "privileged exhibit")} included.` : null,
      ),
  }),
  "exhibit.export-privilege-log": define({
    entityType: "Matter",
    label: "Privilege log exported",
    schema: exportFile,
    describe: (d) => `${d.format.toUpperCase()} with ${plural(d.count, "entry", "entries")}.`,
  }),
  "exhibit.tag": define({
    entityType: "Exhibit",
    label: "Issue tagged",
    schema: issueTag.extend({ createdTag: z.boolean() }).strict(),
    describe: (d) => sentence(`${d.number}${d.page ? ` p. ${d.page}` : ""} tagged ${issueTagLabel(d)}.`, d.createdTag ? "The tag was new." : null),
  }),
  "exhibit.untag": define({
    entityType: "Exhibit",
    label: "Issue tag removed",
    schema: issueTag,
    describe: (d) => `${issueTagLabel(d)} removed from ${d.number}${d.page ? ` p. ${d.page}` : ""}.`,
  }),
  "saved-search.create": define({
    entityType: "SavedSearch",
    label: "Search saved",
    schema: savedSearch,
    describe: (d) => `${quote(d.name)}${d.q ? ` for ${quote(d.q)}` : ""}, ${d.shared ? "shared with the team" : "private"}.`,
  }),
  "saved-search.delete": define({
    entityType: "SavedSearch",
    label: "Saved search deleted",
    schema: savedSearch,
    describe: (d) => `${quote(d.name)}${d.q ? ` for ${quote(d.q)}` : ""}.`,
  }),
  "intake.upload": define({
    entityType: "Blob",
    label: "Intake file uploaded",
    schema: z.object({ role: z.enum(["archive", "load-file"]), fileName: z.string(), sha256, size: z.number().int().nonnegative() }).strict(),
    describe: (d) => `${d.role === "archive" ? "ZIP archive" : "Load file"} ${quote(d.fileName)}, ${plural(d.size, "byte")}, SHA-256 ${shortHash(d.sha256)}.`,
  }),
  "intake.start": define({
    entityType: "IntakeBatch",
    label: "Bulk intake started",
    schema: z.object({ archiveName: z.string(), archiveSha256: sha256, loadFileName: z.string().nullable(), loadFileSha256: sha256.nullable() }).strict(),
    describe: (d) => sentence(`${quote(d.archiveName)} (SHA-256 ${shortHash(d.archiveSha256)}).`, d.loadFileName ? `Load file ${quote(d.loadFileName)}.` : null),
  }),
  "intake.finish": define({
    entityType: "IntakeBatch",
    label: "Bulk intake finished",
    schema: z
      .object({
        status: z.enum(["DONE", "FAILED"]),
        committed: z.number().int().nonnegative(),
        skipped: z.number().int().nonnegative(),
        failed: z.number().int().nonnegative(),
        error: z.string().nullable(),
      })
      .strict(),
    describe: (d) =>
      d.status === "FAILED"
        ? `The archive could not be read: ${d.error ?? "unknown reason"}`
        : `${plural(d.committed, "exhibit")} numbered, ${plural(d.skipped, "file")} already taken in, ${plural(d.failed, "file")} failed.`,
  }),
  "intake.export-failures": define({
    entityType: "IntakeBatch",
    label: "Intake failure report downloaded",
    schema: exportFile,
    describe: (d) => `${plural(d.count, "failure")} (${d.format.toUpperCase()}).`,
  }),
  "production.create": define({
    entityType: "Production",
    label: "Production created",
    // The production-log fields came later; rows written before them lack them.
    schema: z
      .object({
        name: z.string(),
        bates: z.string(),
        exhibits: z.array(z.string()),
        privilegeOverrideReason: z.string().nullable(),
        volume: z.string().optional(),
        producedTo: z.string().nullable().optional(),
        privileged: z.array(z.string()).optional(),
        confidential: z.number().int().nonnegative().optional(),
        fre502dOrder: z.string().nullable().optional(),
        protectiveOrder: z.string().nullable().optional(),
        images: z.enum(["JPG", "TIFF"]).optional(),
      })
      .strict(),
    describe: (d) =>
      sentence(
        `${quote(d.name)}${d.volume ? ` (${d.volume})` : ""}, ${d.bates}, ${plural(d.exhibits.length, "exhibit")}${d.producedTo ? `, to ${quote(d.producedTo)}` : ""}.`,
        d.images ? `Image production: 300 DPI page images (${d.images === "TIFF" ? "Group IV TIFF, colour pages as JPEG" : "JPEG"}).` : null,
        d.privileged?.length ? `Privileged: ${d.privileged.join(", ")}.` : null,
        d.privilegeOverrideReason ? `Privileged exhibits included because: ${quote(d.privilegeOverrideReason)}` : null,
        d.fre502dOrder ? `FRE 502(d) order cited: ${quote(d.fre502dOrder)}.` : d.privileged?.length ? "No FRE 502(d) order was recorded." : null,
        d.protectiveOrder ? `Protective order: ${quote(d.protectiveOrder)}.` : null,
      ),
  }),
  "production.package": define({
    entityType: "Production",
    label: "Production packaged",
    schema: z.object({ volume: z.string(), files: z.number().int().nonnegative(), sha256, md5: z.string().regex(/^[0-9a-f]{32}$/), size: z.number().int().nonnegative() }).strict(),
    describe: (d) => `${d.volume}: ${plural(d.files, "file")} with load files, ZIP SHA-256 ${shortHash(d.sha256)} (MD5 ${d.md5.slice(0, 12)}…).`,
  }),
  "production.package-failed": define({
    entityType: "Production",
    label: "Production page images failed",
    schema: z.object({ reason: z.string() }).strict(),
    describe: (d) => `The page images could not be rendered, so the production was not packaged: ${d.reason}`,
  }),
  "production.download": define({
    entityType: "Production",
    label: "Production downloaded",
    schema: z.object({ files: z.number().int().nonnegative(), zipSha256: sha256.optional() }).strict(),
    describe: (d) =>
      d.zipSha256 ? `The packaged ZIP (SHA-256 ${shortHash(d.zipSha256)}), re-verified before sending.` : `${plural(d.files, "file")}, each re-verified by SHA-256 before sending.`,
  }),
  "production.export-log": define({
    entityType: "Matter",
    label: "Production log exported",
    schema: exportFile,
    describe: (d) => `${d.format.toUpperCase()} with ${plural(d.count, "production")}.`,
  }),
  "integrity.sweep": define({
    entityType: "BlobStore",
    label: "Integrity sweep",
    schema: z
      .object({
        trigger: z.string(),
        checked: z.number().int().nonnegative(),
        missing: z.array(z.string()),
        altered: z.array(z.object({ sha256: z.string(), actual: z.string() }).strict()),
        orphaned: z.array(z.string()),
        startedAt: z.iso.datetime(),
        finishedAt: z.iso.datetime(),
      })
      .strict(),
    describe: (d) =>
      `${plural(d.checked, "file")} checked (${d.trigger}): ${d.missing.length} missing, ${d.altered.length} altered, ${d.orphaned.length} orphaned.`,
  }),

  "plaintiff.create": define({
    entityType: "Plaintiff",
    label: "Plaintiff added",
    schema: z.object({ after: snapshot, ...seeded }).strict(),
    describe: (d) => `${quote(d.after.name)}.`,
  }),
  "plaintiff.update": define({
    entityType: "Plaintiff",
    label: "Plaintiff changed",
    schema: z.object({ before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
  }),

  "count.create": define({
    entityType: "Count",
    label: "Count added",
    schema: z.object({ after: snapshot, ...seeded }).strict(),
    describe: (d) => `Count ${String(d.after.number)}: ${quote(d.after.title)}.`,
  }),
  "count.update": define({
    entityType: "Count",
    label: "Count changed",
    schema: z.object({ before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
  }),
  "count.reorder-elements": define({
    entityType: "Count",
    label: "Elements reordered",
    schema: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).strict(),
    describe: (d) => `${plural(d.after.length, "element")} put in a new order.`,
  }),
  "element.create": define({
    entityType: "Element",
    label: "Element added",
    schema: z.object({ countId: z.string(), text: z.string(), position: z.number().int() }).strict(),
    describe: (d) => `Element ${d.position}: ${quote(d.text)}.`,
  }),
  "element.update": define({
    entityType: "Element",
    label: "Element changed",
    schema: z.object({ countId: z.string(), before: z.object({ text: z.string() }).strict(), after: z.object({ text: z.string() }).strict() }).strict(),
    describe: (d) => `${quote(d.before.text, 60)} → ${quote(d.after.text, 60)}.`,
  }),

  "allegation.create": define({
    entityType: "Allegation",
    label: "Allegation recorded",
    schema: z.object({ allegationId: z.string(), after: snapshot, ...seeded }).strict(),
    describe: (d) => `¶ ${String(d.after.paragraph)}: ${quote(d.after.text)}.`,
  }),
  "allegation.update": define({
    entityType: "Allegation",
    label: "Allegation changed",
    schema: z.object({ allegationId: z.string(), before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
  }),
  "allegation.flag": define({
    entityType: "Allegation",
    label: "Flagged",
    schema: z.object({ allegationId: z.string(), before: flag.nullable(), after: flag }).strict(),
    describe: (d) => `${FLAG_LABELS[d.after.severity]}. Reason: ${quote(d.after.reason)}`,
  }),
  "allegation.withdraw": define({
    entityType: "Allegation",
    label: "Withdrawn",
    schema: z.object({ allegationId: z.string(), paragraph: z.string(), importId: z.string(), exhibit: z.string() }).strict(),
    describe: (d) => `¶ ${d.paragraph} is not in the amended complaint (${d.exhibit}); its links and history are kept.`,
  }),
  "allegation.clear-flag": define({
    entityType: "Allegation",
    label: "Flag cleared",
    schema: z.object({ allegationId: z.string(), before: flag, reason: z.string() }).strict(),
    describe: (d) => `Was ${FLAG_LABELS[d.before.severity].toLowerCase()}. Reason: ${quote(d.reason)}`,
  }),

  "chronology.create": define({
    entityType: "ChronologyFact",
    label: "Chronology fact added",
    schema: z.object({ factId: z.string(), after: snapshot, from: z.enum(["form", "exhibit"]).optional(), ...seeded }).strict(),
    describe: (d) => `${String(d.after.date ?? "")}: ${quote(d.after.description)}${d.from === "exhibit" ? " (from the exhibit's dates)" : ""}.`,
  }),
  "chronology.update": define({
    entityType: "ChronologyFact",
    label: "Chronology fact changed",
    schema: z.object({ factId: z.string(), before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
  }),
  "chronology.delete": define({
    entityType: "ChronologyFact",
    label: "Chronology fact deleted",
    schema: z.object({ factId: z.string(), before: snapshot, reason: z.string() }).strict(),
    describe: (d) => `${String(d.before.date ?? "")}: ${quote(d.before.description, 80)}. Reason: ${quote(d.reason)}`,
  }),
  "chronology.build": define({
    entityType: "Matter",
    label: "Chronology built",
    schema: z
      .object({
        from: z.enum(["captures", "allegations", "claims", "complaint"]),
        created: z.number().int().nonnegative(),
        existing: z.number().int().nonnegative(),
        updated: z.number().int().nonnegative().optional(),
        ...seeded,
      })
      .strict(),
    describe: (d) =>
      `From ${d.from === "claims" ? "claims administration" : d.from === "complaint" ? "the complaint's dates" : d.from}: ${plural(d.created, "new fact")}${d.updated ? `, ${plural(d.updated, "fact")} updated` : ""}, ${plural(d.existing, "fact")} already there.`,
  }),
  "chronology.export": define({
    entityType: "Matter",
    label: "Chronology exported",
    schema: exportFile.extend({ privilegedOnly: z.number().int().nonnegative(), privilegedIncluded: z.boolean() }).strict(),
    describe: (d) =>
      sentence(
        `${d.format.toUpperCase()} with ${plural(d.count, "fact")}.`,
        d.privilegedOnly ? `${plural(d.privilegedOnly, "fact")} proven only by privileged exhibits ${d.privilegedIncluded ? "included" : "left out"}.` : null,
      ),
  }),

  "complaint-import.start": define({
    entityType: "ComplaintImport",
    label: "Complaint import started",
    schema: z.object({ importId: z.string(), exhibitId: z.string(), exhibit: z.string() }).strict(),
    describe: (d) => `¶s of ${d.exhibit} queued to be split and proposed for review.`,
  }),
  "complaint-import.apply-amendment": define({
    entityType: "ComplaintImport",
    label: "Amended complaint applied",
    schema: z
      .object({
        importId: z.string(),
        exhibit: z.string(),
        applied: z.number().int().nonnegative(),
        renumbered: z.number().int().nonnegative(),
        reworded: z.number().int().nonnegative(),
        withdrawn: z.number().int().nonnegative(),
      })
      .strict(),
    describe: (d) =>
      `${d.exhibit}: ${plural(d.applied, "matched ¶")} applied to the ledger (${d.renumbered} renumbered, ${d.reworded} reworded); ${plural(d.withdrawn, "allegation")} withdrawn.`,
  }),
  "complaint-proposal.accept": define({
    entityType: "ComplaintProposal",
    label: "Imported ¶ accepted",
    schema: z
      .object({
        proposalId: z.string(),
        importId: z.string(),
        allegationId: z.string(),
        label: z.string(),
        pinCite: z.string(),
        edited: z.array(z.enum(["label", "text", "kind", "destinationHost"])),
        // Accepting a ¶ of an amended complaint updates the allegation it matched.
        matched: z.boolean(),
      })
      .strict(),
    describe: (d) =>
      `${d.pinCite} ${d.matched ? "updated the matched allegation" : "entered the ledger"}${d.edited.length ? `, edited (${d.edited.join(", ")})` : ""}.`,
  }),
  "complaint-proposal.drop": define({
    entityType: "ComplaintProposal",
    label: "Imported ¶ dropped",
    schema: z.object({ proposalId: z.string(), importId: z.string(), label: z.string(), reason: z.string().nullable() }).strict(),
    describe: (d) => `¶ ${d.label} will not enter the ledger.${d.reason ? ` Reason: ${quote(d.reason)}` : ""}`,
  }),
  "complaint-proposal.merge": define({
    entityType: "ComplaintProposal",
    label: "Imported ¶s merged",
    schema: z.object({ proposalId: z.string(), intoProposalId: z.string(), importId: z.string(), label: z.string(), intoLabel: z.string() }).strict(),
    describe: (d) => `The text proposed as ¶ ${d.label} was joined to ¶ ${d.intoLabel}.`,
  }),
  "complaint-proposal.split": define({
    entityType: "ComplaintProposal",
    label: "Imported ¶ split",
    schema: z.object({ proposalId: z.string(), newProposalId: z.string(), importId: z.string(), label: z.string(), newLabel: z.string(), at: z.number().int() }).strict(),
    describe: (d) => `¶ ${d.label} was split at character ${d.at}; the rest is proposed as ¶ ${d.newLabel}.`,
  }),

  "evidence.link": define({
    entityType: "EvidenceLink",
    label: "Evidence linked",
    schema: z
      .object({
        allegationId: z.string(),
        paragraph: z.number().int(),
        exhibit: z.string(),
        exhibitId: z.string(),
        relation: z.enum(LINK_RELATIONS),
        pinCite: z.string().optional(),
        excerpt: z.string().optional(),
        note: z.string().optional(),
        fulfilledRequestId: z.string().nullable(),
        clearedFlag: flag.nullable(),
        ...seeded,
      })
      .strict(),
    describe: (d) =>
      sentence(
        `${d.exhibit} ${LINK_RELATION_LABELS[d.relation].toLowerCase()} ¶ ${d.paragraph}${d.pinCite ? ` (${d.pinCite})` : ""}.`,
        d.fulfilledRequestId ? "Fulfilled an evidence request." : null,
        d.clearedFlag ? "Answered the “unsupported” flag." : null,
      ),
  }),
  "evidence.unlink": define({
    entityType: "EvidenceLink",
    label: "Evidence unlinked",
    schema: z.object({ allegationId: z.string(), exhibitId: z.string(), relation: z.enum(LINK_RELATIONS), reason: z.string() }).strict(),
    describe: (d) => `Removed a “${LINK_RELATION_LABELS[d.relation].toLowerCase()}” link. Reason: ${quote(d.reason)}`,
  }),
  "suggestion.accept": define({
    entityType: "SuggestionDecision",
    label: "Suggestion accepted",
    schema: z
      .object({
        ...SUGGESTION_REF,
        evidenceLinkId: z.string(),
        pinCite: z.string(),
      })
      .strict(),
    describe: (d) => `Accepted the analyzer's suggestion: ${d.exhibit} supports ¶ ${d.paragraph} (${d.pinCite}; rule ${d.ruleId}).`,
  }),
  "suggestion.dismiss": define({
    entityType: "SuggestionDecision",
    label: "Suggestion dismissed",
    schema: z
      .object({
        ...SUGGESTION_REF,
        reason: z.string(),
      })
      .strict(),
    describe: (d) => `Dismissed the suggestion that ${d.exhibit} entry ${d.entryIndex} supports ¶ ${d.paragraph} (rule ${d.ruleId}). Reason: ${quote(d.reason)}`,
  }),
  "sdk-suggestion.accept": define({
    entityType: "SuggestionDecision",
    label: "SDK suggestion accepted",
    schema: z
      .object({ allegationId: z.string(), paragraph: z.number().int(), exhibit: z.string(), exhibitSha256: sha256, sdkPrefix: z.string(), evidenceLinkId: z.string(), pinCite: z.string() })
      .strict(),
    describe: (d) => `Accepted the package analyzer's suggestion: ${d.exhibit} supports ¶ ${d.paragraph} (${d.pinCite}; SDK ${d.sdkPrefix}, code present in the package — not proof that it ran).`,
  }),
  "sdk-suggestion.dismiss": define({
    entityType: "SuggestionDecision",
    label: "SDK suggestion dismissed",
    schema: z.object({ allegationId: z.string(), paragraph: z.number().int(), exhibit: z.string(), exhibitSha256: sha256, sdkPrefix: z.string(), reason: z.string() }).strict(),
    describe: (d) => `Dismissed the suggestion that the SDK ${d.sdkPrefix} in ${d.exhibit} supports ¶ ${d.paragraph}. Reason: ${quote(d.reason)}`,
  }),
  "evidence-request.create": define({
    entityType: "EvidenceRequest",
    label: "Evidence requested",
    schema: z
      .object({
        allegationId: z.string(),
        paragraph: z.number().int(),
        description: z.string(),
        assigneeId: z.string().optional(),
        dueOn: z.string().optional(),
        ...seeded,
      })
      .strict(),
    describe: (d) => sentence(`For ¶ ${d.paragraph}: ${quote(d.description)}`, d.dueOn ? `due ${d.dueOn}.` : null),
  }),
  "evidence-request.cancel": define({
    entityType: "EvidenceRequest",
    label: "Evidence request cancelled",
    schema: z.object({ allegationId: z.string(), reason: z.string() }).strict(),
    describe: (d) => `Reason: ${quote(d.reason)}`,
  }),

  "claim.submit": define({
    entityType: "Claim",
    label: "Claim submitted",
    schema: z
      .object({
        number: z.string(),
        fraudScore: z.number().int(),
        signals: z.array(z.string()),
        subclass: z.string().nullable(),
        // Supporting documents filed with the claim (their SHA-256s), when there were any.
        documents: z.array(sha256).optional(),
        ...seeded,
      })
      .strict(),
    describe: (d) =>
      sentence(
        `Claim ${d.number}${d.subclass ? ` (subclass ${d.subclass})` : ""}, fraud score ${d.fraudScore}.`,
        d.signals.length ? `Signals: ${d.signals.join(", ")}.` : null,
        d.documents?.length ? `With ${plural(d.documents.length, "supporting document")}.` : null,
      ),
  }),
  "claim.upload-document": define({
    entityType: "ClaimUpload",
    label: "Document uploaded for a claim form",
    schema: z.object({ sha256, mediaType: z.string(), size: z.number().int().nonnegative() }).strict(),
    describe: (d) => `${d.mediaType}, ${d.size.toLocaleString("en-US")} bytes, SHA-256 ${d.sha256}.`,
  }),
  "claim.save-draft": define({
    entityType: "ClaimDraft",
    label: "Claim form saved to finish later",
    schema: z.object({ created: z.boolean(), documents: z.number().int().nonnegative() }).strict(),
    describe: (d) => sentence(d.created ? "Saved; a link to resume was e-mailed." : "Saved again.", d.documents ? `Holds ${plural(d.documents, "document")}.` : null),
  }),
  "claim.verify-email": define({
    entityType: "Claim",
    label: "Email confirmed",
    schema: z.object({ number: z.string() }).strict(),
    describe: (d) => `Claim ${d.number} verified through the link mailed to the class member.`,
  }),
  "claim.verify": define({ entityType: "Claim", label: "Claim verified", schema: z.object(transition).strict(), describe: (d) => transitionSentence(d) }),
  "claim.approve": define({ entityType: "Claim", label: "Claim approved", schema: z.object(transition).strict(), describe: (d) => transitionSentence(d) }),
  "claim.reject": define({ entityType: "Claim", label: "Claim rejected", schema: z.object(transition).strict(), describe: (d) => transitionSentence(d) }),
  "claim.withdraw": define({ entityType: "Claim", label: "Claim withdrawn", schema: z.object(transition).strict(), describe: (d) => transitionSentence(d) }),
  "claim.recommend": define({
    entityType: "Claim",
    label: "Decision recommended",
    schema: z.object({ ...transition, recommendation: z.string() }).strict(),
    describe: (d) => transitionSentence(d, `Recommended: ${d.recommendation.toLowerCase()}.`),
  }),
  "claim.mark-duplicate": define({
    entityType: "Claim",
    label: "Marked duplicate",
    schema: z.object({ ...transition, duplicateOf: z.string() }).strict(),
    describe: (d) => transitionSentence(d, `Duplicate of claim ${d.duplicateOf}.`),
  }),
  "claim.mark-deficient": define({
    entityType: "Claim",
    label: "Deficiency notice sent",
    schema: z.object({ ...transition, fields: z.array(z.string()), dueOn: z.string() }).strict(),
    describe: (d) =>
      transitionSentence(
        d,
        `Asked for: ${d.fields.map((f) => (DEFICIENCY_FIELD_LABELS as Record<string, string>)[f as TDeficiencyField] ?? f).join(", ")}, by ${d.dueOn}.`,
      ),
  }),
  "claim.answer-deficiency": define({
    entityType: "Claim",
    label: "Deficiency answered",
    schema: z
      .object({
        ...transition,
        changed: z.record(z.string(), z.object({ before: z.string(), after: z.string().optional() }).strict()),
        attachment: z.object({ filename: z.string(), sha256 }).strict().nullable(),
      })
      .strict(),
    describe: (d) => {
      const fields = Object.keys(d.changed).map((f) => (DEFICIENCY_FIELD_LABELS as Record<string, string>)[f] ?? f);
      return transitionSentence(d, sentence(fields.length ? `Corrected: ${fields.join(", ")}.` : null, d.attachment ? `Uploaded ${quote(d.attachment.filename)}.` : null));
    },
  }),
  // Never the account number or an unmasked e-mail or phone: the audit log is read by the whole
  // team, and payment details are the member's and the attorneys' only.
  "claim.set-payment-details": define({
    entityType: "Claim",
    label: "Payment details changed",
    schema: z
      .object({
        number: z.string(),
        method: z.enum(PAYMENT_METHODS),
        summary: z.string(),
        previousMethod: z.enum(PAYMENT_METHODS).nullable(),
        previousSummary: z.string().nullable(),
        // Given after the distribution was locked: the payment waits in the re-issue queue.
        reissue: z.literal(true).optional(),
      })
      .strict(),
    describe: (d) =>
      sentence(
        `Claim ${d.number}: ${d.summary}.`,
        d.previousSummary ? `Was ${d.previousSummary}.` : "First payment details given.",
        d.reissue ? "Given after the distribution was locked: the payment waits in the re-issue queue." : null,
      ),
  }),
  "distribution.export-payments": define({
    entityType: "DistributionRun",
    label: "Payment file exported",
    schema: z
      .object({
        method: z.enum(PAYMENT_METHODS),
        format: z.enum(["nacha", "csv"]),
        reissue: z.boolean().optional(),
        payments: z.number().int().nonnegative(),
        totalCents: z.string(),
        missingDetails: z.number().int().nonnegative(),
        // The rows of each upload file when a PayPal or Venmo file was split (PayPal takes 5,000 per upload).
        parts: z.array(z.number().int().positive()).min(2).optional(),
      })
      .strict(),
    describe: (d) =>
      sentence(
        `${PAYMENT_METHOD_LABELS[d.method]} ${d.format === "nacha" ? "NACHA file" : "CSV"}${d.reissue ? " of re-issues" : ""}: ${plural(d.payments, "payment")}, ${cents(d.totalCents)}.`,
        d.parts ? `In ${d.parts.length} upload files of ${d.parts.map((n) => n.toLocaleString("en-US")).join(", ")} payments.` : null,
        d.missingDetails > 0 ? `${plural(d.missingDetails, "paid claim")} without payment details left out.` : null,
      ),
  }),
  "distribution.import-payment-status": define({
    entityType: "DistributionRun",
    label: "Payment statuses imported",
    schema: z
      .object({ rows: z.number().int().nonnegative(), paid: z.number().int().nonnegative(), failed: z.number().int().nonnegative(), returned: z.number().int().nonnegative(), unchanged: z.number().int().nonnegative() })
      .strict(),
    describe: (d) => `${plural(d.rows, "row")}: ${d.paid.toLocaleString("en-US")} paid, ${d.failed.toLocaleString("en-US")} failed, ${d.returned.toLocaleString("en-US")} returned${d.unchanged ? `, ${d.unchanged.toLocaleString("en-US")} already so` : ""}.`,
  }),
  "distribution.compute": define({
    entityType: "DistributionRun",
    label: "Distribution computed",
    schema: z
      .object({
        netFundCents: z.string(),
        claims: z.number().int(),
        minimumPaymentCents: z.string(),
        minimumMode: z.enum(["RAISE_TO_FLOOR", "DROP_BELOW_FLOOR"]),
        weights: z.record(z.string(), z.number().int()),
        defaultWeight: z.number().int(),
        residueCents: z.string(),
      })
      .strict(),
    describe: (d) =>
      sentence(
        `Preview over ${plural(d.claims, "approved claim")}: net fund ${cents(d.netFundCents)}, minimum ${cents(d.minimumPaymentCents)} (${d.minimumMode === "RAISE_TO_FLOOR" ? "raise to the minimum" : "drop under the minimum"}),`,
        `weights ${[...Object.entries(d.weights).map(([k, v]) => `${k} ${v}`), `others ${d.defaultWeight}`].join(", ")}; residue ${cents(d.residueCents)}.`,
      ),
  }),
  "distribution.lock": define({
    entityType: "DistributionRun",
    label: "Distribution locked",
    schema: z.object({ netFundCents: z.string(), allocatedCents: z.string(), residueCents: z.string(), claims: z.number().int(), reason: z.string() }).strict(),
    describe: (d) => `${plural(d.claims, "claim")}, ${cents(d.allocatedCents)} allocated of ${cents(d.netFundCents)} (residue ${cents(d.residueCents)}). Reason: ${quote(d.reason)}`,
  }),
  "matter.update-details": define({
    entityType: "Matter",
    label: "Matter details changed",
    schema: z.object({ before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
  }),
  "matter.update-settlement-site": define({
    entityType: "Matter",
    label: "Settlement website text changed",
    schema: z.object({ changed: z.array(z.string()) }).strict(),
    describe: (d) => (d.changed.length ? `Changed: ${d.changed.join(", ")}.` : "Saved with no change."),
  }),
  "exhibit.publish-on-site": define({
    entityType: "Exhibit",
    label: "Settlement website publication changed",
    schema: z.object({ exhibit: z.string(), published: z.boolean() }).strict(),
    describe: (d) => (d.published ? `${d.exhibit} published on the settlement website.` : `${d.exhibit} taken off the settlement website.`),
  }),
  "claim.export": define({
    entityType: "Matter",
    label: "Claims exported",
    schema: z.object({ filters: snapshot }).strict(),
    describe: (d) => {
      const used = Object.entries(d.filters).filter(([, v]) => v !== undefined && v !== null && v !== "");
      return used.length ? `CSV, filtered by ${used.map(([k, v]) => `${k} ${show(v)}`).join(", ")}.` : "CSV of every claim.";
    },
  }),
  "claim.request-rescore": define({
    entityType: "Matter",
    label: "Re-scoring started",
    schema: z.object({}).strict(),
    describe: () => "Fraud scores of every claim to be recomputed in the background.",
  }),
  "claim.rescore": define({
    entityType: "Matter",
    label: "Claims re-scored",
    schema: z.object({ claims: z.number().int(), signals: z.number().int(), changed: z.number().int(), ms: z.number() }).strict(),
    describe: (d) => `${plural(d.claims, "claim")} scored, ${plural(d.signals, "signal")}, ${d.changed.toLocaleString("en-US")} changed, in ${(d.ms / 1000).toFixed(1)} s.`,
  }),
  "claim.fail-rescore": define({
    entityType: "Matter",
    label: "Re-scoring failed",
    schema: z.object({ reason: z.string() }).strict(),
    describe: (d) => `Reason: ${quote(d.reason, 300)}`,
  }),
  "claim-attachment.download": define({
    entityType: "ClaimAttachment",
    label: "Claim document downloaded",
    schema: verifiedSend,
    describe: () => "SHA-256 re-verified before sending.",
  }),
  "claim-attachment.fail-integrity-check": define({
    entityType: "ClaimAttachment",
    label: "Claim document integrity check FAILED",
    schema: integrityFailure.omit({ source: true }),
    describe: (d) => sentence(d.missing ? "The stored file is missing." : `The stored bytes hash to ${shortHash(d.actual)}, not ${shortHash(d.expected)}.`, "Nothing was sent."),
  }),
  "notice-recipient.import": define({
    entityType: "Matter",
    label: "Notice list imported",
    schema: z.object({ rows: z.number().int(), imported: z.number().int(), errors: z.number().int() }).strict(),
    describe: (d) => `${plural(d.imported, "recipient")} imported from ${plural(d.rows, "row")}; ${plural(d.errors, "row")} refused.`,
  }),
  "claim-import.start": define({
    entityType: "ClaimImport",
    label: "Claim import started",
    schema: z.object({ fileName: z.string(), sha256: z.string(), size: z.number().int(), sendMail: z.boolean() }).strict(),
    describe: (d) => `“${d.fileName}” (${d.size.toLocaleString("en-US")} bytes) queued for import${d.sendMail ? ", with confirmation mail" : ", no mail"}.`,
  }),
  "claim-import.finish": define({
    entityType: "ClaimImport",
    label: "Claims imported",
    schema: z
      .object({
        rows: z.number().int(),
        imported: z.number().int(),
        skipped: z.number().int(),
        errors: z.number().int(),
        flagged: z.number().int(),
        optOutMatches: z.number().int(),
        sendMail: z.boolean(),
        ms: z.number(),
      })
      .strict(),
    describe: (d) =>
      `${plural(d.imported, "claim")} imported from ${plural(d.rows, "row")}; ${plural(d.skipped, "row")} imported before, ${plural(d.errors, "row")} refused; ${plural(d.flagged, "claim")} with fraud signals.`,
  }),
  "claim-import.fail": define({
    entityType: "ClaimImport",
    label: "Claim import failed",
    schema: z.object({ reason: z.string() }).strict(),
    describe: (d) => `The import failed and wrote no claims: ${d.reason}`,
  }),
  "claim-import.export-errors": define({
    entityType: "ClaimImport",
    label: "Claim import errors downloaded",
    schema: z.object({ count: z.number().int() }).strict(),
    describe: (d) => `Error report downloaded (${plural(d.count, "row")}).`,
  }),

  "api-token.create": define({
    entityType: "ApiToken",
    label: "API token created",
    schema: z.object({ name: z.string(), access: z.enum(["READ", "WRITE"]), matters: z.number().int().positive(), expiresAt: z.iso.datetime() }).strict(),
    describe: (d) => `${quote(d.name)}: ${d.access === "READ" ? "read only" : "read and write"}, ${plural(d.matters, "matter")}, expires ${d.expiresAt.slice(0, 10)}.`,
  }),
  "api-token.revoke": define({
    entityType: "ApiToken",
    label: "API token revoked",
    schema: z.object({ name: z.string() }).strict(),
    describe: (d) => `${quote(d.name)} no longer works.`,
  }),
  "service-token.create": define({
    entityType: "ApiToken",
    label: "Claim-feed token created",
    schema: z.object({ name: z.string(), expiresAt: z.iso.datetime() }).strict(),
    describe: (d) => `${quote(d.name)}: files claims into this matter through the claim API, expires ${d.expiresAt.slice(0, 10)}.`,
  }),
  "service-token.revoke": define({
    entityType: "ApiToken",
    label: "Claim-feed token revoked",
    schema: z.object({ name: z.string() }).strict(),
    describe: (d) => `${quote(d.name)} no longer files claims.`,
  }),
  "user.create": define({
    entityType: "User",
    label: "Account created",
    schema: z.object({ email: z.string(), name: z.string(), role: z.enum(["STAFF", "ADMIN"]) }).strict(),
    describe: (d) => `${d.name} <${d.email}>, ${d.role === "ADMIN" ? "administrator" : "legal staff"}.`,
  }),
  "user.password-change": define({ entityType: "User", label: "Password changed", schema: z.object({}).strict(), describe: () => "Every session of the account was ended." }),
  "user.sign-out": define({ entityType: "User", label: "Signed out", schema: z.object({}).strict(), describe: () => "Every session of the account was ended." }),
  "user.disable": define({ entityType: "User", label: "Account disabled", schema: z.object({ email: z.string() }).strict(), describe: (d) => `${d.email}.` }),
  "user.enable": define({ entityType: "User", label: "Account enabled", schema: z.object({ email: z.string() }).strict(), describe: (d) => `${d.email}.` }),
  "user.redeem-sign-in-link": define({
    entityType: "User",
    label: "Signed in by mailed link",
    schema: z
      .object({
        email: z.string(),
        createdAccount: z.boolean(),
        linkedClaimants: z.number().int().nonnegative(),
        claimId: z.string().nullable(),
        signedIn: z.boolean(),
      })
      .strict(),
    describe: (d) =>
      d.signedIn
        ? sentence(
            `${d.email}.`,
            d.createdAccount ? "Class-member account created." : null,
            d.linkedClaimants ? `${plural(d.linkedClaimants, "claim filing")} tied to the account.` : null,
          )
        : `${d.email}: the link was used up, but this address belongs to a staff or disabled account, so nobody was signed in.`,
  }),
  "user.request-password-reset": define({
    entityType: "User",
    label: "Password reset requested",
    schema: z.object({}).strict(),
    describe: () => "A single-use reset link, valid for 30 minutes, was mailed to the account's address.",
  }),
  "user.reset-password": define({
    entityType: "User",
    label: "Password reset by mailed link",
    schema: z.object({}).strict(),
    describe: () => "Every session of the account was ended.",
  }),
  "user.enroll-two-factor": define({
    entityType: "User",
    label: "Two-factor sign-in set up",
    schema: z.object({ replacedAuthenticator: z.boolean(), recoveryCodes: z.number().int().nonnegative() }).strict(),
    describe: (d) => sentence(d.replacedAuthenticator ? "A new authenticator app replaced the old one." : "An authenticator app was confirmed.", `${plural(d.recoveryCodes, "new recovery code")}.`),
  }),
  "user.disable-two-factor": define({
    entityType: "User",
    label: "Two-factor sign-in turned off",
    schema: z.object({}).strict(),
    describe: () => "Confirmed with the password and a code; the recovery codes were deleted.",
  }),
  "user.regenerate-recovery-codes": define({
    entityType: "User",
    label: "Recovery codes replaced",
    schema: z.object({ recoveryCodes: z.number().int().nonnegative() }).strict(),
    describe: (d) => `${plural(d.recoveryCodes, "new recovery code")}; the old ones no longer work.`,
  }),
  "user.reset-two-factor": define({
    entityType: "User",
    label: "Two-factor sign-in removed by an administrator",
    schema: z.object({ email: z.string() }).strict(),
    describe: (d) => `${d.email}: authenticator and recovery codes removed, every session ended.`,
  }),
  "user.use-recovery-code": define({
    entityType: "User",
    label: "Recovery code used",
    schema: z.object({ remaining: z.number().int().nonnegative() }).strict(),
    describe: (d) => `${plural(d.remaining, "unused recovery code")} left.`,
  }),
  "settings.set-two-factor-requirement": define({
    entityType: "SiteSettings",
    label: "Two-factor requirement for all staff changed",
    schema: z.object({ required: z.boolean() }).strict(),
    describe: (d) => (d.required ? "Every staff account must now use two-factor sign-in." : "Two-factor sign-in is no longer required of all staff."),
  }),
  "matter.set-two-factor-requirement": define({
    entityType: "Matter",
    label: "Two-factor requirement for the team changed",
    schema: z.object({ required: z.boolean() }).strict(),
    describe: (d) => (d.required ? "The team must use two-factor sign-in to open this matter." : "Two-factor sign-in is no longer required to open this matter."),
  }),
  "opt-out.submit": define({
    entityType: "OptOut",
    label: "Opt-out (request for exclusion) filed",
    schema: z.object({ number: z.string(), timely: z.boolean(), matchedClaims: z.array(z.string()), objections: z.number().int().nonnegative() }).strict(),
    describe: (d) =>
      sentence(
        `Opt-out ${d.number}, ${d.timely ? "timely" : "late"}.`,
        d.matchedClaims.length ? `Flagged: the same person filed claim${d.matchedClaims.length === 1 ? "" : "s"} ${d.matchedClaims.join(", ")}.` : null,
        d.objections ? `Flagged ${plural(d.objections, "objection")} by the same person.` : null,
      ),
  }),
  "opt-out.flag-claim": define({
    entityType: "Claim",
    label: "Claim flagged: the claimant opted out",
    schema: z.object({ number: z.string(), optOuts: z.array(z.string()) }).strict(),
    describe: (d) => `Claim ${d.number} matches opt-out ${d.optOuts.join(", ")}; for review, not rejected.`,
  }),
  "opt-out.revoke": define({
    entityType: "OptOut",
    label: "Opt-out withdrawn by the class member",
    schema: z.object({ number: z.string(), reason: z.string() }).strict(),
    describe: (d) => `Opt-out ${d.number} revoked: ${quote(d.reason)}.`,
  }),
  "opt-out.export": define({
    entityType: "Matter",
    label: "Opt-outs exported",
    schema: z.object({ count: z.number().int().nonnegative() }).strict(),
    describe: (d) => `CSV of ${plural(d.count, "opt-out")}.`,
  }),
  "objection.submit": define({
    entityType: "Objection",
    label: "Objection filed",
    schema: z.object({ number: z.string(), timely: z.boolean(), document: sha256.nullable(), optedOut: z.string().nullable() }).strict(),
    describe: (d) =>
      sentence(`Objection ${d.number}, ${d.timely ? "timely" : "late"}.`, d.document ? "With a supporting document." : null, d.optedOut ? `Flagged: the objector opted out (${d.optedOut}).` : null),
  }),
  "objection.export": define({
    entityType: "Matter",
    label: "Objections exported",
    schema: z.object({ count: z.number().int().nonnegative() }).strict(),
    describe: (d) => `CSV of ${plural(d.count, "objection")}.`,
  }),
  "objection-document.download": define({
    entityType: "Objection",
    label: "Objection document downloaded",
    schema: verifiedSend,
    describe: () => "SHA-256 re-verified before sending.",
  }),
  "objection-document.fail-integrity-check": define({
    entityType: "Objection",
    label: "Objection document integrity check FAILED",
    schema: integrityFailure.omit({ source: true }),
    describe: (d) => sentence(d.missing ? "The stored file is missing." : `The stored bytes hash to ${shortHash(d.actual)}, not ${shortHash(d.expected)}.`, "Nothing was sent."),
  }),
  "membership.set": define({
    entityType: "Membership",
    label: "Team membership set",
    schema: z.object({ email: z.string(), role: z.enum(["ATTORNEY", "PARALEGAL"]) }).strict(),
    describe: (d) => `${d.email} as ${d.role.toLowerCase()}.`,
  }),
  "membership.remove": define({
    entityType: "Membership",
    label: "Removed from the team",
    schema: z.object({ email: z.string(), role: z.enum(["ATTORNEY", "PARALEGAL"]) }).strict(),
    describe: (d) => `${d.email} (was ${d.role.toLowerCase()}).`,
  }),
};

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditDetails<A extends AuditAction> = z.input<(typeof AUDIT_EVENTS)[A]["schema"]>;

// Names written before the vocabulary was closed. Stored rows keep them (the log is append-only
// and hash-chained), so reading maps them to today's names.
export const LEGACY_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  "exhibit.extract-retry": "exhibit.retry-extraction",
  "exhibit.integrity-failure": "exhibit.fail-integrity-check",
  "exhibits.export-list": "exhibit.export-list",
  "exhibits.export-privilege-log": "exhibit.export-privilege-log",
  "count.reorder_elements": "count.reorder-elements",
  "allegation.clear_flag": "allegation.clear-flag",
  "evidence_request.create": "evidence-request.create",
  "evidence_request.cancel": "evidence-request.cancel",
  "claim.rescore-requested": "claim.request-rescore",
  "claim.rescore-failed": "claim.fail-rescore",
  "claim.attachment-download": "claim-attachment.download",
  "claim.attachment-integrity-failure": "claim-attachment.fail-integrity-check",
  "notice-recipients.import": "notice-recipient.import",
};

export function isAuditAction(name: string): name is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, name);
}

// Today's name for a stored name, or null for a name that was never in the vocabulary.
export function canonicalAuditAction(name: string): AuditAction | null {
  if (isAuditAction(name)) return name;
  return Object.hasOwn(LEGACY_AUDIT_ACTIONS, name) ? LEGACY_AUDIT_ACTIONS[name]! : null;
}

// Every name rows of this action may be stored under, for queries that filter by action.
export function storedAuditActionNames(action: AuditAction): string[] {
  return [action, ...Object.keys(LEGACY_AUDIT_ACTIONS).filter((old) => LEGACY_AUDIT_ACTIONS[old] === action)];
}

export type AuditRecord = { action: AuditAction; entityType: string; details: Record<string, unknown> };

// The action, entity type and checked details of one audit row. Details that do not fit the
// action's schema are a programming error, caught at the write rather than found unreadable later.
export function auditRecord<A extends AuditAction>(action: A, details: AuditDetails<A>): AuditRecord & { action: A } {
  const definition = AUDIT_EVENTS[action] as Definition<z.ZodType>;
  if (!definition) throw new Error(`Unknown audit action "${action}"`);
  const result = definition.schema.safeParse(details);
  if (!result.success) throw new Error(`Audit details for "${action}" do not fit its schema: ${z.prettifyError(result.error)}`);
  return { action, entityType: definition.entityType, details: details as Record<string, unknown> };
}

export type AuditDescription = { label: string; sentence: string };

// How a stored row reads. Never throws: a name outside the vocabulary shows as itself, and
// details that no longer fit their schema show the label alone.
export function describeAuditEvent(event: { action: string; details?: unknown }): AuditDescription {
  const action = canonicalAuditAction(event.action);
  if (!action) return { label: event.action, sentence: "—" };
  const definition = AUDIT_EVENTS[action] as Definition<z.ZodType>;
  const parsed = definition.schema.safeParse(event.details ?? {});
  if (!parsed.success) return { label: definition.label, sentence: "—" };
  try {
    return { label: definition.label, sentence: definition.describe(parsed.data) };
  } catch {
    return { label: definition.label, sentence: "—" };
  }
}
