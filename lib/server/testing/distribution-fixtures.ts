import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";

// `n` approved claims of one subclass (null: none), claimants and claims in one statement over
// generate_series: the tests' and the bench's way to a large approved population.
export async function generateApprovedClaims(matterId: string, subclass: string | null, n: number): Promise<void> {
  const tag = randomBytes(4).toString("hex").toUpperCase();
  await db.$executeRaw`
    WITH c AS (
      INSERT INTO "Claimant" (id, "matterId", "fullName", "dateOfBirth", email, "emailNormalized", "addressLine1", city, state, zip, "addressNormalized")
      SELECT gen_random_uuid(), ${matterId}::uuid, 'Generated ' || ${tag} || ' ' || i, date '1980-01-01', 'gen.' || ${tag} || '.' || i || '@example.org',
        'gen.' || ${tag} || '.' || i || '@example.org', i || ' Main St', 'Chicago', 'IL', '60601', i || ' main st|60601|IL'
      FROM generate_series(1, ${n}::int) i
      RETURNING id, "fullName"
    )
    INSERT INTO "Claim" (id, "matterId", number, "claimantId", status, answers, subclass, "paymentPreference", "attestationText", "attestationName", "attestedAt",
      "idempotencyKey", "decidedAt", "updatedAt")
    SELECT gen_random_uuid(), ${matterId}::uuid, 'G' || ${tag} || lpad(row_number() OVER ()::text, 8, '0'), c.id, 'APPROVED', '{}', ${subclass}, 'PAYPAL', 'x', c."fullName", now(),
      c.id::text, now(), now()
    FROM c`;
}
