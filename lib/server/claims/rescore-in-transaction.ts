// The set-wise re-scoring statements (see rescore-claims.ts for the why), run inside a caller's
// transaction: the web app's job wraps them with its audit row, and the demo seed runs them so its
// near-twin claims carry their signals from the first time a reviewer opens them. No
// "server-only" and no db import, so the seed (plain tsx) can use it with its own client.
import { DISPOSABLE_EMAIL_DOMAINS } from "../../claims/disposable-domains";
import { BURST, SIGNAL_WEIGHTS } from "../../claims/signals";
import type { Prisma } from "../../generated/prisma/client";

export async function rescoreInTransaction(tx: Prisma.TransactionClient, matterId: string, actorUserId: string | null): Promise<{ claims: number; signals: number; changed: number }> {
  const weights = JSON.stringify(SIGNAL_WEIGHTS);
  const domains = [...DISPOSABLE_EMAIL_DOMAINS];
  await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
  // These statements run once over a whole matter; JIT-compiling them costs seconds (measured
  // 1.7 s of 26 s on the signal query) and gains less than that.
  await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
  await tx.$executeRaw`
    CREATE TEMP TABLE rescore_base ON COMMIT DROP AS
    SELECT c.id, c.number, c."createdAt" AS at, c."attestationIp" AS ip, c."ipPrefix" AS prefix, c."fraudScore" AS old_score,
           p."emailNormalized" AS email, p."phoneNormalized" AS phone, p."addressNormalized" AS addr,
           p."dateOfBirth" AS dob, lower(p."fullName") AS lname, p."fullName" AS name,
           left(lower(p."fullName"), 2) AS first2, right(lower(p."fullName"), 3) AS last3
    FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId"
    WHERE c."matterId" = ${matterId}::uuid`;
  // Temp tables have no statistics until analysed; without them the date-of-birth self-join plans badly.
  await tx.$executeRaw`ANALYZE rescore_base`;
  // Only keys shared by several claims need a window (most claims share nothing): find those
  // keys with a hash aggregate first, then rank just their claims.
  await tx.$executeRaw`
    CREATE TEMP TABLE rescore_signal ON COMMIT DROP AS
    WITH email_w AS (
      SELECT id, email, first_value(id) OVER k AS first_id, first_value(number) OVER k AS first_no
      FROM rescore_base WHERE email IN (SELECT email FROM rescore_base GROUP BY email HAVING count(*) > 1)
      WINDOW k AS (PARTITION BY email ORDER BY at, id)
    ), phone_w AS (
      SELECT id, phone, first_value(id) OVER k AS first_id, first_value(number) OVER k AS first_no
      FROM rescore_base WHERE phone IN (SELECT phone FROM rescore_base WHERE phone IS NOT NULL GROUP BY phone HAVING count(*) > 1)
      WINDOW k AS (PARTITION BY phone ORDER BY at, id)
    ), addr_w AS (
      SELECT id, addr, first_value(id) OVER k AS first_id, first_value(number) OVER k AS first_no, row_number() OVER k AS n
      FROM rescore_base WHERE addr IN (SELECT addr FROM rescore_base GROUP BY addr HAVING count(*) > 1)
      WINDOW k AS (PARTITION BY addr ORDER BY at, id)
    ), ip_w AS (
      SELECT id, ip, count(*) OVER (PARTITION BY ip ORDER BY at RANGE BETWEEN interval '1 hour' PRECEDING AND CURRENT ROW) AS n
      FROM rescore_base WHERE ip IN (SELECT ip FROM rescore_base WHERE ip IS NOT NULL GROUP BY ip HAVING count(*) >= ${BURST.ipPerHour})
    ), prefix_w AS (
      SELECT id, prefix, count(*) OVER (PARTITION BY prefix ORDER BY at RANGE BETWEEN interval '10 minutes' PRECEDING AND CURRENT ROW) AS n
      FROM rescore_base WHERE prefix IN (SELECT prefix FROM rescore_base WHERE prefix IS NOT NULL GROUP BY prefix HAVING count(*) >= ${BURST.networkPerTenMinutes})
    ), name_pairs AS (
      -- Blocking as at submission: same date of birth and the same first two or last three
      -- letters. The second join takes only pairs the first did not, so no de-duplication.
      SELECT a.id, b.id AS bid, b.number AS bno, a.name, b.name AS bname, a.dob, similarity(a.lname, b.lname) AS sim
      FROM rescore_base a JOIN rescore_base b ON b.dob = a.dob AND b.first2 = a.first2 AND (b.at, b.id) < (a.at, a.id)
      UNION ALL
      SELECT a.id, b.id, b.number, a.name, b.name, a.dob, similarity(a.lname, b.lname)
      FROM rescore_base a JOIN rescore_base b ON b.dob = a.dob AND b.last3 = a.last3 AND b.first2 <> a.first2 AND (b.at, b.id) < (a.at, a.id)
    )
    SELECT id AS claim_id, 'SAME_EMAIL' AS kind, first_id AS matched, jsonb_build_object('email', email, 'matches', jsonb_build_array(first_no)) AS detail FROM email_w WHERE first_id <> id
    UNION ALL
    SELECT id, 'SAME_PHONE', first_id, jsonb_build_object('phone', phone, 'matches', jsonb_build_array(first_no)) FROM phone_w WHERE first_id <> id
    UNION ALL
    SELECT id, 'SAME_ADDRESS', first_id, jsonb_build_object('address', addr, 'matches', jsonb_build_array(first_no)) FROM addr_w WHERE first_id <> id
    UNION ALL
    SELECT id, 'ADDRESS_BURST', NULL, jsonb_build_object('address', addr, 'claims', n) FROM addr_w WHERE n >= ${BURST.perAddress}
    UNION ALL
    SELECT id, 'IP_BURST', NULL, jsonb_build_object('ip', ip, 'claimsInLastHour', n) FROM ip_w WHERE n >= ${BURST.ipPerHour}
    UNION ALL
    SELECT id, 'VELOCITY_SPIKE', NULL, jsonb_build_object('network', prefix, 'claimsInLastTenMinutes', n) FROM prefix_w WHERE n >= ${BURST.networkPerTenMinutes}
    UNION ALL
    SELECT id, 'DISPOSABLE_EMAIL', NULL, jsonb_build_object('domain', split_part(email, '@', 2)) FROM rescore_base
    WHERE split_part(email, '@', 2) = ANY(${domains}::text[])
       OR substring(split_part(email, '@', 2) FROM '[^.]+\\.[^.]+$') = ANY(${domains}::text[])
    UNION ALL
    (SELECT DISTINCT ON (id) id, 'NAME_DOB_NEAR_DUPLICATE', bid,
      jsonb_build_object('name', name, 'matchedName', bname, 'similarity', round(sim::numeric, 2), 'dateOfBirth', dob, 'matches', jsonb_build_array(bno))
    FROM name_pairs WHERE sim >= ${BURST.nameSimilarity} ORDER BY id, sim DESC)`;
  await tx.$executeRaw`DELETE FROM "ClaimSignal" s USING rescore_base b WHERE s."claimId" = b.id`;
  const signals = await tx.$executeRaw`
    INSERT INTO "ClaimSignal" (id, "claimId", kind, weight, "matchedClaimId", detail)
    SELECT gen_random_uuid(), s.claim_id, s.kind::"SignalKind", (${weights}::jsonb ->> s.kind)::int, s.matched, s.detail
    FROM rescore_signal s`;
  // Only rows whose score changes are written (each write touches every index on Claim), and
  // each of those claims gets a RESCORED event saying from what to what, so its history
  // explains a score that moved without anyone touching the claim.
  const changed = await tx.$executeRaw`
    WITH updated AS (
      UPDATE "Claim" c SET "fraudScore" = t.score, "updatedAt" = now()
      FROM (
        SELECT b.id, b.old_score, coalesce(s.score, 0) AS score
        FROM rescore_base b
        LEFT JOIN (SELECT claim_id, least(100, sum((${weights}::jsonb ->> kind)::int))::int AS score FROM rescore_signal GROUP BY claim_id) s
          ON s.claim_id = b.id
        WHERE coalesce(s.score, 0) <> b.old_score
      ) t
      WHERE c.id = t.id
      RETURNING c.id, t.old_score, t.score
    )
    INSERT INTO "ClaimEvent" (id, "claimId", type, "actorId", note, details)
    SELECT gen_random_uuid(), id, 'RESCORED', ${actorUserId}::uuid, format('Fraud score %s → %s on re-scoring', old_score, score),
      jsonb_build_object('fromScore', old_score, 'toScore', score)
    FROM updated`;
  const [count] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM rescore_base`;
  return { claims: count!.n, signals, changed };
}
