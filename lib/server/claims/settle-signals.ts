import "server-only";
import { SIGNAL_WEIGHTS, BURST } from "@/lib/claims/signals";
import { createCoalescer } from "@/lib/server/batching/coalescer";
import { db } from "@/lib/server/db";

// A claim's signals are looked up before it is written, so two claims filed at the same moment
// (or in one coalesced batch) cannot see each other. Once a claim has committed, this looks for
// identity matches (email, phone, address, near-duplicate name with the same birth date) with any
// committed claim, in both directions, and gives the LATER claim of each pair the signal it is
// missing — the rule batch re-scoring applies. Whichever of two racing claims settles last sees
// both committed (its statement starts after its own commit, which follows the other's lookup),
// so no pair is missed. ON CONFLICT keeps two settles of one pair from doubling a signal.
export function settleSignals(claimId: string): Promise<void> {
  return settle(claimId);
}

const settle = createCoalescer<string, void>(async (claimIds) => {
  const weights = JSON.stringify(SIGNAL_WEIGHTS);
  const touched = await db.$queryRaw<{ claimId: string }[]>`
    WITH b AS (
      SELECT c.id, c."matterId", p."emailNormalized" AS email, p."phoneNormalized" AS phone, p."addressNormalized" AS addr,
             p."dateOfBirth" AS dob, lower(p."fullName") AS lname
      FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId" WHERE c.id = ANY(${claimIds}::uuid[])
    ), m AS (
      SELECT 'SAME_EMAIL' AS kind, b.id AS bid, o.id AS oid, NULL::real AS sim FROM b
        JOIN "Claimant" op ON op."matterId" = b."matterId" AND op."emailNormalized" = b.email JOIN "Claim" o ON o."claimantId" = op.id
      UNION ALL
      SELECT 'SAME_PHONE', b.id, o.id, NULL FROM b
        JOIN "Claimant" op ON op."matterId" = b."matterId" AND op."phoneNormalized" = b.phone JOIN "Claim" o ON o."claimantId" = op.id
      WHERE b.phone IS NOT NULL
      UNION ALL
      SELECT 'SAME_ADDRESS', b.id, o.id, NULL FROM b
        JOIN "Claimant" op ON op."matterId" = b."matterId" AND op."addressNormalized" = b.addr JOIN "Claim" o ON o."claimantId" = op.id
      UNION ALL
      SELECT 'NAME_DOB_NEAR_DUPLICATE', b.id, o.id, similarity(lower(op."fullName"), b.lname) FROM b
        JOIN "Claimant" op ON op."matterId" = b."matterId" AND op."dateOfBirth" = b.dob
          AND (left(lower(op."fullName"), 2) = left(b.lname, 2) OR right(lower(op."fullName"), 3) = right(b.lname, 3))
          AND similarity(lower(op."fullName"), b.lname) >= ${BURST.nameSimilarity}
        JOIN "Claim" o ON o."claimantId" = op.id
    ), oriented AS (
      SELECT m.kind, m.sim,
        CASE WHEN (cb."createdAt", cb.id) > (co."createdAt", co.id) THEN cb.id ELSE co.id END AS later,
        CASE WHEN (cb."createdAt", cb.id) > (co."createdAt", co.id) THEN co.id ELSE cb.id END AS earlier
      FROM m JOIN "Claim" cb ON cb.id = m.bid JOIN "Claim" co ON co.id = m.oid
      WHERE m.bid <> m.oid
    ), missing AS (
      SELECT DISTINCT ON (o.later, o.kind) o.later, o.kind, o.earlier, o.sim, e.number AS earlier_no,
        lp."emailNormalized" AS email, lp."phoneNormalized" AS phone, lp."addressNormalized" AS addr, lp."fullName" AS name,
        ep."fullName" AS earlier_name, lp."dateOfBirth" AS dob
      FROM oriented o
        JOIN "Claim" e ON e.id = o.earlier JOIN "Claimant" ep ON ep.id = e."claimantId"
        JOIN "Claim" l ON l.id = o.later JOIN "Claimant" lp ON lp.id = l."claimantId"
      WHERE NOT EXISTS (SELECT 1 FROM "ClaimSignal" s WHERE s."claimId" = o.later AND s.kind = o.kind::"SignalKind")
      ORDER BY o.later, o.kind, e."createdAt", e.id
    )
    INSERT INTO "ClaimSignal" (id, "claimId", kind, weight, "matchedClaimId", detail)
    SELECT gen_random_uuid(), later, kind::"SignalKind", (${weights}::jsonb ->> kind)::int, earlier,
      CASE kind
        WHEN 'SAME_EMAIL' THEN jsonb_build_object('email', email, 'matches', jsonb_build_array(earlier_no))
        WHEN 'SAME_PHONE' THEN jsonb_build_object('phone', phone, 'matches', jsonb_build_array(earlier_no))
        WHEN 'SAME_ADDRESS' THEN jsonb_build_object('address', addr, 'matches', jsonb_build_array(earlier_no))
        ELSE jsonb_build_object('name', name, 'matchedName', earlier_name, 'similarity', round(sim::numeric, 2), 'dateOfBirth', dob, 'matches', jsonb_build_array(earlier_no))
      END
    FROM missing
    ON CONFLICT ("claimId", kind) DO NOTHING
    RETURNING "claimId"`;
  if (touched.length === 0) return claimIds.map(() => undefined);
  // The score is the capped sum of the claim's signals, as at submission; the event says why a
  // score moved moments after filing.
  const ids = [...new Set(touched.map((t) => t.claimId))];
  await db.$executeRaw`
    WITH scored AS (
      SELECT c.id, c."fraudScore" AS old_score, least(100, coalesce(sum(s.weight), 0))::int AS score
      FROM "Claim" c LEFT JOIN "ClaimSignal" s ON s."claimId" = c.id
      WHERE c.id = ANY(${ids}::uuid[]) GROUP BY c.id
    ), updated AS (
      UPDATE "Claim" c SET "fraudScore" = s.score, "updatedAt" = now() FROM scored s
      WHERE c.id = s.id AND s.score <> s.old_score RETURNING c.id, s.old_score, s.score
    )
    INSERT INTO "ClaimEvent" (id, "claimId", type, note, details)
    SELECT gen_random_uuid(), id, 'RESCORED', format('Fraud score %s → %s: matches a claim filed at the same moment', old_score, score),
      jsonb_build_object('fromScore', old_score, 'toScore', score)
    FROM updated`;
  return claimIds.map(() => undefined);
});
