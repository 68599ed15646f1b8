import "server-only";
import { isDisposableDomain } from "@/lib/claims/disposable-domains";
import { emailDomain } from "@/lib/claims/normalize";
import { BURST, SIGNAL_WEIGHTS } from "@/lib/claims/signals";
import type { SignalKind } from "@/lib/generated/prisma/enums";
import { createCoalescer } from "@/lib/server/batching/coalescer";
import { db } from "@/lib/server/db";

export type ComputedSignal = { kind: SignalKind; weight: number; matchedClaimId: string | null; detail: Record<string, unknown> };

export type SignalSubject = {
  matterId: string;
  fullName: string;
  dateOfBirth: string;
  emailNormalized: string;
  phoneNormalized: string | null;
  addressNormalized: string;
  ip: string | null;
  ipPrefix: string | null;
};

type Match = { id: string; number: string };
type Row = {
  email: Match[] | null;
  phone: Match[] | null;
  address: Match[] | null;
  address_count: number;
  namedob: (Match & { fullName: string; similarity: number })[] | null;
  ip_count: number;
  prefix_count: number;
};

// Scores a new claim against the matter's earlier ones: every lookup is an index probe. The
// lookups of concurrent submissions travel together in one statement (one round trip for a
// burst). Batch re-scoring (rescore-claims.ts) computes the same signals set-wise for a whole
// matter, and so also catches two claims that were scored at the same moment.
export function computeSignals(s: SignalSubject): Promise<ComputedSignal[]> {
  return lookUp(s);
}

const lookUp = createCoalescer<SignalSubject, ComputedSignal[]>(async (subjects) => {
  const input = subjects.map((s, i) => ({ i, ...s }));
  const rows = await db.$queryRaw<(Row & { i: number })[]>`
    SELECT s.i,
      (SELECT json_agg(json_build_object('id', c.id, 'number', c.number)) FROM (
        SELECT c.id, c.number FROM "Claimant" p JOIN "Claim" c ON c."claimantId" = p.id
        WHERE p."matterId" = s."matterId" AND p."emailNormalized" = s."emailNormalized" ORDER BY c."createdAt" LIMIT 5) c) AS email,
      (SELECT json_agg(json_build_object('id', c.id, 'number', c.number)) FROM (
        SELECT c.id, c.number FROM "Claimant" p JOIN "Claim" c ON c."claimantId" = p.id
        WHERE p."matterId" = s."matterId" AND p."phoneNormalized" = s."phoneNormalized" ORDER BY c."createdAt" LIMIT 5) c) AS phone,
      (SELECT json_agg(json_build_object('id', c.id, 'number', c.number)) FROM (
        SELECT c.id, c.number FROM "Claimant" p JOIN "Claim" c ON c."claimantId" = p.id
        WHERE p."matterId" = s."matterId" AND p."addressNormalized" = s."addressNormalized" ORDER BY c."createdAt" LIMIT 5) c) AS address,
      (SELECT count(*)::int FROM "Claimant" p WHERE p."matterId" = s."matterId" AND p."addressNormalized" = s."addressNormalized") AS address_count,
      (SELECT json_agg(json_build_object('id', c.id, 'number', c.number, 'fullName', c."fullName", 'similarity', c.sim)) FROM (
        SELECT c.id, c.number, p."fullName", round(similarity(lower(p."fullName"), lower(s."fullName"))::numeric, 2) AS sim
        FROM "Claimant" p JOIN "Claim" c ON c."claimantId" = p.id
        WHERE p."matterId" = s."matterId" AND p."dateOfBirth" = s."dateOfBirth"
          AND (left(lower(p."fullName"), 2) = left(lower(s."fullName"), 2) OR right(lower(p."fullName"), 3) = right(lower(s."fullName"), 3))
          AND similarity(lower(p."fullName"), lower(s."fullName")) >= ${BURST.nameSimilarity}
        ORDER BY sim DESC LIMIT 5) c) AS namedob,
      (SELECT count(*)::int FROM "Claim" WHERE "matterId" = s."matterId" AND "attestationIp" = s.ip
        AND "createdAt" > now() - interval '1 hour') AS ip_count,
      (SELECT count(*)::int FROM "Claim" WHERE "matterId" = s."matterId" AND "ipPrefix" = s."ipPrefix"
        AND "createdAt" > now() - interval '10 minutes') AS prefix_count
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS s(i int, "matterId" uuid, "fullName" text, "dateOfBirth" date,
      "emailNormalized" text, "phoneNormalized" text, "addressNormalized" text, ip text, "ipPrefix" text)`;
  const byIndex = new Map(rows.map((r) => [r.i, r]));
  return subjects.map((s, i) => signalsFromLookups(s, byIndex.get(i)!));
});

function signalsFromLookups(s: SignalSubject, row: Row): ComputedSignal[] {
  const out: ComputedSignal[] = [];
  const matched = (kind: SignalKind, matches: Match[] | null, detail: Record<string, unknown>) => {
    if (!matches?.length) return;
    out.push({ kind, weight: SIGNAL_WEIGHTS[kind], matchedClaimId: matches[0]!.id, detail: { ...detail, matches: matches.map((m) => m.number) } });
  };
  matched("SAME_EMAIL", row.email, { email: s.emailNormalized });
  if (s.phoneNormalized) matched("SAME_PHONE", row.phone, { phone: s.phoneNormalized });
  matched("SAME_ADDRESS", row.address, { address: s.addressNormalized });
  if (row.namedob?.length) {
    const best = row.namedob[0]!;
    out.push({
      kind: "NAME_DOB_NEAR_DUPLICATE",
      weight: SIGNAL_WEIGHTS.NAME_DOB_NEAR_DUPLICATE,
      matchedClaimId: best.id,
      detail: { name: s.fullName, matchedName: best.fullName, similarity: Number(best.similarity), dateOfBirth: s.dateOfBirth, matches: row.namedob.map((m) => m.number) },
    });
  }
  // Counts include this claim, which is not yet written.
  if (row.address_count + 1 >= BURST.perAddress) {
    out.push({ kind: "ADDRESS_BURST", weight: SIGNAL_WEIGHTS.ADDRESS_BURST, matchedClaimId: null, detail: { address: s.addressNormalized, claims: row.address_count + 1 } });
  }
  if (s.ip && row.ip_count + 1 >= BURST.ipPerHour) {
    out.push({ kind: "IP_BURST", weight: SIGNAL_WEIGHTS.IP_BURST, matchedClaimId: null, detail: { ip: s.ip, claimsInLastHour: row.ip_count + 1 } });
  }
  if (s.ipPrefix && row.prefix_count + 1 >= BURST.networkPerTenMinutes) {
    out.push({ kind: "VELOCITY_SPIKE", weight: SIGNAL_WEIGHTS.VELOCITY_SPIKE, matchedClaimId: null, detail: { network: s.ipPrefix, claimsInLastTenMinutes: row.prefix_count + 1 } });
  }
  const domain = emailDomain(s.emailNormalized);
  if (isDisposableDomain(domain)) out.push({ kind: "DISPOSABLE_EMAIL", weight: SIGNAL_WEIGHTS.DISPOSABLE_EMAIL, matchedClaimId: null, detail: { domain } });
  return out;
}
