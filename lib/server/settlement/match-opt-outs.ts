import "server-only";
import type { Tx } from "@/lib/server/db";
import { normalizeName } from "@/lib/settlement/responses";

// The same person both opted out and filed a claim: the same normalized name (lower case,
// accents stripped, whitespace collapsed) plus the same e-mail, address or date of birth. Both
// are flagged for a reviewer (an OptOutClaimMatch row, shown on the claim beside its fraud
// signals and on the opt-out); nothing is rejected automatically. Checked from both sides: when
// an opt-out arrives (its claims, here) and when a claim arrives (its opt-outs, in the claim's own
// statement: submit-claim.ts insertClaimsStatement).

type OptOutIdentity = {
  id: string;
  matterId: string;
  nameNormalized: string;
  emailNormalized: string;
  addressNormalized: string;
  // YYYY-MM-DD (a calendar date, compared as one whatever the session's zone).
  dateOfBirth: string | null;
};

// A new opt-out against the matter's claims, in the opt-out's transaction. The candidates are
// index probes (Claimant by e-mail, by address, by birth date within the matter); the names are
// then compared normalized, as stored on the opt-out. Returns the matched claim numbers.
export async function flagClaimsForOptOut(tx: Tx, o: OptOutIdentity): Promise<string[]> {
  const candidates = await tx.$queryRaw<{ claimId: string; number: string; fullName: string; email: boolean; address: boolean; dob: boolean }[]>`
    SELECT c.id AS "claimId", c.number, p."fullName",
      p."emailNormalized" = ${o.emailNormalized} AS email,
      p."addressNormalized" = ${o.addressNormalized} AS address,
      coalesce(p."dateOfBirth" = ${o.dateOfBirth}::date, false) AS dob
    FROM "Claimant" p JOIN "Claim" c ON c."claimantId" = p.id
    WHERE p."matterId" = ${o.matterId}::uuid
      AND (p."emailNormalized" = ${o.emailNormalized} OR p."addressNormalized" = ${o.addressNormalized} OR p."dateOfBirth" = ${o.dateOfBirth}::date)`;
  const matched = candidates.filter((c) => normalizeName(c.fullName) === o.nameNormalized);
  if (matched.length === 0) return [];
  await tx.optOutClaimMatch.createMany({
    data: matched.map((c) => ({
      optOutId: o.id,
      claimId: c.claimId,
      basis: [c.email && "email", c.address && "address", c.dob && "dateOfBirth"].filter((b): b is string => Boolean(b)),
    })),
    skipDuplicates: true,
  });
  return matched.map((c) => c.number);
}

// An objection by someone who opted out (same normalized name plus e-mail or address): the
// objection keeps the opt-out it conflicts with, for staff to see. Never dropped.
export async function activeOptOutOf(tx: Tx, p: { matterId: string; nameNormalized: string; emailNormalized: string; addressNormalized: string }) {
  return tx.optOut.findFirst({
    where: {
      matterId: p.matterId,
      nameNormalized: p.nameNormalized,
      status: "ACTIVE",
      OR: [{ emailNormalized: p.emailNormalized }, { addressNormalized: p.addressNormalized }],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, number: true },
  });
}
