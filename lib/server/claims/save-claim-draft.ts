import "server-only";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { todayIn } from "@/lib/claims/dates";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import type { TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { CLAIMANT_FIELD_LABELS, CLAIMANT_FIELDS, questionField, ZClaimDocuments } from "@/lib/schemas/claim";
import { ZText } from "@/lib/schemas/common";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { hashToken, newSignInToken } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { resolveClaimDocuments } from "@/lib/server/claims/resolve-claim-documents";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { MESSAGES } from "@/messages";

// A saved form lives 30 days from its last save (or until the claim deadline passes, when it can
// no longer be filed anyway); its documents live as long.
export const CLAIM_DRAFT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

// The fields a draft keeps: what the member typed. Never the signature tick, the "submit anyway"
// tick or the form's key: those are given again when the claim is filed.
export function draftFieldNames(def: TClaimFormDefinition): string[] {
  return [...Object.keys(CLAIMANT_FIELD_LABELS), "filingFor", "noticeId", "confirmationCode", "paymentPreference", "attestationName", ...def.questions.map((q) => questionField(q.id))];
}

function draftSchema(def: TClaimFormDefinition) {
  const kept = Object.fromEntries(draftFieldNames(def).map((name) => [name, ZText().trim().max(4000, "At most 4,000 characters").optional()]));
  return z
    .object({
      ...kept,
      // The link goes to this address, so it is the one field a saved form needs.
      email: z.preprocess((v) => (v === undefined ? "" : v), CLAIMANT_FIELDS.email),
      submissionKey: z.string().max(100).optional(),
      attestationAgree: z.string().max(10).optional(),
      submitAnyway: z.string().max(10).optional(),
      ...ZClaimDocuments,
    })
    .strict();
}

export type SavedDraft = { token: string; created: boolean; email: string; expiresAt: Date };

// Public: saves the claim form half-way. A first save makes the draft and e-mails the link that
// resumes it (the link's token is the only way in; the row keeps its hash); a later save from the
// resumed form (it carries the token) updates the same draft and mails nothing new unless the
// address changed. Documents attached so far stay with the draft as long as it lives.
export async function saveClaimDraft(matterSlug: string, input: unknown, ctx: { ip: string | null; locale?: string; now?: Date }): Promise<SavedDraft> {
  const form = await getClaimForm(matterSlug);
  const def = form.definition;
  const now = ctx.now ?? new Date();
  if (todayIn(form.timeZone, now) > def.claimDeadline) throw AppError.validation({ _form: [`The deadline to file was ${def.claimDeadline}.`] }, "The claim deadline has passed.");
  const data = parseInput(draftSchema(def), input) as Record<string, unknown> & z.output<z.ZodObject<typeof ZClaimDocuments>> & { email: string };
  const values = Object.fromEntries(draftFieldNames(def).flatMap((name) => (typeof data[name] === "string" && data[name] !== "" ? [[name, data[name] as string]] : [])));
  values.email = data.email;
  const expiresAt = new Date(now.getTime() + CLAIM_DRAFT_TTL_MS);

  const existing = data.draftToken
    ? await db.claimDraft.findFirst({ where: { tokenHash: hashToken(data.draftToken), matterId: form.matterId, expiresAt: { gt: now } }, select: { id: true, email: true } })
    : null;
  const documents = await resolveClaimDocuments(form.matterId, { tokens: data.documents, draftId: existing?.id ?? null, draftUploadIds: data.draftDocuments }, now);
  const fresh = existing ? null : newSignInToken();
  const token = existing ? data.draftToken! : fresh!.token;
  const mailLink = !existing || existing.email !== data.email;

  const t = createTranslator({ locale: isLocale(ctx.locale) ? ctx.locale : DEFAULT_LOCALE, messages: MESSAGES[isLocale(ctx.locale) ? ctx.locale : DEFAULT_LOCALE], namespace: "claimForm.draft" });
  const link = `${appUrl}/claim/${form.slug}?draft=${encodeURIComponent(token)}`;
  const queued = await db.$transaction(async (tx) => {
    const draft = existing
      ? await tx.claimDraft.update({ where: { id: existing.id }, data: { values, email: data.email, expiresAt }, select: { id: true } })
      : await tx.claimDraft.create({ data: { matterId: form.matterId, tokenHash: fresh!.hash, email: data.email, values, expiresAt }, select: { id: true } });
    // Documents no longer on the form leave the draft and expire; the ones on it live with it.
    await tx.claimUpload.updateMany({ where: { draftId: draft.id, claimId: null, id: { notIn: documents.map((d) => d.uploadId) } }, data: { draftId: null, expiresAt: now } });
    if (documents.length) await tx.claimUpload.updateMany({ where: { id: { in: documents.map((d) => d.uploadId) } }, data: { draftId: draft.id, expiresAt } });
    await appendAudit(tx, { userId: null, ip: ctx.ip ?? undefined }, {
      matterId: form.matterId,
      action: "claim.save-draft",
      entityId: draft.id,
      details: { created: !existing, documents: documents.length },
    });
    if (!mailLink) return null;
    return queueMail(tx, {
      to: data.email,
      subject: t("mailSubject", { caption: form.shortName }),
      text: t("mailBody", { caption: form.caption, link, days: 30 }),
      secrets: [token],
      ref: `ClaimDraft:${draft.id}`,
    });
  });
  if (queued) deliverOutboxSoon([queued]);
  return { token, created: !existing, email: data.email, expiresAt };
}
