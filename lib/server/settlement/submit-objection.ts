import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/app-error";
import { normalizeAddress, normalizeEmail } from "@/lib/claims/normalize";
import { ZObjectionSubmission } from "@/lib/schemas/settlement-response";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { storeAttachmentBlob } from "@/lib/server/claims/store-attachment";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { getSettlementMatter } from "@/lib/server/settlement/get-settlement-matter";
import { formTranslator, parseLocalized } from "@/lib/server/settlement/localize";
import { activeOptOutOf } from "@/lib/server/settlement/match-opt-outs";
import type { ResponseContext, ResponseResult } from "@/lib/server/settlement/submit-opt-out";
import { formatMoment, isBeforeDeadline, MAX_OBJECTION_DOCUMENT_BYTES, normalizeName, objectionReference } from "@/lib/settlement/responses";

export type ObjectionDocument = { name: string; bytes: Uint8Array };

// Public: a class member's objection, with an optional supporting PDF stored like a claim's
// attachment (content-addressed blob, downloaded only re-verified). Refused after the deadline.
// Someone with an active opt-out may not object: the objection is kept and flagged with that
// opt-out for staff, never dropped. Idempotent on the submission key within the matter.
export async function submitObjection(matterSlug: string, input: unknown, document: ObjectionDocument | null, ctx: ResponseContext): Promise<ResponseResult> {
  const matter = await getSettlementMatter(matterSlug);
  if (!matter.objectionDeadline) throw AppError.notFound("No objection form here");
  const { locale, t } = formTranslator(ctx.locale, "objection");
  const data = parseLocalized(ZObjectionSubmission, input, t);
  const now = ctx.now ?? new Date();
  if (!isBeforeDeadline(matter.objectionDeadline, matter.timeZone, now)) throw AppError.validation({ _form: [t("errors.closed")] }, t("errors.closed"));

  const first = await findByKey(matter.id, data.submissionKey);
  if (first) return { ...first, created: false };

  if (document) {
    // The type comes from the bytes, never the name.
    if (document.bytes.byteLength === 0) throw AppError.validation({ document: [t("errors.documentEmpty")] }, t("errors.invalid"));
    if (document.bytes.byteLength > MAX_OBJECTION_DOCUMENT_BYTES) throw AppError.validation({ document: [t("errors.documentSize")] }, t("errors.invalid"));
    const type = await fileTypeFromBuffer(document.bytes);
    if (type?.mime !== "application/pdf") throw AppError.validation({ document: [t("errors.documentType")] }, t("errors.invalid"));
  }

  const number = objectionReference();
  const identity = {
    nameNormalized: normalizeName(data.fullName),
    emailNormalized: normalizeEmail(data.email),
    addressNormalized: normalizeAddress(data),
  };
  try {
    const { result, mail } = await db.$transaction(async (tx) => {
      const blob = document ? await storeAttachmentBlob(tx, document.bytes) : null;
      const optOut = await activeOptOutOf(tx, { matterId: matter.id, ...identity });
      const objection = await tx.objection.create({
        data: {
          matterId: matter.id,
          number,
          fullName: data.fullName,
          ...identity,
          email: data.email,
          addressLine1: data.addressLine1,
          addressLine2: data.addressLine2 ?? null,
          city: data.city,
          state: data.state,
          zip: data.zip,
          represented: data.represented === "yes",
          counselName: data.represented === "yes" ? (data.counselName ?? null) : null,
          appearAtHearing: data.appearAtHearing === "yes",
          grounds: data.grounds,
          documentSha256: blob?.sha256 ?? null,
          documentFilename: document ? safeFilename(document.name) : null,
          attestationText: t("attestationText"),
          attestationName: data.attestationName,
          attestedAt: now,
          attestationIp: ctx.ip,
          idempotencyKey: data.submissionKey,
          timely: true,
          optOutId: optOut?.id ?? null,
        },
        select: { id: true, number: true, createdAt: true },
      });
      const values = { caption: matter.caption, reference: objection.number, when: formatMoment(objection.createdAt, matter.timeZone, locale) };
      const mail = await queueMail(tx, { to: data.email, subject: t("mailSubject", values), text: t("mailBody", values), ref: `Objection:${objection.id}` });
      await appendAudit(tx, { userId: null, ip: ctx.ip ?? undefined }, {
        matterId: matter.id,
        action: "objection.submit",
        entityId: objection.id,
        details: { number: objection.number, timely: true, document: blob?.sha256 ?? null, optedOut: optOut?.number ?? null },
      });
      return { result: { id: objection.id, number: objection.number, created: true }, mail };
    });
    deliverOutboxSoon([mail]);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await findByKey(matter.id, data.submissionKey);
      if (winner) return { ...winner, created: false };
    }
    throw error;
  }
}

// Kept only for the download's name: no path, no control characters, a .pdf ending.
function safeFilename(name: string): string {
  const base = (name.split(/[\\/]/).at(-1) ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 150);
  if (!base) return "objection.pdf";
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

function findByKey(matterId: string, key: string) {
  return db.objection.findUnique({ where: { matterId_idempotencyKey: { matterId, idempotencyKey: key } }, select: { id: true, number: true } });
}
