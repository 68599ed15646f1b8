import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

// ingestExhibit's metadata boundary stores the small files it is given.
vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-fuzz-${process.pid}-${Date.now()}`;
});

import { isAppError } from "@/lib/app-error";
import * as adminSchemas from "@/lib/schemas/admin";
import * as allegationSchemas from "@/lib/schemas/allegation";
import * as authSchemas from "@/lib/schemas/auth";
import * as claimSchemas from "@/lib/schemas/claim";
import * as complaintImportSchemas from "@/lib/schemas/complaint-import";
import * as countSchemas from "@/lib/schemas/count";
import * as evidenceSchemas from "@/lib/schemas/evidence";
import * as exhibitSchemas from "@/lib/schemas/exhibit";
import * as matterSchemas from "@/lib/schemas/matter";
import * as intakeSchemas from "@/lib/schemas/intake";
import * as plaintiffSchemas from "@/lib/schemas/plaintiff";
import * as reportSchemas from "@/lib/schemas/reports";
import * as distributionSchemas from "@/lib/schemas/distribution";
import * as chronologySchemas from "@/lib/schemas/chronology";
import * as paymentSchemas from "@/lib/schemas/payment-details";
import { setPaymentDetails } from "@/lib/server/payments/set-payment-details";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";
import { importPaymentStatus } from "@/lib/server/distribution/import-payment-status";
import { createFact } from "@/lib/server/chronology/create-fact";
import { updateFact } from "@/lib/server/chronology/update-fact";
import { deleteFact } from "@/lib/server/chronology/delete-fact";
import { addExhibitDate } from "@/lib/server/chronology/add-exhibit-date";
import { exportChronology } from "@/lib/server/chronology/export-chronology";
import * as settlementResponseSchemas from "@/lib/schemas/settlement-response";
import * as networkSchemas from "@/lib/schemas/network";
import * as knowledgeBaseSchemas from "@/lib/schemas/knowledge-base";
import * as apiV1Schemas from "@/lib/schemas/api-v1";
import * as apiTokenSchemas from "@/lib/schemas/api-token";
import { createEvidenceLinkForApi } from "@/lib/server/api/create-evidence-link";
import { decideClaimForApi } from "@/lib/server/api/decide-claim";
import { listClaimsForApi } from "@/lib/server/api/list-claims";
import { listExhibitsForApi } from "@/lib/server/api/list-exhibits";
import { getGapReportForApi } from "@/lib/server/api/get-gap-report";
import { createAnyServiceToken } from "@/lib/server/api-tokens/create-any-service-token";
import { createServiceToken } from "@/lib/server/api-tokens/create-service-token";
import { revokeServiceToken } from "@/lib/server/api-tokens/revoke-service-token";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { addMembership } from "@/lib/server/admin/add-membership";
import { createStaffUser } from "@/lib/server/admin/create-staff-user";
import { removeMembership } from "@/lib/server/admin/remove-membership";
import { resetUserTwoFactor } from "@/lib/server/admin/reset-user-two-factor";
import { setAnyMatterTwoFactorRequirement } from "@/lib/server/admin/set-any-matter-two-factor-requirement";
import { setUserDisabled } from "@/lib/server/admin/set-user-disabled";
import { confirmTwoFactorEnrollment } from "@/lib/server/auth/confirm-two-factor-enrollment";
import { disableTwoFactor } from "@/lib/server/auth/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/server/auth/regenerate-recovery-codes";
import { requestPasswordReset } from "@/lib/server/accounts/request-password-reset";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { setMatterTwoFactorRequirement } from "@/lib/server/matters/set-matter-two-factor-requirement";
import { clearFlag } from "@/lib/server/allegations/clear-flag";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { updateAllegation } from "@/lib/server/allegations/update-allegation";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { bulkClaimAction } from "@/lib/server/claims/bulk-claim-action";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { markDuplicate } from "@/lib/server/claims/mark-duplicate";
import { recommendClaim } from "@/lib/server/claims/recommend-claim";
import { rejectClaim } from "@/lib/server/claims/reject-claim";
import { requestSignInLink } from "@/lib/server/claims/request-sign-in-link";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { saveClaimDraft } from "@/lib/server/claims/save-claim-draft";
import { uploadClaimDocument } from "@/lib/server/claims/upload-claim-document";
import { revokeOptOut } from "@/lib/server/settlement/revoke-opt-out";
import { submitObjection } from "@/lib/server/settlement/submit-objection";
import { submitOptOut } from "@/lib/server/settlement/submit-opt-out";
import { verifyClaim } from "@/lib/server/claims/verify-claim";
import { acceptProposal } from "@/lib/server/complaints/accept-proposal";
import { applyAmendment } from "@/lib/server/complaints/apply-amendment";
import { dropProposal } from "@/lib/server/complaints/drop-proposal";
import { mergeProposal } from "@/lib/server/complaints/merge-proposal";
import { splitProposal } from "@/lib/server/complaints/split-proposal";
import { startComplaintImport } from "@/lib/server/complaints/start-complaint-import";
import { addElement } from "@/lib/server/counts/add-element";
import { createCount } from "@/lib/server/counts/create-count";
import { reorderElements } from "@/lib/server/counts/reorder-elements";
import { updateCount } from "@/lib/server/counts/update-count";
import { updateElement } from "@/lib/server/counts/update-element";
import { cancelEvidenceRequest } from "@/lib/server/evidence/cancel-evidence-request";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { acceptSuggestion } from "@/lib/server/network/accept-suggestion";
import { acceptSdkSuggestion } from "@/lib/server/apk/accept-sdk-suggestion";
import { dismissSdkSuggestion } from "@/lib/server/apk/dismiss-sdk-suggestion";
import { dismissSuggestion } from "@/lib/server/network/dismiss-suggestion";
import { setTrackerOverride } from "@/lib/server/network/set-tracker-override";
import { clearTrackerOverride } from "@/lib/server/network/clear-tracker-override";
import { deleteSdkSignature } from "@/lib/server/knowledge-base/delete-sdk-signature";
import { deleteTrackerDomain } from "@/lib/server/knowledge-base/delete-tracker-domain";
import { listKnowledgeBase } from "@/lib/server/knowledge-base/list-knowledge-base";
import { saveSdkSignature } from "@/lib/server/knowledge-base/save-sdk-signature";
import { saveTrackerDomain } from "@/lib/server/knowledge-base/save-tracker-domain";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { searchExhibits } from "@/lib/server/exhibits/search-exhibits";
import { deleteSavedSearch } from "@/lib/server/searches/delete-saved-search";
import { saveSearch } from "@/lib/server/searches/save-search";
import { tagExhibit } from "@/lib/server/tags/tag-exhibit";
import { untagExhibit } from "@/lib/server/tags/untag-exhibit";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { startIntake } from "@/lib/server/intake/start-intake";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { updatePlaintiff } from "@/lib/server/plaintiffs/update-plaintiff";
import { updateMatterDetails } from "@/lib/server/matters/update-matter-details";
import { exportCertification } from "@/lib/server/reports/certification";
import { exportExhibitList } from "@/lib/server/reports/exhibit-list";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeLinkableExhibit, validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { makeUser, validPlaintiffInput } from "@/lib/server/testing/fixtures";

const SEED = 20_251_202;
const RUNS = 100;

// Field names the schemas know: objects built from them get past `.strict()` and reach the
// field checks, where the interesting refusals are.
function schemaKeys(): string[] {
  const keys = new Set<string>();
  const visit = (s: unknown, depth: number) => {
    if (depth > 4 || !(s instanceof z.ZodType)) return;
    const def = s.def as unknown as Record<string, unknown>;
    if (s instanceof z.ZodObject) {
      for (const [k, v] of Object.entries(s.shape as Record<string, unknown>)) {
        keys.add(k);
        visit(v, depth + 1);
      }
    }
    for (const inner of [def.in, def.out, def.innerType, def.schema]) visit(inner, depth + 1);
  };
  for (const mod of [adminSchemas, allegationSchemas, authSchemas, claimSchemas, complaintImportSchemas, countSchemas, distributionSchemas, evidenceSchemas, exhibitSchemas, intakeSchemas, matterSchemas, networkSchemas, plaintiffSchemas, reportSchemas, chronologySchemas, settlementResponseSchemas, knowledgeBaseSchemas, apiV1Schemas, apiTokenSchemas, paymentSchemas]) {
    for (const value of Object.values(mod)) visit(value, 0);
  }
  return [...keys];
}

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfffy", "=HYPERLINK(\"x\")", "0000-01-01", "9999-99-99", "-1", "1e400", "NaN", " ", "__proto__"),
  fc.constant("x".repeat(200_000)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
);

function deep(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

// Objects with own `__proto__`/`constructor` keys, as JSON.parse makes them from a request body.
const withPrototypeKeys = (base: Record<string, unknown>) =>
  Object.assign(JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": true}}}') as object, base);

function inputs(keys: string[]): unknown[] {
  const field = fc.constantFrom(...keys);
  const arb = fc.oneof(
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true, withSparseArray: true }) },
    { weight: 5, arbitrary: fc.dictionary(field, nasty, { maxKeys: 8 }) },
    { weight: 1, arbitrary: fc.dictionary(field, nasty, { maxKeys: 4 }).map(withPrototypeKeys) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 3000 }).map(deep) },
  );
  return fc.sample(arb, { seed: SEED, numRuns: RUNS });
}

// Rows that a use case of this matter (or by these actors) can write.
async function rowCounts(matterId: string, actorIds: string[]): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'matterId' ORDER BY table_name`;
  const parts = tables.map((t) => `(SELECT count(*) FROM "${t.table_name}" WHERE "matterId" = $1::uuid)`);
  parts.push(`(SELECT count(*) FROM "AuditEvent" WHERE "actorId" = ANY($2::uuid[]))`);
  parts.push(`(SELECT count(*) FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."matterId" = $1::uuid)`);
  const [row] = await db.$queryRawUnsafe<{ counts: string }[]>(`SELECT concat_ws(',', ${parts.join(", ")}) AS counts`, matterId, actorIds);
  return row!.counts;
}

