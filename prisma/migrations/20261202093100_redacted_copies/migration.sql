-- Redaction: verified redacted copies of exhibit PDFs, one row per term with its reason.
-- CreateEnum
CREATE TYPE "RedactionReason" AS ENUM ('PRIVILEGE', 'PII', 'CONFIDENTIALITY');

-- AlterTable
ALTER TABLE "ProductionItem" ADD COLUMN     "redactedCopyId" UUID;

-- CreateTable
CREATE TABLE "RedactedCopy" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "originalSha256" CHAR(64) NOT NULL,
    "redactedSha256" CHAR(64) NOT NULL,
    "pageTexts" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedactedCopy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redaction" (
    "id" UUID NOT NULL,
    "redactedCopyId" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "reason" "RedactionReason" NOT NULL,
    "occurrences" INTEGER NOT NULL,
    "pages" INTEGER[],

    CONSTRAINT "Redaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RedactedCopy_exhibitId_createdAt_idx" ON "RedactedCopy"("exhibitId", "createdAt");

-- CreateIndex
CREATE INDEX "Redaction_redactedCopyId_idx" ON "Redaction"("redactedCopyId");

-- AddForeignKey
ALTER TABLE "ProductionItem" ADD CONSTRAINT "ProductionItem_redactedCopyId_fkey" FOREIGN KEY ("redactedCopyId") REFERENCES "RedactedCopy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedactedCopy" ADD CONSTRAINT "RedactedCopy_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedactedCopy" ADD CONSTRAINT "RedactedCopy_redactedSha256_fkey" FOREIGN KEY ("redactedSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedactedCopy" ADD CONSTRAINT "RedactedCopy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redaction" ADD CONSTRAINT "Redaction_redactedCopyId_fkey" FOREIGN KEY ("redactedCopyId") REFERENCES "RedactedCopy"("id") ON DELETE CASCADE ON UPDATE CASCADE;


