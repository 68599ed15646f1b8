-- One signal of a kind per claim: settling racing claims after commit inserts with ON CONFLICT.
DROP INDEX IF EXISTS "ClaimSignal_claimId_idx";
CREATE UNIQUE INDEX "ClaimSignal_claimId_kind_key" ON "ClaimSignal"("claimId", "kind");
