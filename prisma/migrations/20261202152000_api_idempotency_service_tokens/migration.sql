-- Claim-feed service tokens, and the answers of POSTs sent with an Idempotency-Key.
-- CreateEnum
CREATE TYPE "ApiTokenKind" AS ENUM ('PERSONAL', 'SERVICE');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "kind" "ApiTokenKind" NOT NULL DEFAULT 'PERSONAL';

-- CreateTable
CREATE TABLE "ApiIdempotencyKey" (
    "principal" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "statusCode" INTEGER,
    "response" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiIdempotencyKey_pkey" PRIMARY KEY ("principal","key")
);

-- CreateIndex
CREATE INDEX "ApiIdempotencyKey_expiresAt_idx" ON "ApiIdempotencyKey"("expiresAt");
