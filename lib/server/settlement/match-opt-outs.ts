import "server-only";
import type { Tx } from "@/lib/server/db";
import { db } from "@/lib/server/db";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { normalizeName } from "@/lib/settlement/responses";

// The same person both opted out and filed a claim: the same normalized name (lower case,
// accents stripped, whitespace collapsed) plus the same e-mail, address or date of birth. Both
// are flagged for a reviewer (an OptOutClaimMatch row, shown on the claim beside its fraud
// signals and on the opt-out); nothing is rejected automatically. Checked from both sides: when
// an opt-out arrives (its claims) and when a claim arrives (its opt-outs).

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

// A committed claim against the matter's active opt-outs: one set-based statement (the opt-out
// index on matter and normalized name), then an audit row on the claim for each new flag.
// Called after the claim's own statement commits, like settling its fraud signals.
export async function flagOptOutsForClaim(claimId: string): Promise<string[]> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { id: true, number: true, matterId: true, claimant: { select: { fullName: true } } } });
  if (!claim) return [];
  const name = normalizeName(claim.claimant.fullName);
  return db.$transaction(async (tx) => {
    const flagged = await tx.$queryRaw<{ number: string }[]>`
      WITH inserted AS (
        INSERT INTO "OptOutClaimMatch" ("optOutId", "claimId", basis)
        SELECT o.id, c.id, array_remove(ARRAY[
            CASE WHEN o."emailNormalized" = p."emailNormalized" THEN 'email' END,
            CASE WHEN o."addressNormalized" = p."addressNormalized" THEN 'address' END,
            CASE WHEN o."dateOfBirth" = p."dateOfBirth" THEN 'dateOfBirth' END], NULL)
        FROM "Claim" c
          JOIN "Claimant" p ON p.id = c."claimantId"
          JOIN "OptOut" o ON o."matterId" = c."matterId" AND o."nameNormalized" = ${name} AND o.status = 'ACTIVE'
        WHERE c.id = ${claimId}::uuid
          AND (o."emailNormalized" = p."emailNormalized" OR o."addressNormalized" = p."addressNormalized" OR o."dateOfBirth" = p."dateOfBirth")
        ON CONFLICT DO NOTHING
        RETURNING "optOutId"
      )
      SELECT o.number FROM inserted i JOIN "OptOut" o ON o.id = i."optOutId" ORDER BY o.number`;
    if (flagged.length) {
      await appendAudit(tx, null, { matterId: claim.matterId, action: "opt-out.flag-claim", entityId: claim.id, details: { number: claim.number, optOuts: flagged.map((f) => f.number) } });
    }
    return flagged.map((f) => f.number);
  });
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
