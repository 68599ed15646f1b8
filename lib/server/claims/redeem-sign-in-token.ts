import "server-only";
import { v7 as uuidv7 } from "uuid";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/claims/tokens";

export type LinkUser = { id: string; email: string; name: string; role: "CLASS_MEMBER" };

// Redeems a one-time sign-in link (single use, unexpired). Following the link proves control of
// the email: the claim it was sent for is verified, every claim filed with that email is tied to
// the class member's account (made on first use), and the member is signed in. A staff account
// with the same email is never signed in this way.
export async function redeemSignInToken(token: string, ip: string | null): Promise<LinkUser | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ email: string; claimId: string | null }[]>`
      UPDATE "SignInToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${hashToken(token)} AND "usedAt" IS NULL AND "expiresAt" > now()
      RETURNING email, "claimId"`;
    if (!row) return null;
    const email = row.email.toLowerCase();
    const claimant = await tx.claimant.findFirst({ where: { email }, orderBy: { createdAt: "desc" }, select: { fullName: true } });
    let user = await tx.user.findUnique({ where: { email } });
    user ??= await tx.user.create({ data: { id: uuidv7(), email, name: claimant?.fullName ?? email, role: "CLASS_MEMBER", passwordHash: null } });
    const member = user.role === "CLASS_MEMBER" && !user.disabledAt;
    if (member) await tx.claimant.updateMany({ where: { email, userId: null }, data: { userId: user.id } });

    if (row.claimId) {
      const claim = await tx.claim.findUnique({ where: { id: row.claimId }, select: { id: true, matterId: true, status: true, number: true } });
      if (claim?.status === "SUBMITTED") {
        await tx.claim.update({ where: { id: claim.id }, data: { status: "VERIFIED", verifiedAt: new Date() } });
        await tx.claimEvent.create({
          data: { claimId: claim.id, type: "VERIFIED", fromStatus: "SUBMITTED", toStatus: "VERIFIED", actorId: member ? user.id : null, note: "Email confirmed through the verification link." },
        });
        await tx.auditEvent.create({
          data: { matterId: claim.matterId, actorId: member ? user.id : null, ip, action: "claim.verify-email", entityType: "Claim", entityId: claim.id, details: { number: claim.number } },
        });
      }
    }
    return member ? { id: user.id, email: user.email, name: user.name, role: "CLASS_MEMBER" as const } : null;
  });
}
