import "server-only";
import { AppError } from "@/lib/app-error";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

// Someone else's claim is indistinguishable from one that does not exist.
export async function getMyClaim(actor: Actor, rawNumber: string) {
  const number = normalizeClaimNumber(rawNumber);
  if (actor.role !== "CLASS_MEMBER" || !number) throw AppError.notFound("Claim not found");
  const claim = await db.claim.findFirst({
    where: { number, claimant: { userId: actor.userId } },
    select: {
      id: true,
      number: true,
      status: true,
      subclass: true,
      paymentPreference: true,
      createdAt: true,
      deficientFields: true,
      deficiencyNotice: true,
      deficiencyDueOn: true,
      decisionReason: true,
      matter: { select: { caption: true, slug: true, timeZone: true } },
      claimant: {
        select: { fullName: true, dateOfBirth: true, guardianName: true, email: true, phone: true, addressLine1: true, addressLine2: true, city: true, state: true, zip: true },
      },
      // Staff notes and recommendations stay internal; the member sees status changes.
      events: {
        where: { type: { in: ["SUBMITTED", "VERIFIED", "DEFICIENCY_NOTICE", "DEFICIENCY_RESPONSE", "APPROVED", "REJECTED", "MARKED_DUPLICATE", "WITHDRAWN"] } },
        orderBy: { at: "asc" },
        select: { id: true, type: true, toStatus: true, at: true },
      },
      attachments: { select: { id: true, filename: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!claim) throw AppError.notFound("Claim not found");
  return claim;
}
