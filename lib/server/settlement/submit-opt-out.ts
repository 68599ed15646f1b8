import "server-only";
import { AppError } from "@/lib/app-error";
import { normalizeAddress, normalizeEmail } from "@/lib/claims/normalize";
import { ZOptOutSubmission } from "@/lib/schemas/settlement-response";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { getSettlementMatter } from "@/lib/server/settlement/get-settlement-matter";
import { formTranslator, parseLocalized } from "@/lib/server/settlement/localize";
import { flagClaimsForOptOut } from "@/lib/server/settlement/match-opt-outs";
import { formatMoment, isBeforeDeadline, normalizeName, optOutReference } from "@/lib/settlement/responses";

export type ResponseContext = { ip: string | null; locale?: string; now?: Date };
export type ResponseResult = { id: string; number: string; created: boolean };

// Public: a class member's request for exclusion. Refused after the deadline (end of that day in
// the matter's zone). In one transaction: the opt-out with its typed signature, time and IP; the
// flags on any claim by the same person and on any objection they filed; the confirmation
// e-mail; the audit row. The same submission key within the matter returns the first request.
export async function submitOptOut(matterSlug: string, input: unknown, ctx: ResponseContext): Promise<ResponseResult> {
  const matter = await getSettlementMatter(matterSlug);
  if (!matter.optOutDeadline) throw AppError.notFound("No opt-out form here");
  const { locale, t } = formTranslator(ctx.locale, "optOut");
  const data = parseLocalized(ZOptOutSubmission, input, t);
  const now = ctx.now ?? new Date();
  if (!isBeforeDeadline(matter.optOutDeadline, matter.timeZone, now)) throw AppError.validation({ _form: [t("errors.closed")] }, t("errors.closed"));

  const first = await findByKey(matter.id, data.submissionKey);
  if (first) return { ...first, created: false };

  const number = optOutReference();
  const identity = {
    nameNormalized: normalizeName(data.fullName),
    emailNormalized: normalizeEmail(data.email),
    addressNormalized: normalizeAddress(data),
  };
  try {
    const { result, mail } = await db.$transaction(async (tx) => {
      const optOut = await tx.optOut.create({
        data: {
          matterId: matter.id,
          number,
          fullName: data.fullName,
          ...identity,
          email: data.email,
          phone: data.phone ?? null,
          dateOfBirth: data.dateOfBirth ? new Date(`${data.dateOfBirth}T00:00:00Z`) : null,
          addressLine1: data.addressLine1,
          addressLine2: data.addressLine2 ?? null,
          city: data.city,
          state: data.state,
          zip: data.zip,
          attestationText: t("attestationText"),
          attestationName: data.attestationName,
          attestedAt: now,
          attestationIp: ctx.ip,
          idempotencyKey: data.submissionKey,
          timely: true,
        },
        select: { id: true, number: true, createdAt: true },
      });
      const matchedClaims = await flagClaimsForOptOut(tx, { id: optOut.id, matterId: matter.id, ...identity, dateOfBirth: data.dateOfBirth ?? null });
      // Objections this person filed before opting out now conflict with the opt-out.
      const objections = await tx.objection.updateMany({
        where: {
          matterId: matter.id,
          nameNormalized: identity.nameNormalized,
          optOutId: null,
          OR: [{ emailNormalized: identity.emailNormalized }, { addressNormalized: identity.addressNormalized }],
        },
        data: { optOutId: optOut.id },
      });
      const values = { caption: matter.caption, reference: optOut.number, when: formatMoment(optOut.createdAt, matter.timeZone, locale) };
      const mail = await queueMail(tx, { to: data.email, subject: t("mailSubject", values), text: t("mailBody", values), ref: `OptOut:${optOut.id}` });
      await appendAudit(tx, { userId: null, ip: ctx.ip ?? undefined }, {
        matterId: matter.id,
        action: "opt-out.submit",
        entityId: optOut.id,
        details: { number: optOut.number, timely: true, matchedClaims, objections: objections.count },
      });
      return { result: { id: optOut.id, number: optOut.number, created: true }, mail };
    });
    deliverOutboxSoon([mail]);
    return result;
  } catch (error) {
    // A concurrent duplicate waited on the key's unique index: answer with the first request.
    if (isUniqueViolation(error)) {
      const winner = await findByKey(matter.id, data.submissionKey);
      if (winner) return { ...winner, created: false };
    }
    throw error;
  }
}

async function findByKey(matterId: string, key: string) {
  const row = await db.optOut.findUnique({ where: { matterId_idempotencyKey: { matterId, idempotencyKey: key } }, select: { id: true, number: true } });
  return row;
}
