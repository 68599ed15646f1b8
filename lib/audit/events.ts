// The closed vocabulary of audit actions: for each, the entity it is about, the shape of its
// details (checked when the row is written), and how a person reads it. Pure, so pages and
// components render history with the same words the writers were held to.
import { z } from "zod";
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, DEFICIENCY_FIELD_LABELS, type TDeficiencyField } from "@/lib/schemas/claim";
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
// Every claim transition records where the claim stood and where it went (transition.ts).
const transition = { number: z.string(), from: claimStatus, to: claimStatus, note: z.string().nullable() };

function quote(s: unknown, max = 120): string {
  const text = String(s ?? "");
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
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
        redactions: z.array(z.object({ reason: z.enum(["PRIVILEGE", "PII", "CONFIDENTIALITY"]), occurrences: z.number().int().nonnegative(), pages: z.array(z.number().int()) }).strict()),
        verified: z.literal(true),
      })
      .strict(),
    describe: (d) =>
      `${plural(d.redactions.length, "term")} removed (${plural(
        d.redactions.reduce((n, r) => n + r.occurrences, 0),
        "occurrence",
      )}); the copy ${shortHash(d.redactedSha256)} was checked and no longer contains them. The original is unchanged.`,
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
      })
      .strict(),
    describe: (d) =>
      sentence(
        `${quote(d.name)}${d.volume ? ` (${d.volume})` : ""}, ${d.bates}, ${plural(d.exhibits.length, "exhibit")}${d.producedTo ? `, to ${quote(d.producedTo)}` : ""}.`,
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
  "allegation.clear-flag": define({
    entityType: "Allegation",
    label: "Flag cleared",
    schema: z.object({ allegationId: z.string(), before: flag, reason: z.string() }).strict(),
    describe: (d) => `Was ${FLAG_LABELS[d.before.severity].toLowerCase()}. Reason: ${quote(d.reason)}`,
  }),

  "complaint-import.start": define({
    entityType: "ComplaintImport",
    label: "Complaint import started",
    schema: z.object({ importId: z.string(), exhibitId: z.string(), exhibit: z.string() }).strict(),
    describe: (d) => `¶s of ${d.exhibit} queued to be split and proposed for review.`,
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
      .object({ number: z.string(), fraudScore: z.number().int(), signals: z.array(z.string()), subclass: z.string().nullable(), ...seeded })
      .strict(),
    describe: (d) =>
      sentence(`Claim ${d.number}${d.subclass ? ` (subclass ${d.subclass})` : ""}, fraud score ${d.fraudScore}.`, d.signals.length ? `Signals: ${d.signals.join(", ")}.` : null),
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
  "matter.update-details": define({
    entityType: "Matter",
    label: "Matter details changed",
    schema: z.object({ before: snapshot, after: snapshot }).strict(),
    describe: (d) => changes(d.before, d.after),
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
