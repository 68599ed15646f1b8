import "server-only";
import { todayIn } from "@/lib/claims/dates";
import { endSentence } from "@/lib/format";
import { v7 as uuidv7 } from "uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/app-error";
import { AUDIT_EVENTS, auditRecord, type AuditAction } from "@/lib/audit/events";
import { generateClaimNumber } from "@/lib/claims/claim-number";
import { ipPrefix, normalizeAddress, normalizeEmail, normalizePhone } from "@/lib/claims/normalize";
import { scoreOf } from "@/lib/claims/signals";
import { eligibilityFailures, subclassFor, type Answers, type TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { buildClaimSubmissionSchema, questionField, type TClaimSubmission } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { createCoalescer } from "@/lib/server/batching/coalescer";
import { db } from "@/lib/server/db";
import { computeSignals, type ComputedSignal } from "@/lib/server/claims/compute-signals";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { settleSignals } from "@/lib/server/claims/settle-signals";
import { resolveClaimDocuments, type ClaimDocument } from "@/lib/server/claims/resolve-claim-documents";
import { hashToken } from "@/lib/server/auth/sign-in-tokens";
import { normalizeName } from "@/lib/settlement/responses";
import { logger } from "@/lib/server/logger";
import { confirmationCodesMatch } from "@/lib/server/claims/prefill-from-notice";
import { linkUrl, newSignInToken, VERIFY_LINK_TTL_MS } from "@/lib/server/auth/sign-in-tokens";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { outboxEntry } from "@/lib/server/mail/queue-mail";

// Building a zod schema compiles it; the form definition object lives in getClaimForm's cache,
// so its schema is built once per definition, not once per submission.
const schemas = new WeakMap<TClaimFormDefinition, ReturnType<typeof buildClaimSubmissionSchema>>();
function submissionSchemaFor(def: TClaimFormDefinition) {
  let schema = schemas.get(def);
  if (!schema) schemas.set(def, (schema = buildClaimSubmissionSchema(def)));
  return schema;
}

// viaTokenId: the claim feed's service token the claim came through (claim-feed.ts), if any.
export type SubmitContext = { ip: string | null; now?: Date; viaTokenId?: string | null };
export type SubmitResult = { claimId: string; number: string; created: boolean };

// Public: no account needed. Writes the claimant, the claim, its SUBMITTED event, its fraud
// signals, the verification token, the verification mail and the audit row in ONE statement
// (data-modifying CTEs), so they commit together and a submission costs one round trip.
// The same idempotency key within the matter returns the first claim; concurrent duplicates
// wait on the unique index and then read the winner.
export async function submitClaim(matterSlug: string, input: unknown, ctx: SubmitContext): Promise<SubmitResult> {
  const form = await getClaimForm(matterSlug);
  const def = form.definition;
  const data = parseInput(submissionSchemaFor(def), input);
  const today = todayIn(form.timeZone, ctx.now ?? new Date());
  if (today > def.claimDeadline) throw AppError.validation({ _form: [`The deadline to file was ${def.claimDeadline}.`] }, "The claim deadline has passed.");

  const answers: Answers = {};
  for (const q of def.questions) {
    const value = (data as Record<string, unknown>)[questionField(q.id)];
    if (typeof value === "string" && value !== "") answers[q.id] = value;
  }
  const failures = eligibilityFailures(def, answers);
  if (failures.length && !data.submitAnyway) {
    const fieldErrors = Object.fromEntries(failures.map((f) => [questionField(f.questionId), [`${f.reason} If you still believe you qualify, tick “Submit for review anyway”.`]]));
    throw AppError.validation(fieldErrors, "Based on your answers you may not qualify.");
  }

  if (data.noticeId) {
    const notice = await db.noticeRecipient.findUnique({
      where: { matterId_noticeId: { matterId: form.matterId, noticeId: data.noticeId } },
      select: { confirmationCode: true },
    });
    if (!notice || !confirmationCodesMatch(notice.confirmationCode, data.confirmationCode ?? "")) {
      throw AppError.validation({ confirmationCode: ["This notice ID and confirmation code do not match a notice we sent. Check both, or leave them empty."] });
    }
  }

  // A filing that completes a saved form takes that draft's documents, and deletes the draft.
  const draft = data.draftToken
    ? await db.claimDraft.findFirst({ where: { tokenHash: hashToken(data.draftToken), matterId: form.matterId, expiresAt: { gt: ctx.now ?? new Date() } }, select: { id: true } })
    : null;
  const documents = await resolveClaimDocuments(form.matterId, { tokens: data.documents, draftId: draft?.id ?? null, draftUploadIds: data.draftDocuments }, ctx.now);

  const emailNormalized = normalizeEmail(data.email);
  const phoneNormalized = normalizePhone(data.phone);
  const addressNormalized = normalizeAddress(data);
  const prefix = ipPrefix(ctx.ip);
  const signals = await computeSignals({
    matterId: form.matterId,
    fullName: data.fullName,
    dateOfBirth: data.dateOfBirth,
    emailNormalized,
    phoneNormalized,
    addressNormalized,
    ip: ctx.ip,
    ipPrefix: prefix,
  });
  const fraudScore = scoreOf(signals);
  const subclass = subclassFor(def, answers);
  const { token, hash } = newSignInToken();

  for (let attempt = 0; ; attempt++) {
    const claimId = uuidv7();
    const number = generateClaimNumber();
    const mail = outboxEntry({
      to: data.email,
      subject: `Confirm your email for claim ${number}`,
      text:
        `Thank you for filing claim ${number} in ${endSentence(form.caption)}\n\n` +
        `Confirm your email address and follow your claim's status here:\n${linkUrl(token)}\n\n` +
        `The link works once and expires in 72 hours. If you did not file this claim, ignore this message.\n`,
      secrets: [token],
    });
    const inserted = await insertClaim({
      claimId, number, matterId: form.matterId, data, answers, subclass, attestation: def.attestation, ip: ctx.ip, viaTokenId: ctx.viaTokenId ?? null, prefix, fraudScore,
      emailNormalized, phoneNormalized, addressNormalized, failures, signals, tokenHash: hash, mail: mail.row, documents,
    });
    if (inserted) {
      if (draft) await db.claimDraft.deleteMany({ where: { id: draft.id } });
      deliverOutboxSoon([mail.queued]);
      // The claim is filed whatever happens here; a failed settle leaves it for batch re-scoring.
      await settleSignals(claimId).catch((error: unknown) => logger.warn({ err: error, claimId }, "settling claim signals failed"));
      return { claimId, number, created: true };
    }
    // Not inserted: the idempotency key was already used (return the first claim), or — about
    // once in 10^16 claims — the random number was taken (try another).
    const first = await findByKey(form.matterId, data.submissionKey);
    if (first) return { ...first, created: false };
    if (attempt >= 3) throw new Error("claim insert skipped without a conflicting claim");
  }
}

// Concurrent submissions are inserted together, one statement per group (each claim still
// complete with its rows, all committing together); the coalescer retries a failed group claim
// by claim, so one bad claim cannot fail its neighbours.
const insertClaim = createCoalescer<InsertClaimArgs, boolean>(async (claims) => {
  const inserted = await db.$queryRaw<{ id: string }[]>(insertClaimsStatement(claims));
  const ids = new Set(inserted.map((r) => r.id));
  return claims.map((c) => ids.has(c.claimId));
});

async function findByKey(matterId: string, key: string) {
  const claim = await db.claim.findUnique({ where: { matterId_idempotencyKey: { matterId, idempotencyKey: key } }, select: { id: true, number: true } });
  return claim ? { claimId: claim.id, number: claim.number } : null;
}

export type InsertClaimArgs = {
  claimId: string;
  number: string;
  matterId: string;
  data: TClaimSubmission;
  answers: Answers;
  subclass: string | null;
  attestation: string;
  ip: string | null;
  viaTokenId: string | null;
  prefix: string | null;
  fraudScore: number;
  emailNormalized: string;
  phoneNormalized: string | null;
  addressNormalized: string;
  failures: { questionId: string; reason: string }[];
  signals: ComputedSignal[];
  tokenHash: string;
  // Supporting documents uploaded before filing (empty for most claims).
  documents: ClaimDocument[];
  // As stored: the text with its sign-in token redacted.
  mail: { id: string; subject: string; text: string; redacted: boolean };
};

// The audit row goes in with the claim's own statement, so its name and details are built and
// checked through the registry here rather than written into the SQL.
const CLAIM_SUBMITTED = "claim.submit" satisfies AuditAction;
// Its details ({ number, optOuts }) are built in SQL; the registry's schema is checked by the
// opt-out tests, which read the row back through it.
const OPT_OUT_FLAG = "opt-out.flag-claim" satisfies AuditAction;

// Whole submissions as one statement of data-modifying CTEs: the claims first (a used
// idempotency key or claim number skips that claim, and with it every row below), then each
// kept claim's claimant, SUBMITTED event, fraud signals, supporting documents (attachments, and
// their uploads marked as taken), verification token, mail and audit row. Foreign keys are checked at the end of the statement, when the claimant exists.
// A claim by someone who opted out (the same normalized name plus e-mail, address or birth date,
// as match-opt-outs.ts matches from the opt-out's side) is flagged for review in the same
// statement, with its audit row — never rejected. It was a lookup and a transaction of its own
// after every claim's commit: four round trips per claim, uncoalesced, for a flag almost no claim
// gets, and a third of the intake's database calls.
// Exported for bench/claims.ts, whose bare-pg baseline runs exactly this SQL, one claim each.
export function insertClaimsStatement(claims: readonly InsertClaimArgs[]): Prisma.Sql {
  const expiresAt = new Date(Date.now() + VERIFY_LINK_TTL_MS).toISOString();
  const rows = claims.map((a) => ({
    claimId: a.claimId,
    claimantId: uuidv7(),
    eventId: uuidv7(),
    mailId: a.mail.id,
    matterId: a.matterId,
    number: a.number,
    fullName: a.data.fullName,
    nameNormalized: normalizeName(a.data.fullName),
    dateOfBirth: a.data.dateOfBirth,
    guardianName: a.data.guardianName ?? null,
    email: a.data.email,
    emailNormalized: a.emailNormalized,
    phone: a.data.phone ?? null,
    phoneNormalized: a.phoneNormalized,
    addressLine1: a.data.addressLine1,
    addressLine2: a.data.addressLine2 ?? null,
    city: a.data.city,
    state: a.data.state,
    zip: a.data.zip,
    addressNormalized: a.addressNormalized,
    answers: a.answers,
    subclass: a.subclass,
    paymentPreference: a.data.paymentPreference,
    noticeId: a.data.noticeId ?? null,
    attestationText: a.attestation,
    attestationName: a.data.attestationName,
    ip: a.ip,
    viaTokenId: a.viaTokenId,
    ipPrefix: a.prefix,
    idempotencyKey: a.data.submissionKey,
    fraudScore: a.fraudScore,
    eventDetails: { fraudScore: a.fraudScore, eligibilityFailures: a.failures, filingFor: a.data.filingFor },
    signals: a.signals.map((s) => ({ ...s, id: uuidv7() })),
    tokenHash: a.tokenHash,
    mailSubject: a.mail.subject,
    mailText: a.mail.text,
    mailRedacted: a.mail.redacted,
    documents: a.documents.map((d) => ({ ...d, attachmentId: uuidv7() })),
    auditDetails: auditRecord(CLAIM_SUBMITTED, {
      number: a.number,
      fraudScore: a.fraudScore,
      signals: a.signals.map((s) => s.kind),
      subclass: a.subclass,
      ...(a.documents.length ? { documents: a.documents.map((d) => d.blobSha256) } : {}),
    }).details,
  }));
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("claimId" uuid, "claimantId" uuid, "eventId" uuid, "mailId" uuid,
        "matterId" uuid, number text, "fullName" text, "nameNormalized" text, "dateOfBirth" date, "guardianName" text, email text, "emailNormalized" text,
        phone text, "phoneNormalized" text, "addressLine1" text, "addressLine2" text, city text, state text, zip text,
        "addressNormalized" text, answers jsonb, subclass text, "paymentPreference" text, "noticeId" text, "attestationText" text,
        "attestationName" text, ip text, "viaTokenId" uuid, "ipPrefix" text, "idempotencyKey" text, "fraudScore" int, "eventDetails" jsonb,
        signals jsonb, "tokenHash" text, "mailSubject" text, "mailText" text, "mailRedacted" boolean, documents jsonb, "auditDetails" jsonb)
    ), claim AS (
      INSERT INTO "Claim" (id, "matterId", number, "claimantId", status, answers, subclass, "paymentPreference", "noticeId",
        "attestationText", "attestationName", "attestedAt", "attestationIp", "ipPrefix", "idempotencyKey", "fraudScore", "updatedAt")
      SELECT "claimId", "matterId", number, "claimantId", 'SUBMITTED', answers, subclass, "paymentPreference", "noticeId",
        "attestationText", "attestationName", now(), ip, "ipPrefix", "idempotencyKey", "fraudScore", now()
      FROM input
      ON CONFLICT DO NOTHING
      RETURNING id
    ), kept AS (
      SELECT input.* FROM input JOIN claim ON claim.id = input."claimId"
    ), claimant AS (
      INSERT INTO "Claimant" (id, "matterId", "fullName", "dateOfBirth", "guardianName", email, "emailNormalized", phone,
        "phoneNormalized", "addressLine1", "addressLine2", city, state, zip, "addressNormalized")
      SELECT "claimantId", "matterId", "fullName", "dateOfBirth", "guardianName", email, "emailNormalized", phone,
        "phoneNormalized", "addressLine1", "addressLine2", city, state, zip, "addressNormalized"
      FROM kept
    ), event AS (
      INSERT INTO "ClaimEvent" (id, "claimId", type, "toStatus", details)
      SELECT "eventId", "claimId", 'SUBMITTED', 'SUBMITTED', "eventDetails" FROM kept
    ), signal AS (
      INSERT INTO "ClaimSignal" (id, "claimId", kind, weight, "matchedClaimId", detail)
      SELECT s.id, kept."claimId", s.kind::"SignalKind", s.weight, s."matchedClaimId", s.detail
      FROM kept, jsonb_to_recordset(kept.signals) AS s(id uuid, kind text, weight int, "matchedClaimId" uuid, detail jsonb)
    ), attachment AS (
      INSERT INTO "ClaimAttachment" (id, "claimId", "blobSha256", filename)
      SELECT d."attachmentId", kept."claimId", d."blobSha256", d.filename
      FROM kept, jsonb_to_recordset(kept.documents) AS d("attachmentId" uuid, "blobSha256" text, filename text)
    ), upload AS (
      UPDATE "ClaimUpload" u SET "claimId" = kept."claimId"
      FROM kept, jsonb_to_recordset(kept.documents) AS d("uploadId" uuid)
      WHERE u.id = d."uploadId" AND u."claimId" IS NULL
    ), token AS (
      INSERT INTO "SignInToken" ("tokenHash", email, "claimId", "expiresAt")
      SELECT "tokenHash", email, "claimId", ${expiresAt}::timestamptz FROM kept
    ), mail AS (
      INSERT INTO "OutboxMessage" (id, "to", subject, text, redacted, ref)
      SELECT "mailId", email, "mailSubject", "mailText", "mailRedacted", 'Claim:' || "claimId" FROM kept
    ), audit AS (
      INSERT INTO "AuditEvent" ("matterId", action, "entityType", "entityId", details, ip, "viaTokenId")
      SELECT "matterId", ${CLAIM_SUBMITTED}::text, ${AUDIT_EVENTS[CLAIM_SUBMITTED].entityType}::text, "claimId"::text, "auditDetails", ip, "viaTokenId" FROM kept
    ), opt_out AS (
      INSERT INTO "OptOutClaimMatch" ("optOutId", "claimId", basis)
      SELECT o.id, kept."claimId", array_remove(ARRAY[
          CASE WHEN o."emailNormalized" = kept."emailNormalized" THEN 'email' END,
          CASE WHEN o."addressNormalized" = kept."addressNormalized" THEN 'address' END,
          CASE WHEN o."dateOfBirth" = kept."dateOfBirth" THEN 'dateOfBirth' END], NULL)
      FROM kept JOIN "OptOut" o ON o."matterId" = kept."matterId" AND o."nameNormalized" = kept."nameNormalized" AND o.status = 'ACTIVE'
      WHERE o."emailNormalized" = kept."emailNormalized" OR o."addressNormalized" = kept."addressNormalized" OR o."dateOfBirth" = kept."dateOfBirth"
      ON CONFLICT DO NOTHING
      RETURNING "optOutId", "claimId"
    ), opt_out_audit AS (
      INSERT INTO "AuditEvent" ("matterId", action, "entityType", "entityId", details)
      SELECT kept."matterId", ${OPT_OUT_FLAG}::text, ${AUDIT_EVENTS[OPT_OUT_FLAG].entityType}::text, kept."claimId"::text,
        jsonb_build_object('number', kept.number, 'optOuts', jsonb_agg(o.number ORDER BY o.number))
      FROM opt_out f JOIN kept ON kept."claimId" = f."claimId" JOIN "OptOut" o ON o.id = f."optOutId"
      GROUP BY kept."matterId", kept."claimId", kept.number
    )
    SELECT "claimId" AS id FROM kept`;
}
