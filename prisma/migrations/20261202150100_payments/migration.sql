-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'RETURNED');

-- CreateTable
CREATE TABLE "Payment" (
    "runId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "statusAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "reissuedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("runId","claimId")
);

-- CreateIndex
CREATE INDEX "Payment_runId_status_idx" ON "Payment"("runId", "status");

-- CreateIndex
CREATE INDEX "Payment_matterId_status_idx" ON "Payment"("matterId", "status");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "DistributionRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What a payment pays is the locked allocation's: only its status changes afterwards.
CREATE FUNCTION payment_fixed_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."runId" <> OLD."runId" OR NEW."claimId" <> OLD."claimId" OR NEW."matterId" <> OLD."matterId" OR NEW."amountCents" <> OLD."amountCents" THEN
    RAISE EXCEPTION 'the amount and claim of a payment cannot change' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_fixed_guard BEFORE UPDATE ON "Payment" FOR EACH ROW EXECUTE FUNCTION payment_fixed_guard();
