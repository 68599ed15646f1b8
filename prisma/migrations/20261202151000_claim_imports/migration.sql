-- Bulk claim intake (issue 14 item 9): imports, their per-row error report, an UNLOGGED staging
-- table for the rows a running import COPYs in, and each claim's postmark and import.

-- CreateEnum
CREATE TYPE "ClaimImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "importId" UUID,
ADD COLUMN     "postmarkedOn" DATE;

-- CreateTable
CREATE TABLE "ClaimImport" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "blobSha256" CHAR(64) NOT NULL,
    "sendMail" BOOLEAN NOT NULL DEFAULT false,
    "status" "ClaimImportStatus" NOT NULL DEFAULT 'QUEUED',
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ClaimImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimImportError" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "ClaimImportError_pkey" PRIMARY KEY ("importId","line","field")
);

-- CreateTable
CREATE UNLOGGED TABLE "ClaimImportRow" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "errors" JSONB,
    "id" UUID,
    "claimantId" UUID,
    "number" TEXT,
    "idempotencyKey" TEXT,
    "fullName" TEXT,
    "nameNormalized" TEXT,
    "dateOfBirth" DATE,
    "guardianName" TEXT,
    "email" TEXT,
    "emailNormalized" TEXT,
    "phone" TEXT,
    "phoneNormalized" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "addressNormalized" TEXT,
    "answers" JSONB,
    "subclass" TEXT,
    "paymentPreference" TEXT,
    "noticeId" TEXT,
    "confirmationCode" TEXT,
    "attestationName" TEXT,
    "postmarkedOn" DATE,
    "eventDetails" JSONB,

    CONSTRAINT "ClaimImportRow_pkey" PRIMARY KEY ("importId","line")
);

-- CreateIndex
CREATE INDEX "ClaimImport_matterId_createdAt_idx" ON "ClaimImport"("matterId", "createdAt");

-- AddForeignKey
ALTER TABLE "ClaimImport" ADD CONSTRAINT "ClaimImport_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimImport" ADD CONSTRAINT "ClaimImport_blobSha256_fkey" FOREIGN KEY ("blobSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimImport" ADD CONSTRAINT "ClaimImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimImportError" ADD CONSTRAINT "ClaimImportError_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ClaimImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;


