import "server-only";
import { DISPOSABLE_EMAIL_DOMAINS } from "@/lib/claims/disposable-domains";
import { BURST, SIGNAL_WEIGHTS } from "@/lib/claims/signals";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireMatterRole } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

// Recomputes every claim's signals and score for a matter, set-wise (window functions and one
// self-join on date of birth) rather than claim by claim, with the same rules as submission:
// a claim is flagged against the EARLIER claims it resembles. One transaction: reviewers see
// the old scores or the new ones, never a mix.
export async function rescoreClaims(actor: Actor, matterId: string) {
  await requireMatterRole(actor, matterId, ["ATTORNEY", "PARALEGAL"]);
  return unsafeRescoreMatter(matterId, actor);
}

// No authorisation: for the bench and maintenance scripts.
export async function unsafeRescoreMatter(matterId: string, actor: Actor | null = null) {
  const started = Date.now();
  const weights = JSON.stringify(SIGNAL_WEIGHTS);
  const domains = [...DISPOSABLE_EMAIL_DOMAINS];
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      await tx.$executeRaw`
        CREATE TEMP TABLE rescore_base ON COMMIT DROP AS
        SELECT c.id, c.number, c."createdAt" AS at, c."attestationIp" AS ip, c."ipPrefix" AS prefix,
               p."emailNormalized" AS email, p."phoneNormalized" AS phone, p."addressNormalized" AS addr,
               p."dateOfBirth" AS dob, lower(p."fullName") AS lname, p."fullName" AS name
        FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId"
        WHERE c."matterId" = ${matterId}::uuid`;
      // Temp tables have no statistics until analysed; without them the date-of-birth self-join plans badly.
      await tx.$executeRaw`ANALYZE rescore_base`;
      await tx.$executeRaw`
        CREATE TEMP TABLE rescore_signal ON COMMIT DROP AS
        WITH w AS (
          SELECT b.*,
            first_value(id) OVER (PARTITION BY email ORDER BY at, id) AS email_first,
            first_value(number) OVER (PARTITION BY email ORDER BY at, id) AS email_first_no,
            CASE WHEN phone IS NULL THEN NULL ELSE first_value(id) OVER (PARTITION BY phone ORDER BY at, id) END AS phone_first,
            first_value(number) OVER (PARTITION BY phone ORDER BY at, id) AS phone_first_no,
            first_value(id) OVER (PARTITION BY addr ORDER BY at, id) AS addr_first,
            first_value(number) OVER (PARTITION BY addr ORDER BY at, id) AS addr_first_no,
            row_number() OVER (PARTITION BY addr ORDER BY at, id) AS addr_n,
            CASE WHEN ip IS NULL THEN 0 ELSE count(*) OVER (PARTITION BY ip ORDER BY at RANGE BETWEEN interval '1 hour' PRECEDING AND CURRENT ROW) END AS ip_n,
            CASE WHEN prefix IS NULL THEN 0 ELSE count(*) OVER (PARTITION BY prefix ORDER BY at RANGE BETWEEN interval '10 minutes' PRECEDING AND CURRENT ROW) END AS prefix_n
          FROM rescore_base b
        )
        SELECT id AS claim_id, 'SAME_EMAIL' AS kind, email_first AS matched, jsonb_build_object('email', email, 'matches', jsonb_build_array(email_first_no)) AS detail FROM w WHERE email_first <> id
        UNION ALL
        SELECT id, 'SAME_PHONE', phone_first, jsonb_build_object('phone', phone, 'matches', jsonb_build_array(phone_first_no)) FROM w WHERE phone_first IS NOT NULL AND phone_first <> id
        UNION ALL
        SELECT id, 'SAME_ADDRESS', addr_first, jsonb_build_object('address', addr, 'matches', jsonb_build_array(addr_first_no)) FROM w WHERE addr_first <> id
        UNION ALL
        SELECT id, 'ADDRESS_BURST', NULL, jsonb_build_object('address', addr, 'claims', addr_n) FROM w WHERE addr_n >= ${BURST.perAddress}
        UNION ALL
        SELECT id, 'IP_BURST', NULL, jsonb_build_object('ip', ip, 'claimsInLastHour', ip_n) FROM w WHERE ip_n >= ${BURST.ipPerHour}
        UNION ALL
        SELECT id, 'VELOCITY_SPIKE', NULL, jsonb_build_object('network', prefix, 'claimsInLastTenMinutes', prefix_n) FROM w WHERE prefix_n >= ${BURST.networkPerTenMinutes}
        UNION ALL
        SELECT id, 'DISPOSABLE_EMAIL', NULL, jsonb_build_object('domain', split_part(email, '@', 2)) FROM w
        WHERE split_part(email, '@', 2) = ANY(${domains}::text[])
           OR substring(split_part(email, '@', 2) FROM '[^.]+\\.[^.]+$') = ANY(${domains}::text[])
        UNION ALL
        (SELECT DISTINCT ON (a.id) a.id, 'NAME_DOB_NEAR_DUPLICATE', b.id, jsonb_build_object('name', a.name, 'matchedName', b.name, 'similarity', round(similarity(a.lname, b.lname)::numeric, 2),
          'dateOfBirth', a.dob, 'matches', jsonb_build_array(b.number))
        FROM rescore_base a JOIN rescore_base b ON b.dob = a.dob AND (b.at, b.id) < (a.at, a.id)
        WHERE similarity(a.lname, b.lname) >= ${BURST.nameSimilarity}
        ORDER BY a.id, similarity(a.lname, b.lname) DESC)`;
      await tx.$executeRaw`DELETE FROM "ClaimSignal" s USING rescore_base b WHERE s."claimId" = b.id`;
      const signals = await tx.$executeRaw`
        INSERT INTO "ClaimSignal" (id, "claimId", kind, weight, "matchedClaimId", detail)
        SELECT gen_random_uuid(), s.claim_id, s.kind::"SignalKind", (${weights}::jsonb ->> s.kind)::int, s.matched, s.detail
        FROM rescore_signal s`;
      const changed = await tx.$executeRaw`
        UPDATE "Claim" c SET "fraudScore" = t.score, "updatedAt" = now()
        FROM (
          SELECT b.id, least(100, coalesce(sum((${weights}::jsonb ->> s.kind)::int), 0))::int AS score
          FROM rescore_base b LEFT JOIN rescore_signal s ON s.claim_id = b.id GROUP BY b.id
        ) t
        WHERE c.id = t.id AND c."fraudScore" <> t.score`;
      const [count] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM rescore_base`;
      const result = { claims: count!.n, signals, changed, ms: Date.now() - started };
      await appendAudit(tx, actor, { matterId, action: "claim.rescore", entityType: "Matter", entityId: matterId, details: result });
      return result;
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}
