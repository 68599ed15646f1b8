// The authorization matrix, generated from the permission tables (lib/permissions.ts): every use
// case × every kind of actor, expecting exactly what the tables say — allowed, 403 for a member
// whose role lacks the permission, 404 for anyone who may not know the thing exists — and nothing
// written on a refusal. A use case (an exported `async function x(actor: Actor, …)` under
// lib/server) with no entry here fails the suite, so a new entry point cannot skip the table.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-matrix-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { generateClaimNumber } from "@/lib/claims/claim-number";
import { accountHas, ACCOUNT_PERMISSIONS, MATTER_PERMISSIONS, roleHas, type AccountPermission, type Permission } from "@/lib/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { addMembership } from "@/lib/server/admin/add-membership";
import { createStaffUser } from "@/lib/server/admin/create-staff-user";
import { listUsersAndMatters } from "@/lib/server/admin/list-users-and-matters";
import { removeMembership } from "@/lib/server/admin/remove-membership";
import { setUserDisabled } from "@/lib/server/admin/set-user-disabled";
import { clearFlag } from "@/lib/server/allegations/clear-flag";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";
import { updateAllegation } from "@/lib/server/allegations/update-allegation";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { acceptProposal } from "@/lib/server/complaints/accept-proposal";
import { applyAmendment } from "@/lib/server/complaints/apply-amendment";
import { dropProposal } from "@/lib/server/complaints/drop-proposal";
import { getComplaintImport } from "@/lib/server/complaints/get-complaint-import";
import { listComplaintImports } from "@/lib/server/complaints/list-complaint-imports";
import { mergeProposal } from "@/lib/server/complaints/merge-proposal";
import { splitProposal } from "@/lib/server/complaints/split-proposal";
import { startComplaintImport } from "@/lib/server/complaints/start-complaint-import";
import { changePassword } from "@/lib/server/auth/change-password";
import { confirmTwoFactorEnrollment } from "@/lib/server/auth/confirm-two-factor-enrollment";
import { disableTwoFactor } from "@/lib/server/auth/disable-two-factor";
import { getTwoFactorStatus } from "@/lib/server/auth/get-two-factor-status";
import { hashPassword } from "@/lib/server/auth/passwords";
import { regenerateRecoveryCodes } from "@/lib/server/auth/regenerate-recovery-codes";
import { startTwoFactorEnrollment } from "@/lib/server/auth/start-two-factor-enrollment";
import { currentTotpCode } from "@/lib/server/auth/two-factor";
import { decryptTotpSecret } from "@/lib/server/auth/two-factor-crypto";
import { resetUserTwoFactor } from "@/lib/server/admin/reset-user-two-factor";
import { setAnyMatterTwoFactorRequirement } from "@/lib/server/admin/set-any-matter-two-factor-requirement";
import { setStaffTwoFactorRequirement } from "@/lib/server/admin/set-staff-two-factor-requirement";
import { setMatterTwoFactorRequirement } from "@/lib/server/matters/set-matter-two-factor-requirement";
import { signOutEverywhere } from "@/lib/server/auth/sign-out-everywhere";
import { answerDeficiency } from "@/lib/server/claims/answer-deficiency";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { getDistribution } from "@/lib/server/distribution/get-distribution";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";
import { getPaymentFileSummary } from "@/lib/server/distribution/get-payment-file-summary";
import { getReissueQueue } from "@/lib/server/distribution/get-reissue-queue";
import { importPaymentStatus } from "@/lib/server/distribution/import-payment-status";
import { generateApprovedClaims } from "@/lib/server/testing/distribution-fixtures";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { bulkClaimAction } from "@/lib/server/claims/bulk-claim-action";
import { exportClaimsCsv } from "@/lib/server/claims/export-claims";
import { exportObjectionsCsv } from "@/lib/server/settlement/export-objections";
import { exportOptOutsCsv } from "@/lib/server/settlement/export-opt-outs";
import { getObjection } from "@/lib/server/settlement/get-objection";
import { getOptOut } from "@/lib/server/settlement/get-opt-out";
import { listObjections } from "@/lib/server/settlement/list-objections";
import { listOptOuts } from "@/lib/server/settlement/list-opt-outs";
import { openObjectionDocument } from "@/lib/server/settlement/open-objection-document";
import { revokeOptOut } from "@/lib/server/settlement/revoke-opt-out";
import { submitObjection } from "@/lib/server/settlement/submit-objection";
import { submitOptOut } from "@/lib/server/settlement/submit-opt-out";
import { importNoticeRecipients } from "@/lib/server/claims/import-notice-recipients";
import { exportClaimImportErrors } from "@/lib/server/claims/export-claim-import-errors";
import { getClaimImport } from "@/lib/server/claims/get-claim-import";
import { listClaimImports } from "@/lib/server/claims/list-claim-imports";
import { startClaimImport } from "@/lib/server/claims/start-claim-import";
import { getClaim } from "@/lib/server/claims/get-claim";
import { getMyClaim } from "@/lib/server/claims/get-my-claim";
import { getRescoreStatus } from "@/lib/server/claims/get-rescore-status";
import { listClaims } from "@/lib/server/claims/list-claims";
import { listMyClaims } from "@/lib/server/claims/list-my-claims";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { markDuplicate } from "@/lib/server/claims/mark-duplicate";
import { openClaimAttachment, openMyClaimAttachment } from "@/lib/server/claims/open-claim-attachment";
import { recommendClaim } from "@/lib/server/claims/recommend-claim";
import { rejectClaim } from "@/lib/server/claims/reject-claim";
import { requestRescore } from "@/lib/server/claims/request-rescore";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { verifyClaim } from "@/lib/server/claims/verify-claim";
import { ownClaimRef, withdrawClaim } from "@/lib/server/claims/withdraw-claim";
import { getClaimPaymentDetails } from "@/lib/server/payments/get-claim-payment-details";
import { getMyPaymentDetails } from "@/lib/server/payments/get-my-payment-details";
import { setPaymentDetails } from "@/lib/server/payments/set-payment-details";
import { addElement } from "@/lib/server/counts/add-element";
import { createCount } from "@/lib/server/counts/create-count";
import { getCount } from "@/lib/server/counts/get-count";
import { listCounts } from "@/lib/server/counts/list-counts";
import { reorderElements } from "@/lib/server/counts/reorder-elements";
import { updateCount } from "@/lib/server/counts/update-count";
import { updateElement } from "@/lib/server/counts/update-element";
import { cancelEvidenceRequest } from "@/lib/server/evidence/cancel-evidence-request";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { previewExhibit } from "@/lib/server/evidence/preview-exhibit";
import { exportIntakeFailures } from "@/lib/server/intake/export-intake-failures";
import { getIntakeBatch } from "@/lib/server/intake/get-intake-batch";
import { listIntakeBatches } from "@/lib/server/intake/list-intake-batches";
import { stageIntakeFile } from "@/lib/server/intake/stage-intake-file";
import { startIntake } from "@/lib/server/intake/start-intake";
import { generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { acceptSuggestion } from "@/lib/server/network/accept-suggestion";
import { acceptSdkSuggestion } from "@/lib/server/apk/accept-sdk-suggestion";
import { unsafeAnalyzeApkExhibit } from "@/lib/server/apk/analyze-apk-exhibit";
import { dismissSdkSuggestion } from "@/lib/server/apk/dismiss-sdk-suggestion";
import { listSdkSuggestions } from "@/lib/server/apk/list-sdk-suggestions";
import { reanalyzeApk } from "@/lib/server/apk/reanalyze-apk";
import { buildApk } from "@/lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";
import { exportAnalysisCertification } from "@/lib/server/reports/analysis-certification";
import { exportMethodologyAppendix } from "@/lib/server/reports/methodology-appendix";
import { unsafeAnalyzeCapture } from "@/lib/server/network/analyze-capture";
import { unsafeComputeSuggestions } from "@/lib/server/network/compute-suggestions";
import { dismissSuggestion } from "@/lib/server/network/dismiss-suggestion";
import { getCaptureFindings } from "@/lib/server/network/get-capture-findings";
import { getDataFlowGraph } from "@/lib/server/network/get-data-flow-graph";
import { getApkFindings } from "@/lib/server/apk/get-apk-findings";
import { listSuggestions } from "@/lib/server/network/list-suggestions";
import { reanalyzeCapture } from "@/lib/server/network/reanalyze-capture";
import { addExhibitDate, proposeExhibitDates } from "@/lib/server/chronology/add-exhibit-date";
import { addClaimMilestones } from "@/lib/server/chronology/add-claim-milestones";
import { buildFromAllegations } from "@/lib/server/chronology/build-from-allegations";
import { buildFromComplaint } from "@/lib/server/chronology/build-from-complaint";
import { buildFromCaptures } from "@/lib/server/chronology/build-from-captures";
import { createFact } from "@/lib/server/chronology/create-fact";
import { deleteFact } from "@/lib/server/chronology/delete-fact";
import { exportChronology } from "@/lib/server/chronology/export-chronology";
import { factFormOptions } from "@/lib/server/chronology/fact-form-options";
import { listChronology } from "@/lib/server/chronology/list-chronology";
import { loadFactFor } from "@/lib/server/chronology/load-fact";
import { updateFact } from "@/lib/server/chronology/update-fact";
import { setTrackerOverride } from "@/lib/server/network/set-tracker-override";
import { clearTrackerOverride } from "@/lib/server/network/clear-tracker-override";
import { listTrackerOverrides } from "@/lib/server/network/list-tracker-overrides";
import { deleteSdkSignature } from "@/lib/server/knowledge-base/delete-sdk-signature";
import { deleteTrackerDomain } from "@/lib/server/knowledge-base/delete-tracker-domain";
import { getKbImportReport } from "@/lib/server/knowledge-base/get-kb-import-report";
import { importExodus } from "@/lib/server/knowledge-base/import-exodus";
import { importKbCsv } from "@/lib/server/knowledge-base/import-kb-csv";
import { listKnowledgeBase } from "@/lib/server/knowledge-base/list-knowledge-base";
import { saveSdkSignature } from "@/lib/server/knowledge-base/save-sdk-signature";
import { saveTrackerDomain } from "@/lib/server/knowledge-base/save-tracker-domain";
import { listRequestAssignees } from "@/lib/server/evidence/list-request-assignees";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { getExhibit } from "@/lib/server/exhibits/get-exhibit";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { listProductions } from "@/lib/server/exhibits/list-productions";
import { openExhibitFile } from "@/lib/server/exhibits/open-exhibit-file";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { retryExtraction } from "@/lib/server/exhibits/retry-extraction";
import { searchExhibits } from "@/lib/server/exhibits/search-exhibits";
import { deleteSavedSearch } from "@/lib/server/searches/delete-saved-search";
import { listSavedSearches } from "@/lib/server/searches/list-saved-searches";
import { saveSearch } from "@/lib/server/searches/save-search";
import { listExhibitTags } from "@/lib/server/tags/list-exhibit-tags";
import { listIssues } from "@/lib/server/tags/list-issues";
import { tagExhibit } from "@/lib/server/tags/tag-exhibit";
import { untagExhibit } from "@/lib/server/tags/untag-exhibit";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { gapReportCsv } from "@/lib/server/ledger/gap-report-csv";
import { getCoverage } from "@/lib/server/ledger/get-coverage";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";
import { listLedger } from "@/lib/server/ledger/list-ledger";
import { listOutbox } from "@/lib/server/mail/list-outbox";
import { getMatterDetails } from "@/lib/server/matters/get-matter-details";
import { getMatterHeader } from "@/lib/server/matters/get-matter-header";
import { updateMatterDetails } from "@/lib/server/matters/update-matter-details";
import { getSettlementSiteSettings } from "@/lib/server/settlement-site/get-settlement-site-settings";
import { setExhibitPublished } from "@/lib/server/settlement-site/set-exhibit-published";
import { updateSettlementSite } from "@/lib/server/settlement-site/update-settlement-site";
import { getMatterOverview } from "@/lib/server/matters/get-matter-overview";
import { listMyMatters } from "@/lib/server/matters/list-my-matters";
import { listAllegationsForApi } from "@/lib/server/api/list-allegations";
import { createEvidenceLinkForApi } from "@/lib/server/api/create-evidence-link";
import { decideClaimForApi } from "@/lib/server/api/decide-claim";
import { getExhibitForApi } from "@/lib/server/api/get-exhibit";
import { getGapReportForApi } from "@/lib/server/api/get-gap-report";
import { listClaimsForApi } from "@/lib/server/api/list-claims";
import { listEvidenceLinksForApi } from "@/lib/server/api/list-evidence-links";
import { listExhibitsForApi } from "@/lib/server/api/list-exhibits";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { createAnyServiceToken } from "@/lib/server/api-tokens/create-any-service-token";
import { createServiceToken } from "@/lib/server/api-tokens/create-service-token";
import { listAnyServiceTokens } from "@/lib/server/api-tokens/list-any-service-tokens";
import { listServiceTokens } from "@/lib/server/api-tokens/list-service-tokens";
import { revokeAnyServiceToken } from "@/lib/server/api-tokens/revoke-any-service-token";
import { revokeServiceToken } from "@/lib/server/api-tokens/revoke-service-token";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { getPlaintiff } from "@/lib/server/plaintiffs/get-plaintiff";
import { listPlaintiffs } from "@/lib/server/plaintiffs/list-plaintiffs";
import { updatePlaintiff } from "@/lib/server/plaintiffs/update-plaintiff";
import { exportCertification } from "@/lib/server/reports/certification";
import { exportExhibitList } from "@/lib/server/reports/exhibit-list";
import { exportPrivilegeLog } from "@/lib/server/reports/privilege-log";
import { exportProductionLog } from "@/lib/server/exhibits/export-production-log";
import { requestRedaction } from "@/lib/server/exhibits/request-redaction";
import { listRedactedCopies } from "@/lib/server/exhibits/list-redacted-copies";
import { openRedactedCopy } from "@/lib/server/exhibits/open-redacted-copy";
import { makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { addMember, makeMatter, makeUser } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { validPlaintiffInput } from "@/lib/server/testing/fixtures";

// The actors of the matrix. Signed-out requests never reach a use case (the action client and
// the route wrapper answer them); e2e/ui/entry-points.spec.ts covers them over HTTP.
const WHO = ["attorney", "paralegal", "outsiderAttorney", "outsiderAdmin", "memberA", "memberB"] as const;
type Who = (typeof WHO)[number];
type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND";

type World = Awaited<ReturnType<typeof makeWorld>>;
// signedIn: any signed-in user acting on their own account.
type Rule = { matter: Permission } | { account: AccountPermission } | { ownClaim: true } | { signedIn: true };
// `run` is the call under test; `prepare` sets the stage first (outside the footprint), and
// `reads` marks a use case that changes nothing, so every cell may share one world.
type Entry = { rule: Rule; run: (actor: Actor, w: World) => Promise<unknown>; reads?: boolean; prepare?: (w: World) => Promise<void> };

const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Everything a use case may act on, made fresh for each cell: a matter with its team, an
// outsider attorney (on another matter), an admin who is on no team, two class members (A owns a
// deficient claim with a document; B owns a claim of their own), an allegation with a link and a
// request, a count with two elements, a plaintiff, an uploaded exhibit and a production.
async function makeWorld() {
  const team = await makeClaimMatter();
  const { matter, attorney, paralegal, admin: outsiderAdmin } = team;
  const outsiderAttorney = team.outsider;
  const otherMatter = await makeClaimMatter();
  await db.membership.create({ data: { userId: outsiderAttorney.userId, matterId: otherMatter.matter.id, role: "ATTORNEY" } });

  const memberA = await makeUser("CLASS_MEMBER", "Member A");
  const memberB = await makeUser("CLASS_MEMBER", "Member B");
  const claimOf = async (member: Actor) => {
    const filed = await submitClaim(matter.slug, validClaimInput({ email: member.email }), { ip: null });
    await db.claimant.updateMany({ where: { claims: { some: { id: filed.claimId } } }, data: { userId: member.userId } });
    return filed;
  };
  const claimA = await claimOf(memberA);
  const claimB = await claimOf(memberB);
  await markDeficient(attorney, matter.id, claimA.claimId, { fields: ["zip"], notice: "Check your ZIP code.", dueOn: inFuture(14) });
  const uploaded = await ingestExhibit(attorney, matter.id, { body: [Buffer.from(`matrix exhibit ${randomUUID()}\n`)], fileName: "matrix.txt" });
  const exhibit = await db.exhibit.findUniqueOrThrow({ where: { id: uploaded.exhibit.id } });
  const attachment = await db.claimAttachment.create({ data: { claimId: claimA.claimId, blobSha256: exhibit.blobSha256, filename: "bill.txt", uploadedById: memberA.userId } });
  const linkable = await makeLinkableExhibit(matter.id, attorney);
  const allegation = await createAllegation(attorney, matter.id, validAllegationInput());
  const link = await linkEvidence(attorney, matter.id, allegation.id, { exhibitId: linkable.id, relation: "SUPPORTS", submissionKey: randomUUID() });
  const request = await createEvidenceRequest(attorney, matter.id, allegation.id, { description: "Find the capture.", submissionKey: randomUUID() });
  const count = await createCount(attorney, matter.id, validCountInput());
  const elements = await db.element.findMany({ where: { countId: count.id }, orderBy: { position: "asc" } });
  const plaintiff = await createPlaintiff(attorney, matter.id, validPlaintiffInput());
  const production = await createProduction(attorney, matter.id, { name: "Vol. 1", exhibitIds: [exhibit.id], submissionKey: randomUUID() });
  const membership = await db.membership.findFirstOrThrow({ where: { userId: paralegal.userId, matterId: matter.id } });
  // A complaint exhibit and an import with three pending proposals (rows written directly: the
  // matrix is about who may decide them, not about parsing).
  const complaint = await ingestExhibit(attorney, matter.id, { body: [Buffer.from(await makePdf([`1. The app sent data to umeng.com. ${randomUUID()}`]))], fileName: "complaint.pdf" });
  const complaintImport = await db.complaintImport.create({
    data: {
      matterId: matter.id,
      exhibitId: complaint.exhibit.id,
      createdById: attorney.userId,
      status: "PARSED",
      proposals: {
        create: ["1", "2", "3"].map((label, i) => ({ matterId: matter.id, position: i + 1, label, sortKey: (100 + i) * 1000, text: `Proposed paragraph ${label} of the complaint.`, kind: "GENERAL" as const })),
      },
    },
    include: { proposals: { orderBy: { position: "asc" } } },
  });
  // An empty ZIP (its end-of-directory record alone) and a batch over it.
  const intakeArchive = await stageIntakeFile(attorney, matter.id, { role: "archive", body: [Buffer.concat([Buffer.from("PK\x05\x06"), Buffer.alloc(18)])], fileName: "empty.zip" });
  const intakeBatch = await startIntake(attorney, matter.id, { archiveSha256: intakeArchive.sha256, archiveName: "empty.zip", submissionKey: randomUUID() });

  return {
    matter,
    actors: { attorney, paralegal, outsiderAttorney, outsiderAdmin, memberA, memberB } satisfies Record<Who, Actor>,
    claimA,
    claimB,
    attachment,
    exhibit,
    allegation,
    link,
    request,
    count,
    elements,
    plaintiff,
    production,
    membership,
    recoveryCodes: {} as Record<string, string>,
    complaintExhibit: complaint.exhibit,
    complaintImport,
    proposals: complaintImport.proposals,
    intakeArchive,
    intakeBatch,
  };
}

// The PDF (and a redacted copy of it) the redaction rows work on, made per world by their
// prepare step: the shared exhibit is text.
const redactable = new Map<string, { exhibitId: string; copyId: string }>();
async function prepareRedactable(w: World) {
  const exhibitId = (await ingestExhibit(w.actors.attorney, w.matter.id, { body: [await makePdf([`a secret ${randomUUID()}`])], fileName: "redact-me.pdf" })).exhibit.id;
  // The copy row is written directly: running the redaction job here would start the parser
  // sandbox for every world (redaction.test.ts covers the job itself).
  const exhibit = await db.exhibit.findUniqueOrThrow({ where: { id: exhibitId } });
  const copy = await db.redactedCopy.create({
    data: { matterId: w.matter.id, exhibitId, originalSha256: exhibit.blobSha256, redactedSha256: exhibit.blobSha256, pageTexts: ["a"], createdById: w.actors.attorney.userId },
  });
  redactable.set(w.matter.id, { exhibitId, copyId: copy.id });
}
const redactableIn = (w: World) => redactable.get(w.matter.id)!;

// A world's opt-out and objection (with a PDF), filed on the public forms once its matter has
// settlement deadlines: the staff rows read, export, download and revoke them.
const responses = new Map<string, { optOutId: string; objectionId: string }>();
async function prepareResponses(w: World) {
  const deadline = new Date(`${inFuture(30)}T00:00:00Z`);
  await db.matter.update({ where: { id: w.matter.id }, data: { optOutDeadline: deadline, objectionDeadline: deadline } });
  const person = { fullName: "Matrix Member", email: `matrix.${randomUUID().slice(0, 8)}@example.org`, addressLine1: "1 Matrix Way", city: "Oakland", state: "CA", zip: "94612", attestationName: "Matrix Member", attestationAgree: "on" };
  const optOut = await submitOptOut(w.matter.slug, { ...person, submissionKey: randomUUID(), exclude: "on" }, { ip: null });
  const objection = await submitObjection(
    w.matter.slug,
    { ...person, fullName: "Other Member", attestationName: "Other Member", submissionKey: randomUUID(), represented: "no", appearAtHearing: "no", grounds: "The release is broader than the class claims." },
    { name: "grounds.pdf", bytes: Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n%%EOF\n`) },
    { ip: null },
  );
  responses.set(w.matter.id, { optOutId: optOut.id, objectionId: objection.id });
}
const responsesIn = (w: World) => responses.get(w.matter.id)!;
const RR = (matter: Permission, run: Entry["run"]): Entry => ({ rule: { matter }, run, reads: true, prepare: prepareResponses });
type Extra = Pick<Entry, "prepare">;

// Two-factor set-up as the account pages do it: staff with a password, enrolled with a code from
// their (pending) secret; each actor's first recovery code is kept to turn it off with.
const MATRIX_PASSWORD = "the matrix password 1";
const staffOf = (w: World) => Object.values(w.actors).filter((a) => a.role !== "CLASS_MEMBER");
async function givePasswords(w: World) {
  const passwordHash = await hashPassword(MATRIX_PASSWORD);
  await db.user.updateMany({ where: { id: { in: Object.values(w.actors).map((a) => a.userId) } }, data: { passwordHash } });
}
async function pendingSecretOf(a: Actor): Promise<string> {
  const row = await db.user.findUniqueOrThrow({ where: { id: a.userId }, select: { totpPendingSecret: true } });
  return row.totpPendingSecret ? decryptTotpSecret(a.userId, row.totpPendingSecret) : "JBSWY3DPEHPK3PXP";
}
async function enrolStaff(w: World) {
  await givePasswords(w);
  for (const a of staffOf(w)) {
    await startTwoFactorEnrollment(a);
    const { recoveryCodes } = await confirmTwoFactorEnrollment(a, { currentPassword: MATRIX_PASSWORD, code: currentTotpCode(await pendingSecretOf(a)) });
    w.recoveryCodes[a.userId] = recoveryCodes[0]!;
  }
}
// Staff on no matter get one (a token needs a matter of their own), and everyone a token row.
async function giveEveryoneAMatterAndAToken(w: World) {
  const other = await makeMatter("Token v. Matrix");
  for (const a of staffOf(w)) {
    if (!(await db.membership.findFirst({ where: { userId: a.userId } }))) await addMember(a, other.id, "PARALEGAL");
  }
  for (const a of Object.values(w.actors)) {
    await db.apiToken.create({ data: { userId: a.userId, name: "existing", secretHash: "0".repeat(64), access: "READ", matterIds: [], expiresAt: new Date(Date.now() + 3600_000) } });
  }
}

// A claim-feed token of the world's matter, made by its attorney (rows written directly).
const serviceTokens = new Map<string, string>();
async function prepareServiceToken(w: World) {
  const row = await db.apiToken.create({
    data: { userId: w.actors.attorney.userId, name: "feed", secretHash: "0".repeat(64), access: "WRITE", kind: "SERVICE", matterIds: [w.matter.id], expiresAt: new Date(Date.now() + 3600_000) },
  });
  serviceTokens.set(w.matter.id, row.id);
}

// Approved claims to distribute to, and (for locking) a preview computed by the attorney.
const distributionPlan = () => ({ submissionKey: randomUUID(), grossFund: "1000", attorneysFees: "250", costs: "0", adminCosts: "0", minimumPayment: "0", minimumMode: "RAISE_TO_FLOOR", defaultWeight: "1", "weight:ILLINOIS": "5" });
const previews = new Map<string, string>();
async function prepareDistribution(w: World) {
  await generateApprovedClaims(w.matter.id, "ILLINOIS", 2);
  await generateApprovedClaims(w.matter.id, null, 3);
  previews.set(w.matter.id, (await computeDistribution(w.actors.attorney, w.matter.id, distributionPlan())).id);
}
const paidClaims = new Map<string, string>();
// A locked run to make payment files from (locking is the attorney's; the cells then read it).
async function prepareLockedDistribution(w: World) {
  await prepareDistribution(w);
  await lockDistribution(w.actors.attorney, w.matter.id, previews.get(w.matter.id)!, { reason: "Final approval order entered." });
}
// A finished claim import with one refused row, for the import page and its error report.
const claimImports = new Map<string, string>();
async function prepareClaimImport(w: World) {
  const sha256 = randomUUID().replaceAll("-", "").padEnd(64, "0");
  await db.blob.create({ data: { sha256, size: 10n, mediaType: "text/csv", storageKey: `matrix/${sha256}` } });
  const imp = await db.claimImport.create({
    data: { matterId: w.matter.id, fileName: "paper.csv", blobSha256: sha256, createdById: w.actors.paralegal.userId, status: "DONE", rowsRead: 1, errorCount: 1 },
  });
  await db.claimImportError.create({ data: { importId: imp.id, line: 2, field: "zip", message: "Enter a 5-digit ZIP code, like 60601" } });
  claimImports.set(w.matter.id, imp.id);
}
const M = (matter: Permission, run: Entry["run"], extra: Extra = {}): Entry => ({ rule: { matter }, run, ...extra });
const R = (matter: Permission, run: Entry["run"]): Entry => ({ rule: { matter }, run, reads: true });
const A = (account: AccountPermission, run: Entry["run"], options: boolean | Extra = false): Entry =>
  typeof options === "boolean" ? { rule: { account }, run, reads: options } : { rule: { account }, run, ...options };
const OWN = (run: Entry["run"], reads = false): Entry => ({ rule: { ownClaim: true }, run, reads });
// Optimistic-locking use cases take the version the user saw: read it as the page would.
const versionOf = async (table: "exhibit" | "allegation" | "plaintiff", id: string) =>
  ((await (db[table] as unknown as { findUniqueOrThrow: (q: object) => Promise<{ updatedAt: Date }> }).findUniqueOrThrow({ where: { id } })).updatedAt.toISOString());

// A world's analysed capture and one suggestion for its DATA_TRANSFER allegation (umeng.com).
const captures = new Map<string, { exhibitId: string; observationId: string }>();
async function prepareCapture(w: World): Promise<void> {
  const { exhibit } = await ingestExhibit(w.actors.attorney, w.matter.id, { body: [Buffer.from(generateCaptureText({ entries: 10 }))], fileName: "matrix.har" });
  const analysis = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
  await unsafeAnalyzeCapture(analysis.id);
  const { suggestions } = await unsafeComputeSuggestions(w.matter.id, { allegationId: w.allegation.id });
  captures.set(w.matter.id, { exhibitId: exhibit.id, observationId: suggestions[0]!.observationId });
}
const captureOf = (w: World) => captures.get(w.matter.id)!;
const packages = new Map<string, { exhibitId: string; analysisId: string; allegationId: string }>();
async function preparePackage(w: World): Promise<void> {
  const { exhibit } = await ingestExhibit(w.actors.attorney, w.matter.id, { body: [await buildApk(demoApkSpec())], fileName: "matrix.apk" });
  const analysis = await db.apkAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
  await unsafeAnalyzeApkExhibit(analysis.id);
  const allegation = await db.allegation.create({ data: { matterId: w.matter.id, paragraph: 907, text: "Baidu code is embedded in the app.", kind: "SDK_EMBEDDED", sdkPrefixes: ["com.baidu"] } });
  packages.set(w.matter.id, { exhibitId: exhibit.id, analysisId: analysis.id, allegationId: allegation.id });
}
// For Analyse again only the package is needed, its ingest analysis already over (here: failed).
async function preparePackageOnly(w: World): Promise<void> {
  const { exhibit } = await ingestExhibit(w.actors.attorney, w.matter.id, { body: [await buildApk(demoApkSpec())], fileName: "matrix.apk" });
  await db.apkAnalysis.updateMany({ where: { exhibitId: exhibit.id }, data: { status: "FAILED", error: "matrix" } });
  packages.set(w.matter.id, { exhibitId: exhibit.id, analysisId: "", allegationId: "" });
}
const packageOf = (w: World) => {
  const p = packages.get(w.matter.id)!;
  return { ...p, ref: { analysisId: p.analysisId, allegationId: p.allegationId, sdkPrefix: "com.baidu.android.pushservice" } };
};

// A world's chronology fact, sourced to its exhibit (made privileged by the rows that need it).
const facts = new Map<string, string>();
async function prepareFact(w: World): Promise<void> {
  const fact = await createFact(w.actors.attorney, w.matter.id, { submissionKey: randomUUID(), precision: "DAY", start: "2019-04-03", description: "A dated fact.", sourceExhibitId: w.exhibit.id });
  facts.set(w.matter.id, fact.id);
}
const factOf = (w: World) => facts.get(w.matter.id)!;

// The global knowledge base is shared by every test file: each cell's rows have their own domain.
const kbName = () => `matrix-${randomUUID().slice(0, 8)}`;
const kbCsv = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name: "matrix.csv", size: bytes.length, stream: new Blob([bytes]).stream() };
};
const kbRows = new Map<string, { domainId: string; signatureId: string; importId: string }>();
async function prepareKbRows(w: World) {
  const admin = w.actors.outsiderAdmin;
  const { row } = await saveTrackerDomain(admin, { domain: `${kbName()}.com`, organisation: "Matrix Co", category: "ADS", source: "Matrix test" });
  const { row: signature } = await saveSdkSignature(admin, { prefix: `org.${kbName().replace("-", "")}`, organisation: "Matrix Co", sdk: "Matrix SDK", source: "Matrix test" });
  const run = await importKbCsv(admin, kbCsv("domain,organisation,category,source\nnot a domain,X,ADS,Matrix test\n"));
  kbRows.set(w.matter.id, { domainId: row.id, signatureId: signature.id, importId: run.id });
}
const kbRowsOf = (w: World) => kbRows.get(w.matter.id)!;

const USE_CASES: Record<string, Entry> = {
  // administration
  listUsersAndMatters: A("admin.users", (a) => listUsersAndMatters(a), true),
  createStaffUser: A("admin.users", (a) => createStaffUser(a, { submissionKey: randomUUID(), email: `new-${randomUUID().slice(0, 8)}@test.proofline`, name: "New Person", role: "STAFF", password: "a long enough password 1" })),
  setUserDisabled: A("admin.users", (a, w) => setUserDisabled(a, { userId: w.actors.paralegal.userId, disabled: "true" })),
  addMembership: A("admin.memberships", (a, w) => addMembership(a, { matterId: w.matter.id, email: w.actors.outsiderAttorney.email, role: "PARALEGAL" })),
  removeMembership: A("admin.memberships", (a, w) => removeMembership(a, { membershipId: w.membership.id })),
  listOutbox: A("admin.outbox", (a) => listOutbox(a), true),
  signOutEverywhere: { rule: { signedIn: true }, run: (a) => signOutEverywhere(a) },
  changePassword: {
    rule: { signedIn: true },
    run: (a) => changePassword(a, { currentPassword: "the current password 1", newPassword: "a new long password 2", confirmPassword: "a new long password 2" }),
    prepare: async (w) => {
      const passwordHash = await hashPassword("the current password 1");
      await db.user.updateMany({ where: { id: { in: Object.values(w.actors).map((a) => a.userId) } }, data: { passwordHash } });
    },
  },
  // two-factor sign-in (staff accounts) and who must use it
  getTwoFactorStatus: A("account.two-factor", (a) => getTwoFactorStatus(a), true),
  startTwoFactorEnrollment: A("account.two-factor", (a) => startTwoFactorEnrollment(a)),
  confirmTwoFactorEnrollment: A("account.two-factor", async (a) => confirmTwoFactorEnrollment(a, { currentPassword: MATRIX_PASSWORD, code: currentTotpCode(await pendingSecretOf(a)) }), {
    prepare: async (w) => {
      await givePasswords(w);
      for (const a of staffOf(w)) await startTwoFactorEnrollment(a);
    },
  }),
  regenerateRecoveryCodes: A("account.two-factor", (a) => regenerateRecoveryCodes(a, { currentPassword: MATRIX_PASSWORD }), { prepare: enrolStaff }),
  disableTwoFactor: A("account.two-factor", async (a, w) => disableTwoFactor(a, { currentPassword: MATRIX_PASSWORD, code: w.recoveryCodes[a.userId] ?? "aaaaa-aaaaa" }), { prepare: enrolStaff }),
  resetUserTwoFactor: A("admin.users", (a, w) => resetUserTwoFactor(a, { userId: w.actors.paralegal.userId }), { prepare: enrolStaff }),
  // Turned off in every cell: the switch is global, and other test files share the database.
  setStaffTwoFactorRequirement: A("admin.settings", (a) => setStaffTwoFactorRequirement(a, { required: "false" })),
  setAnyMatterTwoFactorRequirement: A("admin.settings", (a, w) => setAnyMatterTwoFactorRequirement(a, { matterId: w.matter.id, required: "true" })),
  setMatterTwoFactorRequirement: M("matter.security", (a, w) => setMatterTwoFactorRequirement(a, w.matter.id, { required: "true" })),
  listMyMatters: A("matters.list", (a) => listMyMatters(a), true),
  // personal access tokens: made on a matter of the actor's own, revoked only by their owner
  listApiTokens: A("account.tokens", (a) => listApiTokens(a), true),
  createApiToken: A("account.tokens", async (a, w) => createApiToken(a, { name: "matrix", access: "READ", matterIds: (await db.membership.findFirst({ where: { userId: a.userId } }))?.matterId ?? w.matter.id, expiresInDays: "1" }), { prepare: giveEveryoneAMatterAndAToken }),
  revokeApiToken: A("account.tokens", async (a) => revokeApiToken(a, { tokenId: (await db.apiToken.findFirst({ where: { userId: a.userId } }))?.id ?? randomUUID() }), { prepare: giveEveryoneAMatterAndAToken }),
  listAllegationsForApi: R("matter.read", (a, w) => listAllegationsForApi(a, w.matter.id, {})),
  // claim-feed service tokens: the matter's attorneys, or an administrator for any matter
  createServiceToken: M("claims.feed-tokens", (a, w) => createServiceToken(a, w.matter.id, { name: "matrix feed", expiresInDays: "1" })),
  listServiceTokens: R("claims.feed-tokens", (a, w) => listServiceTokens(a, w.matter.id)),
  revokeServiceToken: M("claims.feed-tokens", (a, w) => revokeServiceToken(a, w.matter.id, { tokenId: serviceTokens.get(w.matter.id)! }), { prepare: prepareServiceToken }),
  createAnyServiceToken: A("admin.service-tokens", (a, w) => createAnyServiceToken(a, { matterId: w.matter.id, name: "matrix feed", expiresInDays: "1" })),
  listAnyServiceTokens: A("admin.service-tokens", (a) => listAnyServiceTokens(a), true),
  revokeAnyServiceToken: A("admin.service-tokens", (a, w) => revokeAnyServiceToken(a, { tokenId: serviceTokens.get(w.matter.id)! }), { prepare: prepareServiceToken }),
  listExhibitsForApi: R("matter.read", (a, w) => listExhibitsForApi(a, w.matter.id, { q: "matrix" })),
  getExhibitForApi: R("matter.read", (a, w) => getExhibitForApi(a, w.matter.id, w.exhibit.id)),
  listEvidenceLinksForApi: R("matter.read", (a, w) => listEvidenceLinksForApi(a, w.matter.id, w.allegation.id)),
  getGapReportForApi: R("matter.read", (a, w) => getGapReportForApi(a, w.matter.id, {})),
  listClaimsForApi: R("matter.read", (a, w) => listClaimsForApi(a, w.matter.id, { status: "SUBMITTED" })),
  createEvidenceLinkForApi: M("evidence.link", (a, w) => createEvidenceLinkForApi(a, w.matter.id, w.allegation.id, { exhibitId: w.exhibit.id, relation: "CONTEXT" }, null)),
  decideClaimForApi: M("claims.decide", (a, w) => decideClaimForApi(a, w.matter.id, w.claimB.claimId, { decision: "approve" })),
  // matters and the ledger
  getMatterHeader: R("matter.read", (a, w) => getMatterHeader(a, w.matter.id)),
  getMatterDetails: R("matter.read", (a, w) => getMatterDetails(a, w.matter.id)),
  updateMatterDetails: M("matter.edit", async (a, w) =>
    updateMatterDetails(a, w.matter.id, {
      court: "N.D. Cal.",
      docketNumber: "5:19-cv-07792",
      judge: "Hon. Test Judge",
      expectedUpdatedAt: (await db.matter.findUniqueOrThrow({ where: { id: w.matter.id } })).updatedAt.toISOString(),
    }),
  ),
  getMatterOverview: R("matter.read", (a, w) => getMatterOverview(a, w.matter.id)),
  getSettlementSiteSettings: R("matter.read", (a, w) => getSettlementSiteSettings(a, w.matter.id)),
  updateSettlementSite: M("site.edit", (a, w) => updateSettlementSite(a, w.matter.id, { faq_en: "Demo FAQ", faq_es: "Preguntas de demostración" })),
  // Taking a (text, never published) exhibit off the site: allowed, and a no-op.
  setExhibitPublished: M("exhibits.publish", (a, w) => setExhibitPublished(a, w.matter.id, w.exhibit.id, { published: "off" })),
  verifyAuditChain: R("matter.read", (a, w) => verifyAuditChain(a, w.matter.id)),
  listLedger: R("matter.read", (a, w) => listLedger(a, w.matter.id, {})),
  getCoverage: R("matter.read", (a, w) => getCoverage(a, w.matter.id)),
  getGapReport: R("matter.read", (a, w) => getGapReport(a, w.matter.id)),
  gapReportCsv: R("matter.read", (a, w) => gapReportCsv(a, w.matter.id)),
  getAllegation: R("matter.read", (a, w) => getAllegation(a, w.matter.id, w.allegation.id)),
  loadAllegationFor: R("matter.read", (a, w) => loadAllegationFor(a, w.matter.id, w.allegation.id)),
  createAllegation: M("allegations.write", (a, w) => createAllegation(a, w.matter.id, validAllegationInput({ paragraph: 99 }))),
  updateAllegation: M("allegations.write", async (a, w) => {
    const { submissionKey: _unused, ...fields } = validAllegationInput({ text: "Reworded." });
    return updateAllegation(a, w.matter.id, w.allegation.id, { ...fields, expectedUpdatedAt: await versionOf("allegation", w.allegation.id) });
  }),
  flagAllegation: M("allegations.flag", (a, w) => flagAllegation(a, w.matter.id, w.allegation.id, { severity: "UNSUPPORTED", reason: "Needs the capture." })),
  clearFlag: M("allegations.flag", (a, w) => clearFlag(a, w.matter.id, w.allegation.id, { reason: "Found it." }), {
    prepare: async (w) => void (await flagAllegation(w.actors.attorney, w.matter.id, w.allegation.id, { severity: "UNSUPPORTED", reason: "Needs the capture." })),
  }),
  // complaint import (the ledger's authorization)
  startComplaintImport: M("allegations.write", (a, w) => startComplaintImport(a, w.matter.id, { exhibitId: w.complaintExhibit.id, submissionKey: randomUUID() })),
  listComplaintImports: R("matter.read", (a, w) => listComplaintImports(a, w.matter.id)),
  getComplaintImport: R("matter.read", (a, w) => getComplaintImport(a, w.matter.id, w.complaintImport.id)),
  acceptProposal: M("allegations.write", (a, w) => acceptProposal(a, w.matter.id, w.proposals[0]!.id, { label: "100" })),
  dropProposal: M("allegations.write", (a, w) => dropProposal(a, w.matter.id, w.proposals[1]!.id, { reason: "Not an allegation." })),
  mergeProposal: M("allegations.write", (a, w) => mergeProposal(a, w.matter.id, w.proposals[2]!.id, {})),
  splitProposal: M("allegations.write", (a, w) => splitProposal(a, w.matter.id, w.proposals[0]!.id, { at: 10, label: "1a" })),
  applyAmendment: M("allegations.write", (a, w) => applyAmendment(a, w.matter.id, w.complaintImport.id, { withdraw: [] })),
  linkEvidence: M("evidence.link", (a, w) => linkEvidence(a, w.matter.id, w.allegation.id, { exhibitId: w.exhibit.id, relation: "CONTEXT", submissionKey: randomUUID() })),
  unlinkEvidence: M("evidence.link", (a, w) => unlinkEvidence(a, w.matter.id, w.link.id, { reason: "Wrong exhibit." })),
  findLinkableExhibits: R("matter.read", (a, w) => findLinkableExhibits(a, w.matter.id, { q: "matrix" })),
  previewExhibit: R("matter.read", (a, w) => previewExhibit(a, w.matter.id, w.exhibit.id)),
  // bulk intake
  stageIntakeFile: M("exhibits.upload", (a, w) => stageIntakeFile(a, w.matter.id, { role: "load-file", body: [Buffer.from(`path,title\na.txt,A ${randomUUID()}\n`)], fileName: "load.csv" })),
  startIntake: M("exhibits.upload", (a, w) => startIntake(a, w.matter.id, { archiveSha256: w.intakeArchive.sha256, archiveName: "empty.zip", submissionKey: randomUUID() })),
  listIntakeBatches: R("matter.read", (a, w) => listIntakeBatches(a, w.matter.id)),
  getIntakeBatch: R("matter.read", (a, w) => getIntakeBatch(a, w.matter.id, w.intakeBatch.id)),
  exportIntakeFailures: R("matter.read", (a, w) => exportIntakeFailures(a, w.matter.id, w.intakeBatch.id)),
  // network captures
  getCaptureFindings: R("matter.read", (a, w) => getCaptureFindings(a, w.matter.id, w.exhibit.id)),
  getApkFindings: R("matter.read", (a, w) => getApkFindings(a, w.matter.id, w.exhibit.id)),
  listSuggestions: R("matter.read", (a, w) => listSuggestions(a, w.matter.id)),
  getDataFlowGraph: R("matter.read", (a, w) => getDataFlowGraph(a, w.matter.id, { category: "IMEI" })),
  setTrackerOverride: M("captures.kb-override", (a, w) => setTrackerOverride(a, w.matter.id, { domain: "umeng.com", organisation: "Umeng", category: "ANALYTICS", source: "Matrix test" })),
  clearTrackerOverride: M("captures.kb-override", (a, w) => clearTrackerOverride(a, w.matter.id, { domain: "umeng.com" }), {
    prepare: async (w) => void (await setTrackerOverride(w.actors.attorney, w.matter.id, { domain: "umeng.com", organisation: "Umeng", category: "ANALYTICS", source: "Matrix test" })),
  }),
  listTrackerOverrides: R("matter.read", (a, w) => listTrackerOverrides(a, w.matter.id)),
  // the global tracker knowledge base (administrators)
  listKnowledgeBase: A("admin.kb", (a) => listKnowledgeBase(a, {}), true),
  saveTrackerDomain: A("admin.kb", (a) => saveTrackerDomain(a, { domain: `${kbName()}.com`, organisation: "Matrix Co", category: "ADS", source: "Matrix test" })),
  deleteTrackerDomain: A("admin.kb", (a, w) => deleteTrackerDomain(a, { id: kbRowsOf(w).domainId }), { prepare: prepareKbRows }),
  saveSdkSignature: A("admin.kb", (a) => saveSdkSignature(a, { prefix: `org.${kbName().replace("-", "")}`, organisation: "Matrix Co", sdk: "Matrix SDK", source: "Matrix test" })),
  deleteSdkSignature: A("admin.kb", (a, w) => deleteSdkSignature(a, { id: kbRowsOf(w).signatureId }), { prepare: prepareKbRows }),
  importKbCsv: A("admin.kb", (a) => importKbCsv(a, kbCsv(`domain,organisation,category,source\n${kbName()}.com,Matrix Co,ADS,Matrix test\n`))),
  importExodus: A("admin.kb", (a) =>
    importExodus(a, { name: "exodus.json", bytes: new TextEncoder().encode(JSON.stringify({ trackers: { "1": { name: "Matrix Tracker", code_signature: "", network_signature: `${kbName()}\\.com` } } })) }),
  ),
  getKbImportReport: { ...A("admin.kb", (a, w) => getKbImportReport(a, kbRowsOf(w).importId), true), prepare: prepareKbRows },
  reanalyzeCapture: M("captures.analyze", (a, w) => reanalyzeCapture(a, w.matter.id, captureOf(w).exhibitId), { prepare: prepareCapture }),
  // chronology
  listChronology: R("matter.read", (a, w) => listChronology(a, w.matter.id, {})),
  factFormOptions: R("matter.read", (a, w) => factFormOptions(a, w.matter.id)),
  loadFactFor: { ...R("matter.read", (a, w) => loadFactFor(a, w.matter.id, factOf(w))), prepare: prepareFact },
  createFact: M("chronology.write", (a, w) => createFact(a, w.matter.id, { submissionKey: randomUUID(), precision: "MONTH", start: "2019-04", description: "April." })),
  updateFact: M("chronology.write", (a, w) => updateFact(a, w.matter.id, factOf(w), { precision: "YEAR", start: "2019", description: "Edited." }), { prepare: prepareFact }),
  deleteFact: M("chronology.write", (a, w) => deleteFact(a, w.matter.id, factOf(w), { reason: "Not needed" }), { prepare: prepareFact }),
  buildFromCaptures: M("chronology.write", (a, w) => buildFromCaptures(a, w.matter.id), { prepare: prepareCapture }),
  buildFromAllegations: M("chronology.write", (a, w) => buildFromAllegations(a, w.matter.id)),
  buildFromComplaint: M("chronology.write", (a, w) => buildFromComplaint(a, w.matter.id)),
  addClaimMilestones: M("chronology.write", (a, w) => addClaimMilestones(a, w.matter.id)),
  proposeExhibitDates: R("matter.read", (a, w) => proposeExhibitDates(a, w.matter.id, w.exhibit.id)),
  addExhibitDate: M("chronology.write", (a, w) => addExhibitDate(a, w.matter.id, w.exhibit.id, { dateKind: "obtained" }), {
    prepare: async (w) => void (await db.exhibit.update({ where: { id: w.exhibit.id }, data: { obtainedAt: new Date("2019-04-03T12:00:00Z") } })),
  }),
  exportChronology: R("matter.read", (a, w) => exportChronology(a, w.matter.id, "csv")),
  // Stating facts proven only by privileged exhibits in a paper is the attorney's call.
  exportChronologyWithPrivileged: M("chronology.include-privileged", (a, w) => exportChronology(a, w.matter.id, "pdf", { includePrivileged: "1" }), {
    prepare: async (w) => {
      await prepareFact(w);
      await db.exhibit.update({ where: { id: w.exhibit.id }, data: { privilege: "WORK_PRODUCT", privilegeBasis: "test" } });
    },
  }),
  acceptSuggestion: M("evidence.link", (a, w) => acceptSuggestion(a, w.matter.id, { observationId: captureOf(w).observationId, allegationId: w.allegation.id }), { prepare: prepareCapture }),
  dismissSuggestion: M("evidence.link", (a, w) => dismissSuggestion(a, w.matter.id, { observationId: captureOf(w).observationId, allegationId: w.allegation.id, reason: "Not the app under test." }), {
    prepare: prepareCapture,
  }),
  reanalyzeApk: M("captures.analyze", (a, w) => reanalyzeApk(a, w.matter.id, packageOf(w).exhibitId), { prepare: preparePackageOnly }),
  listSdkSuggestions: R("matter.read", (a, w) => listSdkSuggestions(a, w.matter.id)),
  acceptSdkSuggestion: M("evidence.link", (a, w) => acceptSdkSuggestion(a, w.matter.id, packageOf(w).ref), { prepare: preparePackage }),
  dismissSdkSuggestion: M("evidence.link", (a, w) => dismissSdkSuggestion(a, w.matter.id, { ...packageOf(w).ref, reason: "Not the shipped build." }), { prepare: preparePackage }),
  exportAnalysisCertification: M("exhibits.certify", (a, w) => exportAnalysisCertification(a, w.matter.id, packageOf(w).analysisId, "pdf"), { prepare: preparePackage }),
  exportMethodologyAppendix: M("matter.read", (a, w) => exportMethodologyAppendix(a, w.matter.id, packageOf(w).analysisId), { prepare: preparePackage }),
  createEvidenceRequest: M("evidence.request", (a, w) => createEvidenceRequest(a, w.matter.id, w.allegation.id, { description: "Subpoena the logs.", submissionKey: randomUUID() })),
  cancelEvidenceRequest: M("evidence.request", (a, w) => cancelEvidenceRequest(a, w.matter.id, w.request.id, { reason: "No longer needed." })),
  listRequestAssignees: R("matter.read", (a, w) => listRequestAssignees(a, w.matter.id)),
  // counts and plaintiffs
  listCounts: R("matter.read", (a, w) => listCounts(a, w.matter.id)),
  getCount: R("matter.read", (a, w) => getCount(a, w.matter.id, w.count.id)),
  createCount: M("counts.write", (a, w) => createCount(a, w.matter.id, validCountInput({ number: 7 }))),
  updateCount: M("counts.write", (a, w) => updateCount(a, w.matter.id, w.count.id, { number: 1, title: "Renamed count", statute: "18 U.S.C. § 1030" })),
  addElement: M("counts.write", (a, w) => addElement(a, w.matter.id, w.count.id, { text: "Damages" })),
  updateElement: M("counts.write", (a, w) => updateElement(a, w.matter.id, w.elements[0]!.id, { text: "Access to a protected computer (reworded)" })),
  reorderElements: M("counts.write", (a, w) => reorderElements(a, w.matter.id, w.count.id, { elementIds: w.elements.map((e) => e.id).reverse() })),
  listPlaintiffs: R("matter.read", (a, w) => listPlaintiffs(a, w.matter.id)),
  getPlaintiff: R("matter.read", (a, w) => getPlaintiff(a, w.matter.id, w.plaintiff.id)),
  createPlaintiff: M("plaintiffs.write", (a, w) => createPlaintiff(a, w.matter.id, validPlaintiffInput())),
  updatePlaintiff: M("plaintiffs.write", async (a, w) => {
    const { submissionKey: _unused, ...fields } = validPlaintiffInput({ notes: "edited" });
    return updatePlaintiff(a, w.matter.id, w.plaintiff.id, { ...fields, expectedUpdatedAt: await versionOf("plaintiff", w.plaintiff.id) });
  }),
  // exhibits, productions and reports
  ingestExhibit: M("exhibits.upload", (a, w) => ingestExhibit(a, w.matter.id, { body: [Buffer.from(`another ${randomUUID()}\n`)], fileName: "another.txt" })),
  listExhibits: R("matter.read", (a, w) => listExhibits(a, w.matter.id)),
  searchExhibits: R("matter.read", (a, w) => searchExhibits(a, w.matter.id, { q: "matrix" })),
  // Issue tags and saved searches. Each staff actor owns a saved search in the matter (an
  // outsider's too, as if left from a past membership): only a member may delete their own.
  tagExhibit: M("exhibits.tag", (a, w) => tagExhibit(a, w.matter.id, w.exhibit.id, { issue: `element:${w.elements[0]!.id}` })),
  untagExhibit: M("exhibits.tag", async (a, w) => untagExhibit(a, w.matter.id, w.exhibit.id, { exhibitTagId: (await db.exhibitTag.findFirstOrThrow({ where: { exhibitId: w.exhibit.id } })).id }), {
    prepare: async (w) => void (await db.exhibitTag.create({ data: { matterId: w.matter.id, exhibitId: w.exhibit.id, countId: w.count.id, createdById: w.actors.attorney.userId } })),
  }),
  listExhibitTags: R("matter.read", (a, w) => listExhibitTags(a, w.matter.id, w.exhibit.id)),
  listIssues: R("matter.read", (a, w) => listIssues(a, w.matter.id)),
  saveSearch: M("searches.save", (a, w) => saveSearch(a, w.matter.id, { name: "Matrix search", q: "matrix OR umeng", shared: "on" })),
  listSavedSearches: R("matter.read", (a, w) => listSavedSearches(a, w.matter.id)),
  deleteSavedSearch: M(
    "searches.save",
    async (a, w) => deleteSavedSearch(a, w.matter.id, { savedSearchId: (await db.savedSearch.findFirst({ where: { matterId: w.matter.id, ownerId: a.userId } }))?.id ?? randomUUID() }),
    {
      prepare: async (w) =>
        void (await db.savedSearch.createMany({
          data: staffOf(w).map((a) => ({ matterId: w.matter.id, ownerId: a.userId, name: "Mine", nameKey: "mine", filters: { q: "matrix" }, shared: true })),
        })),
    },
  ),
  getExhibit: R("matter.read", (a, w) => getExhibit(a, w.matter.id, w.exhibit.id)),
  openExhibitFile: R("matter.read", async (a, w) => (await openExhibitFile(a, w.matter.id, w.exhibit.id, "download")).stream.destroy()),
  updateExhibitMetadata: M("exhibits.edit", async (a, w) =>
    updateExhibitMetadata(a, w.matter.id, w.exhibit.id, { title: "Renamed exhibit", kind: "DOCUMENT", expectedUpdatedAt: await versionOf("exhibit", w.exhibit.id) }),
  ),
  designateExhibit: M("exhibits.designate", async (a, w) =>
    designateExhibit(a, w.matter.id, w.exhibit.id, { confidentiality: "CONFIDENTIAL", privilege: "NONE", reason: "Produced under the protective order.", expectedUpdatedAt: await versionOf("exhibit", w.exhibit.id) }),
  ),
  retryExtraction: M("exhibits.retry-extraction", (a, w) => retryExtraction(a, w.matter.id, w.exhibit.id), {
    prepare: async (w) => void (await db.exhibit.update({ where: { id: w.exhibit.id }, data: { extractionStatus: "FAILED", extractionError: "test" } })),
  }),
  createProduction: M("exhibits.produce", (a, w) => createProduction(a, w.matter.id, { name: "Vol. 2", exhibitIds: [w.exhibit.id], submissionKey: randomUUID() })),
  listProductions: R("matter.read", (a, w) => listProductions(a, w.matter.id)),
  openProductionZip: R("matter.read", async (a, w) => (await openProductionZip(a, w.matter.id, w.production.id)).stream.destroy()),
  exportExhibitList: R("matter.read", (a, w) => exportExhibitList(a, w.matter.id, "csv")),
  // Naming a privileged exhibit on the list is the attorney's call.
  exportExhibitListWithPrivileged: M("exhibits.list-privileged", (a, w) => exportExhibitList(a, w.matter.id, "pdf", { exhibits: String(w.exhibit.number) }), {
    prepare: async (w) => void (await db.exhibit.update({ where: { id: w.exhibit.id }, data: { privilege: "WORK_PRODUCT", privilegeBasis: "test" } })),
  }),
  exportPrivilegeLog: R("matter.read", (a, w) => exportPrivilegeLog(a, w.matter.id, "csv")),
  exportProductionLog: R("matter.read", (a, w) => exportProductionLog(a, w.matter.id, "csv")),
  requestRedaction: M("exhibits.redact", (a, w) => requestRedaction(a, w.matter.id, redactableIn(w).exhibitId, { terms: [{ text: "secret", reason: "PII" }], regions: [{ page: 1, x: 0, y: 0, width: 10, height: 10, reason: "PII" }], submissionKey: randomUUID() }), {
    prepare: prepareRedactable,
  }),
  listRedactedCopies: R("matter.read", (a, w) => listRedactedCopies(a, w.matter.id, w.exhibit.id)),
  openRedactedCopy: { ...R("matter.read", async (a, w) => (await openRedactedCopy(a, w.matter.id, redactableIn(w).exhibitId, redactableIn(w).copyId)).stream.destroy()), prepare: prepareRedactable },
  exportCertification: M("exhibits.certify", (a, w) => exportCertification(a, w.matter.id, { exhibitIds: [w.exhibit.id] })),
  // claims, staff side
  listClaims: R("matter.read", (a, w) => listClaims(a, w.matter.id, {})),
  getClaim: R("matter.read", (a, w) => getClaim(a, w.matter.id, w.claimB.claimId)),
  getClaimPaymentDetails: R("matter.read", (a, w) => getClaimPaymentDetails(a, w.matter.id, w.claimB.claimId)),
  importNoticeRecipients: M("claims.import", (a, w) =>
    importNoticeRecipients(a, w.matter.id, Readable.from([`notice_id,confirmation_code,full_name,address1,address2,city,state,zip\nN-${randomUUID().slice(0, 8)},K7P2X9Q4M3,Ada Lovelace,1 Main St,,Chicago,IL,60601\n`])),
  ),
  startClaimImport: M("claims.import", (a, w) =>
    startClaimImport(a, w.matter.id, { fileName: "paper.csv", body: Readable.from([Buffer.from("external_id,full_name\nx,Ada\n")]) }),
  ),
  listClaimImports: R("claims.import", (a, w) => listClaimImports(a, w.matter.id)),
  getClaimImport: { rule: { matter: "claims.import" }, reads: true, prepare: prepareClaimImport, run: (a, w) => getClaimImport(a, w.matter.id, claimImports.get(w.matter.id)!) },
  exportClaimImportErrors: M("claims.import", async (a, w) => (await exportClaimImportErrors(a, w.matter.id, claimImports.get(w.matter.id)!)).body.resume(), { prepare: prepareClaimImport }),
  exportClaimsCsv: R("claims.export", (a, w) => exportClaimsCsv(a, w.matter.id, {})),
  getRescoreStatus: R("matter.read", (a, w) => getRescoreStatus(a, w.matter.id)),
  requestRescore: M("claims.rescore", (a, w) => requestRescore(a, w.matter.id)),
  openClaimAttachment: R("matter.read", async (a, w) => (await openClaimAttachment(a, w.matter.id, w.claimA.claimId, w.attachment.id)).stream.destroy()),
  verifyClaim: M("claims.review", (a, w) => verifyClaim(a, w.matter.id, w.claimB.claimId)),
  markDeficient: M("claims.review", (a, w) => markDeficient(a, w.matter.id, w.claimB.claimId, { fields: ["zip"], notice: "Check your ZIP code.", dueOn: inFuture(14) })),
  recommendClaim: M("claims.review", (a, w) => recommendClaim(a, w.matter.id, w.claimB.claimId, { recommendation: "APPROVE", reason: "Qualifies." })),
  approveClaim: M("claims.decide", (a, w) => approveClaim(a, w.matter.id, w.claimB.claimId)),
  rejectClaim: M("claims.decide", (a, w) => rejectClaim(a, w.matter.id, w.claimB.claimId, { reason: "Not a class member." })),
  markDuplicate: M("claims.decide", (a, w) => markDuplicate(a, w.matter.id, w.claimB.claimId, { duplicateOfNumber: w.claimA.number })),
  bulkClaimAction: M("claims.decide", (a, w) => bulkClaimAction(a, w.matter.id, { action: "approve", claimIds: [w.claimB.claimId] })),
  // distribution
  getDistribution: R("matter.read", (a, w) => getDistribution(a, w.matter.id)),
  computeDistribution: M("distribution.prepare", (a, w) => computeDistribution(a, w.matter.id, distributionPlan()), { prepare: prepareDistribution }),
  lockDistribution: M("distribution.lock", (a, w) => lockDistribution(a, w.matter.id, previews.get(w.matter.id)!, { reason: "Final approval order entered." }), { prepare: prepareDistribution }),
  exportPaymentFile: M("payments.export", (a, w) => exportPaymentFile(a, w.matter.id, previews.get(w.matter.id)!, "PAYPAL"), { prepare: prepareLockedDistribution }),
  importPaymentStatus: M(
    "payments.reconcile",
    async (a, w) => importPaymentStatus(a, w.matter.id, previews.get(w.matter.id)!, `claim_number,status,reason\n${paidClaims.get(w.matter.id)},paid,\n`),
    {
      // The generated claims' numbers are not real ones (no check character): give one a real number.
      prepare: async (w) => {
        await prepareLockedDistribution(w);
        const claim = await db.claim.findFirstOrThrow({ where: { matterId: w.matter.id, status: "APPROVED" } });
        paidClaims.set(w.matter.id, (await db.claim.update({ where: { id: claim.id }, data: { number: generateClaimNumber() } })).number);
      },
    },
  ),
  getReissueQueue: { ...R("matter.read", (a, w) => getReissueQueue(a, w.matter.id, previews.get(w.matter.id)!)), prepare: prepareDistribution },
  getPaymentFileSummary: { ...R("matter.read", (a, w) => getPaymentFileSummary(a, w.matter.id, previews.get(w.matter.id)!)), prepare: prepareDistribution },
  // opt-outs and objections (staff side)
  listOptOuts: RR("opt-outs.read", (a, w) => listOptOuts(a, w.matter.id, {})),
  getOptOut: RR("opt-outs.read", (a, w) => getOptOut(a, w.matter.id, responsesIn(w).optOutId)),
  exportOptOutsCsv: RR("opt-outs.read", (a, w) => exportOptOutsCsv(a, w.matter.id)),
  revokeOptOut: M("opt-outs.revoke", (a, w) => revokeOptOut(a, w.matter.id, responsesIn(w).optOutId, { reason: "Member wrote to withdraw it." }), { prepare: prepareResponses }),
  listObjections: RR("objections.read", (a, w) => listObjections(a, w.matter.id, {})),
  getObjection: RR("objections.read", (a, w) => getObjection(a, w.matter.id, responsesIn(w).objectionId)),
  exportObjectionsCsv: RR("objections.read", (a, w) => exportObjectionsCsv(a, w.matter.id)),
  openObjectionDocument: RR("objections.read", async (a, w) => (await openObjectionDocument(a, w.matter.id, responsesIn(w).objectionId)).stream.destroy()),
  // claims, the class member's own
  listMyClaims: A("claims.own", (a) => listMyClaims(a), true),
  getMyClaim: OWN((a, w) => getMyClaim(a, w.claimA.number), true),
  ownClaimRef: OWN((a, w) => ownClaimRef(a, w.claimA.number), true),
  withdrawClaim: OWN((a, w) => withdrawClaim(a, w.claimA.number)),
  answerDeficiency: OWN((a, w) => answerDeficiency(a, w.claimA.number, { zip: "94110" }, null)),
  setPaymentDetails: OWN((a, w) => setPaymentDetails(a, w.claimA.number, { method: "PAYPAL", recipient: "member@example.org" })),
  getMyPaymentDetails: OWN((a, w) => getMyPaymentDetails(a, w.claimA.number), true),
  openMyClaimAttachment: OWN(async (a, w) => (await openMyClaimAttachment(a, w.claimA.number, w.attachment.id)).stream.destroy(), true),
};

// Exported functions taking an Actor that are not use cases of their own.
const NOT_USE_CASES = new Set([
  // the gate itself
  "canReadMatter",
  "requirePermission",
  // a step inside the two-factor use cases (they have rows)
  "confirmCurrentPassword",
  // test fixtures
  "addMember",
  "makeExhibit",
]);

const ROLE_OF: Record<Who, { account: "STAFF" | "ADMIN" | "CLASS_MEMBER"; matterRole: "ATTORNEY" | "PARALEGAL" | null }> = {
  attorney: { account: "STAFF", matterRole: "ATTORNEY" },
  paralegal: { account: "STAFF", matterRole: "PARALEGAL" },
  outsiderAttorney: { account: "STAFF", matterRole: null },
  outsiderAdmin: { account: "ADMIN", matterRole: null },
  memberA: { account: "CLASS_MEMBER", matterRole: null },
  memberB: { account: "CLASS_MEMBER", matterRole: null },
};

// What the tables say this actor gets.
function expected(rule: Rule, who: Who): Outcome {
  const { account, matterRole } = ROLE_OF[who];
  if ("matter" in rule) return matterRole === null ? "NOT_FOUND" : roleHas(matterRole, rule.matter) ? "allowed" : "FORBIDDEN";
  if ("account" in rule) return accountHas(account, rule.account) ? "allowed" : "NOT_FOUND";
  if ("signedIn" in rule) return "allowed";
  return who === "memberA" ? "allowed" : "NOT_FOUND";
}

// A refusal must leave the matter as it was: rows of every table keyed by the matter, and no
// audit row by the refused actor.
async function footprint(matterId: string, actorId: string): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'matterId' ORDER BY table_name`;
  const counts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}" WHERE "matterId" = $1::uuid`, matterId);
    counts.push(`${table_name}=${row!.n}`);
  }
  const [audit] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorId" = ${actorId}::uuid`;
  const [users] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "User" WHERE "disabledAt" IS NOT NULL`;
  return [...counts, `audit-by-actor=${audit!.n}`, `disabled-users=${users!.n}`].join(" ");
}

describe("authorization matrix (from lib/permissions.ts)", () => {
  it("has an entry for every use case under lib/server", () => {
    const root = path.join(import.meta.dirname, "..");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
          for (const m of fs.readFileSync(full, "utf8").matchAll(/^export async function (\w+)\(actor: Actor\b/gm)) found.push(m[1]!);
        }
      }
    };
    walk(root);
    const missing = found.filter((name) => !(name in USE_CASES) && !NOT_USE_CASES.has(name));
    expect(missing, "use cases without a row in the authorization matrix").toEqual([]);
    expect(found.length).toBeGreaterThan(60);
  });

  it("covers every permission of the tables", () => {
    const used = new Set<string>(Object.values(USE_CASES).map((e) => ("matter" in e.rule ? e.rule.matter : "account" in e.rule ? e.rule.account : "own")));
    // These widen what a use case does or shows for a role, rather than admit to one.
    const unused = [...Object.keys(MATTER_PERMISSIONS), ...Object.keys(ACCOUNT_PERMISSIONS)].filter((p) => !used.has(p) && p !== "exhibits.produce-privileged" && p !== "captures.unmask" && p !== "payments.view-full");
    expect(unused).toEqual([]);
  });

  for (const [name, entry] of Object.entries(USE_CASES)) {
    it(`${name}: ${WHO.map((w) => `${w} ${expected(entry.rule, w)}`).join(", ")}`, async () => {
      const outcomes: Partial<Record<Who, string>> = {};
      const wanted: Partial<Record<Who, Outcome>> = {};
      // Refusals change nothing, so they share one world; each allowed cell acts on a fresh one,
      // so that one actor's change never decides the next actor's answer.
      const fresh = async () => {
        const w = await makeWorld();
        await entry.prepare?.(w);
        return w;
      };
      const shared = await fresh();
      for (const who of WHO) {
        wanted[who] = expected(entry.rule, who);
        const world = wanted[who] === "allowed" && !entry.reads ? await fresh() : shared;
        const actor = world.actors[who];
        const before = await footprint(world.matter.id, actor.userId);
        const outcome = await entry.run(actor, world).then(
          () => "allowed",
          (e: unknown) => (e instanceof AppError ? e.code : `unexpected ${e instanceof Error ? e.message : String(e)}`),
        );
        outcomes[who] = outcome;
        if (outcome === "FORBIDDEN" || outcome === "NOT_FOUND") expect(await footprint(world.matter.id, actor.userId), `${name} as ${who} wrote on refusal`).toBe(before);
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
