import "server-only";
import { v7 as uuidv7 } from "uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/app-error";
import { generateClaimNumber } from "@/lib/claims/claim-number";
import { ipPrefix, normalizeAddress, normalizeEmail, normalizePhone } from "@/lib/claims/normalize";
import { scoreOf } from "@/lib/claims/signals";
import { eligibilityFailures, subclassFor, type Answers } from "@/lib/schemas/claim-form";
import { buildClaimSubmissionSchema, questionField, type TClaimSubmission } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import { computeSignals, type ComputedSignal } from "@/lib/server/claims/compute-signals";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { linkUrl, newSignInToken, VERIFY_LINK_TTL_MS } from "@/lib/server/claims/tokens";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";

export type SubmitContext = { ip: string | null; origin?: string; now?: Date };
export type SubmitResult = { claimId: string; number: string; created: boolean };

// Public: no account needed. Writes the claimant, the claim, its SUBMITTED event, its fraud
// signals, the verification token, the verification mail and the audit row in ONE statement
// (data-modifying CTEs), so they commit together and a submission costs one round trip.
// The same idempotency key within the matter returns the first claim; concurrent duplicates
// wait on the unique index and then read the winner.
export async function submitClaim(matterSlug: string, input: unknown, ctx: SubmitContext): Promise<SubmitResult> {
  const form = await getClaimForm(matterSlug);
  const def = form.definition;
  const data = parseInput(buildClaimSubmissionSchema(def), input);
  const today = (ctx.now ?? new Date()).toISOString().slice(0, 10);
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
    if (!notice || notice.confirmationCode.toUpperCase() !== data.confirmationCode?.toUpperCase()) {
      throw AppError.validation({ confirmationCode: ["This notice ID and confirmation code do not match a notice we sent. Check both, or leave them empty."] });
    }
  }

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
    const mail = {
      subject: `Confirm your email for claim ${number}`,
      text:
        `Thank you for filing claim ${number} in ${form.caption}.\n\n` +
        `Confirm your email address and follow your claim's status here:\n${linkUrl(ctx.origin, token)}\n\n` +
        `The link works once and expires in 72 hours. If you did not file this claim, ignore this message.\n`,
    };
    try {
      await db.$queryRaw(
        insertClaimStatement({
          claimId, number, matterId: form.matterId, data, answers, subclass, attestation: def.attestation, ip: ctx.ip, prefix, fraudScore,
          emailNormalized, phoneNormalized, addressNormalized, failures, signals, tokenHash: hash, mail,
        }),
      );
      deliverOutboxSoon();
      return { claimId, number, created: true };
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      if (message.includes("idempotencyKey")) {
        const first = await findByKey(form.matterId, data.submissionKey);
        if (first) return { ...first, created: false };
      }
      // A fresh random number collides about once in 10^16 claims; try another.
      if (message.includes("Claim_number_key") && attempt < 3) continue;
      throw error;
    }
  }
}

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
  prefix: string | null;
  fraudScore: number;
  emailNormalized: string;
  phoneNormalized: string | null;
  addressNormalized: string;
  failures: { questionId: string; reason: string }[];
  signals: ComputedSignal[];
  tokenHash: string;
  mail: { subject: string; text: string };
};

// The whole submission as one statement of data-modifying CTEs. Exported for bench/claims.ts,
// whose bare-pg baseline runs exactly this SQL.
export function insertClaimStatement(a: InsertClaimArgs): Prisma.Sql {
  return Prisma.sql`
    WITH claimant AS (
      INSERT INTO "Claimant" (id, "matterId", "fullName", "dateOfBirth", "guardianName", email, "emailNormalized", phone,
        "phoneNormalized", "addressLine1", "addressLine2", city, state, zip, "addressNormalized")
      VALUES (${uuidv7()}::uuid, ${a.matterId}::uuid, ${a.data.fullName}, ${a.data.dateOfBirth}::date, ${a.data.guardianName ?? null},
        ${a.data.email}, ${a.emailNormalized}, ${a.data.phone ?? null}, ${a.phoneNormalized}, ${a.data.addressLine1}, ${a.data.addressLine2 ?? null},
        ${a.data.city}, ${a.data.state}, ${a.data.zip}, ${a.addressNormalized})
      RETURNING id
    ), claim AS (
      INSERT INTO "Claim" (id, "matterId", number, "claimantId", status, answers, subclass, "paymentPreference", "noticeId",
        "attestationText", "attestationName", "attestedAt", "attestationIp", "ipPrefix", "idempotencyKey", "fraudScore", "updatedAt")
      SELECT ${a.claimId}::uuid, ${a.matterId}::uuid, ${a.number}, claimant.id, 'SUBMITTED', ${JSON.stringify(a.answers)}::jsonb, ${a.subclass},
        ${a.data.paymentPreference}, ${a.data.noticeId ?? null}, ${a.attestation}, ${a.data.attestationName}, now(), ${a.ip}, ${a.prefix},
        ${a.data.submissionKey}, ${a.fraudScore}, now()
      FROM claimant
      RETURNING id
    ), event AS (
      INSERT INTO "ClaimEvent" (id, "claimId", type, "toStatus", details)
      SELECT ${uuidv7()}::uuid, claim.id, 'SUBMITTED', 'SUBMITTED', ${JSON.stringify({ fraudScore: a.fraudScore, eligibilityFailures: a.failures, filingFor: a.data.filingFor })}::jsonb FROM claim
    ), signal AS (
      INSERT INTO "ClaimSignal" (id, "claimId", kind, weight, "matchedClaimId", detail)
      SELECT s.id, claim.id, s.kind::"SignalKind", s.weight, s."matchedClaimId", s.detail
      FROM claim, jsonb_to_recordset(${JSON.stringify(a.signals.map((s) => ({ ...s, id: uuidv7() })))}::jsonb)
        AS s(id uuid, kind text, weight int, "matchedClaimId" uuid, detail jsonb)
    ), token AS (
      INSERT INTO "SignInToken" ("tokenHash", email, "claimId", "expiresAt")
      SELECT ${a.tokenHash}, ${a.data.email}, claim.id, ${new Date(Date.now() + VERIFY_LINK_TTL_MS)}::timestamptz FROM claim
    ), mail AS (
      INSERT INTO "OutboxMessage" (id, "to", subject, text, ref)
      SELECT ${uuidv7()}::uuid, ${a.data.email}, ${a.mail.subject}, ${a.mail.text}, 'Claim:' || claim.id FROM claim
    ), audit AS (
      INSERT INTO "AuditEvent" ("matterId", action, "entityType", "entityId", details, ip)
      SELECT ${a.matterId}::uuid, 'claim.submit', 'Claim', claim.id::text,
        ${JSON.stringify({ number: a.number, fraudScore: a.fraudScore, signals: a.signals.map((s) => s.kind), subclass: a.subclass })}::jsonb, ${a.ip} FROM claim
    )
    SELECT id FROM claim`;
}
