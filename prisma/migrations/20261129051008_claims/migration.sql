/*
  Warnings:

  - Added the required column `matterId` to the `Claimant` table without a default value. This is not possible if the table is not empty.

*/
-- DropIndex
DROP INDEX "Claimant_addressNormalized_idx";

-- DropIndex
DROP INDEX "Claimant_emailNormalized_idx";

-- DropIndex
DROP INDEX "Claimant_phoneNormalized_idx";

-- DropIndex
DROP INDEX "Claimant_userId_key";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "deficiencyDueOn" DATE,
ADD COLUMN     "deficiencyNotice" TEXT,
ADD COLUMN     "deficientAt" TIMESTAMPTZ(3),
ADD COLUMN     "deficientFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "ipPrefix" TEXT,
ADD COLUMN     "recommendation" TEXT;

-- AlterTable
ALTER TABLE "Claimant" ADD COLUMN     "matterId" UUID NOT NULL;

-- CreateTable
CREATE TABLE "ClaimAttachment" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "blobSha256" CHAR(64) NOT NULL,
    "filename" TEXT NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeRecipient" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "noticeId" TEXT NOT NULL,
    "confirmationCode" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "state" CHAR(2) NOT NULL,
    "zip" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ref" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInToken" (
    "tokenHash" CHAR(64) NOT NULL,
    "email" TEXT NOT NULL,
    "claimId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ClaimAttachment_claimId_idx" ON "ClaimAttachment"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeRecipient_matterId_noticeId_key" ON "NoticeRecipient"("matterId", "noticeId");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_ref_idx" ON "OutboxMessage"("ref");

-- CreateIndex
CREATE INDEX "SignInToken_email_idx" ON "SignInToken"("email");

-- CreateIndex
CREATE INDEX "Claim_matterId_attestationIp_createdAt_idx" ON "Claim"("matterId", "attestationIp", "createdAt");

-- CreateIndex
CREATE INDEX "Claim_matterId_ipPrefix_createdAt_idx" ON "Claim"("matterId", "ipPrefix", "createdAt");

-- CreateIndex
CREATE INDEX "Claimant_userId_idx" ON "Claimant"("userId");

-- CreateIndex
CREATE INDEX "Claimant_matterId_emailNormalized_idx" ON "Claimant"("matterId", "emailNormalized");

-- CreateIndex
CREATE INDEX "Claimant_matterId_phoneNormalized_idx" ON "Claimant"("matterId", "phoneNormalized");

-- CreateIndex
CREATE INDEX "Claimant_matterId_addressNormalized_idx" ON "Claimant"("matterId", "addressNormalized");

-- CreateIndex
CREATE INDEX "Claimant_matterId_dateOfBirth_idx" ON "Claimant"("matterId", "dateOfBirth");

-- AddForeignKey
ALTER TABLE "Claimant" ADD CONSTRAINT "Claimant_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttachment" ADD CONSTRAINT "ClaimAttachment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttachment" ADD CONSTRAINT "ClaimAttachment_blobSha256_fkey" FOREIGN KEY ("blobSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeRecipient" ADD CONSTRAINT "NoticeRecipient_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Near-duplicate names (same date of birth, similar name) are found with pg_trgm similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Claimant_fullName_trgm_idx" ON "Claimant" USING gin (lower("fullName") gin_trgm_ops);
CREATE INDEX "ClaimSignal_matchedClaimId_idx" ON "ClaimSignal" ("matchedClaimId");
CREATE INDEX "Claim_matterId_deficientAt_idx" ON "Claim" ("matterId", "deficientAt") WHERE status = 'DEFICIENT';
