-- CreateEnum
CREATE TYPE "DistributionStatus" AS ENUM ('PREVIEW', 'LOCKED');

-- CreateEnum
CREATE TYPE "MinimumPaymentMode" AS ENUM ('RAISE_TO_FLOOR', 'DROP_BELOW_FLOOR');

-- CreateEnum
CREATE TYPE "AllocationKind" AS ENUM ('PRO_RATA', 'RAISED', 'DROPPED');

-- CreateTable
CREATE TABLE "DistributionRun" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "status" "DistributionStatus" NOT NULL DEFAULT 'PREVIEW',
    "idempotencyKey" TEXT NOT NULL,
    "grossFundCents" BIGINT NOT NULL,
    "attorneysFeesCents" BIGINT NOT NULL,
    "costsCents" BIGINT NOT NULL,
    "adminCostsCents" BIGINT NOT NULL,
    "netFundCents" BIGINT NOT NULL,
    "minimumPaymentCents" BIGINT NOT NULL,
    "minimumMode" "MinimumPaymentMode" NOT NULL,
    "weights" JSONB NOT NULL,
    "defaultWeight" INTEGER NOT NULL,
    "claimCount" INTEGER NOT NULL,
    "paidCount" INTEGER NOT NULL,
    "raisedCount" INTEGER NOT NULL,
    "droppedCount" INTEGER NOT NULL,
    "allocatedCents" BIGINT NOT NULL,
    "residueCents" BIGINT NOT NULL,
    "minPaymentCents" BIGINT,
    "maxPaymentCents" BIGINT,
    "medianPaymentCents" BIGINT,
    "bySubclass" JSONB NOT NULL,
    "approvedCount" INTEGER NOT NULL,
    "approvedAsOf" TIMESTAMPTZ(3),
    "computeMs" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedById" UUID,
    "lockReason" TEXT,

    CONSTRAINT "DistributionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "runId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "subclass" TEXT,
    "weight" INTEGER NOT NULL,
    "kind" "AllocationKind" NOT NULL,
    "amountCents" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "Allocation_runId_idx" ON "Allocation" USING BRIN ("runId");

-- CreateIndex
CREATE INDEX "DistributionRun_matterId_createdAt_idx" ON "DistributionRun"("matterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DistributionRun_matterId_idempotencyKey_key" ON "DistributionRun"("matterId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "DistributionRun" ADD CONSTRAINT "DistributionRun_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionRun" ADD CONSTRAINT "DistributionRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionRun" ADD CONSTRAINT "DistributionRun_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- One locked distribution per matter.
CREATE UNIQUE INDEX "DistributionRun_one_locked_per_matter" ON "DistributionRun"("matterId") WHERE "status" = 'LOCKED';

-- A locked run and its allocations are the record of what the class is paid: nothing changes
-- them afterwards, whichever role or code path asks. Allocations have no per-row foreign keys
-- (see schema.prisma); these statement-level triggers check a whole INSERT at once.
CREATE FUNCTION distribution_run_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'LOCKED' THEN
    RAISE EXCEPTION 'distribution run % is locked', OLD."id" USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    -- What ON DELETE CASCADE would do.
    DELETE FROM "Allocation" WHERE "runId" = OLD."id";
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER distribution_run_locked_guard BEFORE UPDATE OR DELETE ON "DistributionRun"
  FOR EACH ROW EXECUTE FUNCTION distribution_run_locked_guard();

CREATE FUNCTION allocation_locked_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  runs uuid[];
BEGIN
  SELECT array_agg(DISTINCT "runId") INTO runs FROM changed_rows;
  IF EXISTS (SELECT 1 FROM "DistributionRun" r WHERE r."id" = ANY (runs) AND r."status" = 'LOCKED') THEN
    RAISE EXCEPTION 'allocations of a locked distribution run cannot change' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'INSERT' AND (SELECT count(*) FROM "DistributionRun" r WHERE r."id" = ANY (runs)) <> coalesce(cardinality(runs), 0) THEN
    RAISE EXCEPTION 'allocation for a distribution run that does not exist' USING ERRCODE = '23503';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER allocation_locked_guard_insert AFTER INSERT ON "Allocation"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_locked_guard();
CREATE TRIGGER allocation_locked_guard_update AFTER UPDATE ON "Allocation"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_locked_guard();
CREATE TRIGGER allocation_locked_guard_delete AFTER DELETE ON "Allocation"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_locked_guard();
