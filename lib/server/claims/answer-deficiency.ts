import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { normalizeAddress, normalizePhone } from "@/lib/claims/normalize";
import { CLAIMANT_FIELDS, type ClaimantFieldName } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";
import { storeAttachmentBlob } from "@/lib/server/claims/store-attachment";
import { ownClaimRef } from "@/lib/server/claims/withdraw-claim";

export type DeficiencyFile = { name: string; bytes: Uint8Array };

// The member may change exactly the fields the notice names (and must upload a file when it
// asks for one); the claim then waits for a reviewer as DEFICIENCY_ANSWERED, its own queue state.
export async function answerDeficiency(actor: Actor, rawNumber: string, input: Record<string, unknown>, file: DeficiencyFile | null) {
  const ref = await ownClaimRef(actor, rawNumber);
  const current = await db.claim.findUniqueOrThrow({ where: { id: ref.id }, select: { status: true, deficientFields: true, claimantId: true, claimant: true } });
  if (current.status !== "DEFICIENT") throw new AppError("CONFLICT", "This claim has no open deficiency notice.");
  const named = current.deficientFields.filter((f): f is ClaimantFieldName => f in CLAIMANT_FIELDS);
  const shape = Object.fromEntries(named.map((f) => [f, CLAIMANT_FIELDS[f]]));
  const data = parseInput(z.object(shape).strict(), input) as Partial<Record<ClaimantFieldName, string>>;
  if (current.deficientFields.includes("document") && !file) throw AppError.validation({ document: ["Upload the document the notice asks for"] });

  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, ref.matterId, ref.id);
    requireTransition(claim, "answer-deficiency");
    const merged = { ...current.claimant, ...data };
    await tx.claimant.update({
      where: { id: current.claimantId },
      data: {
        ...data,
        ...(data.dateOfBirth ? { dateOfBirth: new Date(`${data.dateOfBirth}T00:00:00Z`) } : {}),
        phoneNormalized: normalizePhone(merged.phone),
        addressNormalized: normalizeAddress(merged),
      },
    });
    let attachment: { filename: string; sha256: string } | null = null;
    if (file) {
      const { sha256 } = await storeAttachmentBlob(tx, file.bytes);
      const filename = file.name.replace(/[^\w.\- ]+/g, "_").slice(0, 200) || "document";
      await tx.claimAttachment.create({ data: { claimId: claim.id, blobSha256: sha256, filename, uploadedById: actor.userId } });
      attachment = { filename, sha256 };
    }
    const changed = Object.fromEntries(Object.keys(data).map((k) => [k, { before: String(current.claimant[k as keyof typeof current.claimant] ?? ""), after: data[k as ClaimantFieldName] }]));
    await recordTransition(tx, actor, claim, {
      to: "DEFICIENCY_ANSWERED",
      type: "DEFICIENCY_RESPONSE",
      action: "claim.answer-deficiency",
      note: "The class member answered the deficiency notice.",
      data: { deficientFields: [], deficiencyNotice: null, deficiencyDueOn: null, deficientAt: null },
      details: { changed, attachment },
    });
  });
}
