import "server-only";
import { v7 as uuidv7 } from "uuid";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/auth/sign-in-tokens";
import { appendAudit } from "@/lib/server/audit/append-audit";

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
    const existing = await tx.user.findUnique({ where: { email } });
    const user = existing ?? (await tx.user.create({ data: { id: uuidv7(), email, name: claimant?.fullName ?? email, role: "CLASS_MEMBER", passwordHash: null } }));
    const member = user.role === "CLASS_MEMBER" && !user.disabledAt;
    const linked = member ? await tx.claimant.updateMany({ where: { email, userId: null }, data: { userId: user.id } }) : { count: 0 };
    // The request itself is signed out: its rows are the member's own only when the link signs them in.
    const by = { userId: member ? user.id : null, ip: ip ?? undefined };
    await appendAudit(tx, by, {
      matterId: null,
      action: "user.redeem-sign-in-link",
      entityId: user.id,
      details: { email, createdAccount: !existing, linkedClaimants: linked.count, claimId: row.claimId, signedIn: member },
    });

    if (row.claimId) {
      const claim = await tx.claim.findUnique({ where: { id: row.claimId }, select: { id: true, matterId: true, status: true, number: true } });
      if (claim?.status === "SUBMITTED") {
        await tx.claim.update({ where: { id: claim.id }, data: { status: "VERIFIED", verifiedAt: new Date() } });
        await tx.claimEvent.create({
          data: { claimId: claim.id, type: "VERIFIED", fromStatus: "SUBMITTED", toStatus: "VERIFIED", actorId: member ? user.id : null, note: "Email confirmed through the verification link." },
        });
        await appendAudit(tx, by, { matterId: claim.matterId, action: "claim.verify-email", entityId: claim.id, details: { number: claim.number } });
      }
    }
    return member ? { id: user.id, email: user.email, name: user.name, role: "CLASS_MEMBER" as const } : null;
  });
}