describe("fuzzing every zod boundary", () => {
  it("refuses generated inputs only with AppError and writes nothing on refusal", { timeout: 180_000 }, async () => {
    const { matter, attorney, admin, paralegal, outsider } = await makeClaimMatter();
    const m = matter.id;
    const exhibit = await makeLinkableExhibit(m, attorney);
    const allegation = await createAllegation(attorney, m, validAllegationInput({ paragraph: 901 }));
    const count = await createCount(attorney, m, validCountInput({ number: 9 }));
    const element = await db.element.findFirstOrThrow({ where: { countId: count.id } });
    const plaintiff = await createPlaintiff(attorney, m, validPlaintiffInput());
    const claim = await submitClaim(matter.slug, validClaimInput(), { ip: null });
    // The claim's member, signed in, for their payment details.
    const member = await makeUser("CLASS_MEMBER", "Fuzz Member");
    await db.claimant.update({ where: { id: (await db.claim.findUniqueOrThrow({ where: { id: claim.claimId } })).claimantId }, data: { userId: member.userId } });
    const rnd = crypto.randomUUID();
    const A: Actor = attorney;
    const fact = await createFact(attorney, m, { submissionKey: rnd, precision: "DAY", start: "2019-04-03", description: "Fuzzed fact." });
    // Opt-out and objection forms open (deadline ahead), and one opt-out staff could revoke.
    const deadline = new Date(Date.now() + 30 * 86_400_000);
    await db.matter.update({ where: { id: m }, data: { optOutDeadline: deadline, objectionDeadline: deadline } });
    const optOut = await submitOptOut(matter.slug, { submissionKey: crypto.randomUUID(), fullName: "Fuzz Person", email: "fuzz.person@example.org", addressLine1: "1 Fuzz St", city: "Oakland", state: "CA", zip: "94612", exclude: "on", attestationName: "Fuzz Person", attestationAgree: "on" }, { ip: null });

    const useCases: [string, (input: unknown) => Promise<unknown>][] = [
      ["addMembership", (i) => addMembership(admin, i)],
      ["removeMembership", (i) => removeMembership(admin, i)],
      ["setUserDisabled", (i) => setUserDisabled(admin, i)],
      ["createStaffUser", (i) => createStaffUser(admin, i)],
      ["searchExhibits", (i) => searchExhibits(A, m, i)],
      ["listExhibits", (i) => listExhibits(A, m, i)],
      ["tagExhibit", (i) => tagExhibit(A, m, exhibit.id, i)],
      ["untagExhibit", (i) => untagExhibit(A, m, exhibit.id, i)],
      ["saveSearch", (i) => saveSearch(A, m, i)],
      ["deleteSavedSearch", (i) => deleteSavedSearch(A, m, i)],
      ["designateExhibit", (i) => designateExhibit(A, m, exhibit.id, i)],
      ["updateExhibitMetadata", (i) => updateExhibitMetadata(A, m, exhibit.id, i)],
      ["createProduction", (i) => createProduction(A, m, i)],
      ["updatePlaintiff", (i) => updatePlaintiff(A, m, plaintiff.id, i)],
      ["createPlaintiff", (i) => createPlaintiff(A, m, i)],
      ["updateCount", (i) => updateCount(A, m, count.id, i)],
      ["addElement", (i) => addElement(A, m, count.id, i)],
      ["reorderElements", (i) => reorderElements(A, m, count.id, i)],
      ["updateElement", (i) => updateElement(A, m, element.id, i)],
      ["createCount", (i) => createCount(A, m, i)],
      ["clearFlag", (i) => clearFlag(A, m, allegation.id, i)],
      ["updateAllegation", (i) => updateAllegation(A, m, allegation.id, i)],
      ["createAllegation", (i) => createAllegation(A, m, i)],
      ["flagAllegation", (i) => flagAllegation(A, m, allegation.id, i)],
      ["requestSignInLink", (i) => requestSignInLink(i)],
      ["requestPasswordReset", (i) => requestPasswordReset(i, "192.0.2.1")],
      ["resetPassword", (i) => resetPassword(i, "192.0.2.1")],
      ["confirmTwoFactorEnrollment", (i) => confirmTwoFactorEnrollment(outsider, i)],
      ["regenerateRecoveryCodes", (i) => regenerateRecoveryCodes(outsider, i)],
      ["disableTwoFactor", (i) => disableTwoFactor(outsider, i)],
      ["setAnyMatterTwoFactorRequirement", (i) => setAnyMatterTwoFactorRequirement(admin, i)],
      ["resetUserTwoFactor", (i) => resetUserTwoFactor(admin, i)],
      ["setMatterTwoFactorRequirement", (i) => setMatterTwoFactorRequirement(A, m, i)],
      ["submitClaim", (i) => submitClaim(matter.slug, i, { ip: "192.0.2.1" })],
      ["saveClaimDraft", (i) => saveClaimDraft(matter.slug, i, { ip: "192.0.2.1", locale: "es" })],
      ["uploadClaimDocument", (i) => uploadClaimDocument(matter.slug, Buffer.from("%PDF-1.4\n%%EOF\n"), i, { ip: "192.0.2.1" })],
      ["submitOptOut", (i) => submitOptOut(matter.slug, i, { ip: "192.0.2.1" })],
      ["submitObjection", (i) => submitObjection(matter.slug, i, null, { ip: "192.0.2.1", locale: "es" })],
      ["revokeOptOut", (i) => revokeOptOut(A, m, optOut.id, i)],
      ["bulkClaimAction", (i) => bulkClaimAction(A, m, i)],
      ["markDeficient", (i) => markDeficient(A, m, claim.claimId, i)],
      ["rejectClaim", (i) => rejectClaim(A, m, claim.claimId, i)],
      ["verifyClaim", (i) => verifyClaim(A, m, claim.claimId, i)],
      ["recommendClaim", (i) => recommendClaim(paralegal, m, claim.claimId, i)],
      ["approveClaim", (i) => approveClaim(A, m, claim.claimId, i)],
      ["markDuplicate", (i) => markDuplicate(A, m, claim.claimId, i)],
      ["exportCertification", (i) => exportCertification(A, m, i)],
      ["exportCertificationDocx", (i) => exportCertification(A, m, i, "docx")],
      ["exportExhibitList", (i) => exportExhibitList(A, m, "pdf", i)],
      ["updateMatterDetails", (i) => updateMatterDetails(A, m, i)],
      ["cancelEvidenceRequest", (i) => cancelEvidenceRequest(A, m, rnd, i)],
      ["linkEvidence", (i) => linkEvidence(A, m, allegation.id, i)],
      ["createEvidenceRequest", (i) => createEvidenceRequest(A, m, allegation.id, i)],
      ["unlinkEvidence", (i) => unlinkEvidence(A, m, rnd, i)],
      ["startComplaintImport", (i) => startComplaintImport(A, m, i)],
      ["acceptProposal", (i) => acceptProposal(A, m, rnd, i)],
      ["dropProposal", (i) => dropProposal(A, m, rnd, i)],
      ["mergeProposal", (i) => mergeProposal(A, m, rnd, i)],
      ["splitProposal", (i) => splitProposal(A, m, rnd, i)],
      ["applyAmendment", (i) => applyAmendment(A, m, rnd, i)],
      ["findLinkableExhibits", (i) => findLinkableExhibits(A, m, i)],
      ["ingestExhibit (metadata)", (i) => ingestExhibit(A, m, { body: [Buffer.from(`fuzz ${crypto.randomUUID()}`)], fileName: "fuzz.txt", metadata: i })],
      ["startIntake", (i) => startIntake(A, m, i)],
      ["acceptSuggestion", (i) => acceptSuggestion(A, m, i)],
      ["dismissSuggestion", (i) => dismissSuggestion(A, m, i)],
      ["acceptSdkSuggestion", (i) => acceptSdkSuggestion(A, m, i)],
      ["dismissSdkSuggestion", (i) => dismissSdkSuggestion(A, m, i)],
      ["setTrackerOverride", (i) => setTrackerOverride(A, m, i)],
      ["computeDistribution", (i) => computeDistribution(A, m, i)],
      ["lockDistribution", (i) => lockDistribution(A, m, rnd, i)],
      ["setPaymentDetails", (i) => setPaymentDetails(member, claim.number, i)],
      ["exportPaymentFile", (i) => exportPaymentFile(A, m, rnd, i)],
      ["importPaymentStatus", (i) => importPaymentStatus(A, m, rnd, i)],
      ["createFact", (i) => createFact(A, m, i)],
      ["updateFact", (i) => updateFact(A, m, fact.id, i)],
      ["deleteFact", (i) => deleteFact(A, m, fact.id, i)],
      ["addExhibitDate", (i) => addExhibitDate(A, m, exhibit.id, i)],
      ["exportChronology", (i) => exportChronology(paralegal, m, "csv", i)],
      ["clearTrackerOverride", (i) => clearTrackerOverride(A, m, i)],
      ["saveTrackerDomain", (i) => saveTrackerDomain(admin, i)],
      ["deleteTrackerDomain", (i) => deleteTrackerDomain(admin, i)],
      ["saveSdkSignature", (i) => saveSdkSignature(admin, i)],
      ["deleteSdkSignature", (i) => deleteSdkSignature(admin, i)],
      ["listKnowledgeBase", (i) => listKnowledgeBase(admin, i)],
      ["listExhibitsForApi", (i) => listExhibitsForApi(A, m, i)],
      ["listClaimsForApi", (i) => listClaimsForApi(A, m, i)],
      ["getGapReportForApi", (i) => getGapReportForApi(A, m, i)],
      ["createEvidenceLinkForApi", (i) => createEvidenceLinkForApi(A, m, allegation.id, i, null)],
      ["decideClaimForApi", (i) => decideClaimForApi(A, m, claim.claimId, i)],
      ["createServiceToken", (i) => createServiceToken(A, m, i)],
      ["createAnyServiceToken", (i) => createAnyServiceToken(admin, i)],
      ["revokeServiceToken", (i) => revokeServiceToken(A, m, i)],
    ];

    const generated = inputs(schemaKeys());
    const actorIds = [attorney.userId, admin.userId, paralegal.userId, outsider.userId, member.userId];
    const failures: string[] = [];
    let tried = 0;
    let before = await rowCounts(m, actorIds);
    for (const [name, run] of useCases) {
      for (const input of generated) {
        tried++;
        try {
          await run(input);
          before = await rowCounts(m, actorIds);
        } catch (error) {
          if (!isAppError(error)) {
            failures.push(`${name}: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`);
            continue;
          }
          const after = await rowCounts(m, actorIds);
          if (after !== before) failures.push(`${name}: refused (${error.code}) but rows changed ${before} → ${after}`);
          before = after;
        }
      }
    }
    console.log(`fuzz: ${tried} inputs tried across ${useCases.length} use cases, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});
