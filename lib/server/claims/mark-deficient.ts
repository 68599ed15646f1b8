import "server-only";
import { formatCalendarDate } from "@/lib/claims/dates";
import { DEFICIENCY_FIELD_LABELS, ZMarkDeficient } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";
import { linkUrl, newSignInToken, VERIFY_LINK_TTL_MS } from "@/lib/server/auth/sign-in-tokens";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";

// Names the fields to correct, writes the notice and the deadline, and mails it with a sign-in
// link so the member can answer without a password.
export async function markDeficient(actor: Actor, matterId: string, claimId: string, input: unknown) {
  await requirePermission(actor, matterId, "claims.review");
  const { fields, notice, dueOn } = parseInput(ZMarkDeficient, input);
  const mail = await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, matterId, claimId);
    requireTransition(claim, "mark-deficient");
    await recordTransition(tx, actor, claim, {
      to: "DEFICIENT",
      type: "DEFICIENCY_NOTICE",
      action: "claim.mark-deficient",
      note: notice,
      data: { deficientFields: fields, deficiencyNotice: notice, deficiencyDueOn: new Date(`${dueOn}T00:00:00Z`), deficientAt: new Date() },
      details: { fields, dueOn },
    });
    const { claimant } = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { claimant: { select: { email: true } } } });
    const { token, hash } = newSignInToken();
    await tx.signInToken.create({ data: { tokenHash: hash, email: claimant.email, claimId: claim.id, expiresAt: new Date(Date.now() + VERIFY_LINK_TTL_MS) } });
    return queueMail(tx, {
      to: claimant.email,
      subject: `Action needed on claim ${claim.number} by ${formatCalendarDate(dueOn)}`,
      text:
        `Your claim ${claim.number} needs more information before it can be decided.\n\n${notice}\n\n` +
        `Please correct: ${fields.map((f) => DEFICIENCY_FIELD_LABELS[f]).join(", ")}.\nRespond by ${formatCalendarDate(dueOn)}.\n\n` +
        `Sign in to answer: ${linkUrl(token)}\n`,
      ref: `Claim:${claim.id}`,
      secrets: [token],
    });
  });
  deliverOutboxSoon([mail]);
}
