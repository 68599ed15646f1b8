import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { rescoreInTransaction } from "@/lib/server/claims/rescore-in-transaction";

// Recomputes every claim's signals and score for a matter, set-wise (window functions and one
// self-join on date of birth) rather than claim by claim, with the same rules as submission:
// a claim is flagged against the EARLIER claims it resembles. One transaction: reviewers see
// the old scores or the new ones, never a mix. Staff start it with requestRescore (a background
// job: a million claims take most of a minute).
// No authorisation: for the job (authorised when requested), the bench and maintenance scripts.
export async function unsafeRescoreMatter(matterId: string, actor: Actor | null = null) {
  const started = Date.now();
  return db.$transaction(
    async (tx) => {
      const counts = await rescoreInTransaction(tx, matterId, actor?.userId ?? null);
      const result = { ...counts, ms: Date.now() - started };
      await appendAudit(tx, actor, { matterId, action: "claim.rescore", entityId: matterId, details: result });
      return result;
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}
