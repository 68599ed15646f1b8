-- CreateEnum
CREATE TYPE "RedactionKind" AS ENUM ('TERM', 'REGION');

-- CreateEnum
CREATE TYPE "RedactionRequestStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Redaction" ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "height" DOUBLE PRECISION,
ADD COLUMN     "kind" "RedactionKind" NOT NULL DEFAULT 'TERM',
ADD COLUMN     "page" INTEGER,
ADD COLUMN     "width" DOUBLE PRECISION,
ADD COLUMN     "x" DOUBLE PRECISION,
ADD COLUMN     "y" DOUBLE PRECISION,
ALTER COLUMN "term" DROP NOT NULL;

-- Redactions made before this migration were asked for by whoever made their copy, then.
UPDATE "Redaction" r SET "createdById" = c."createdById", "createdAt" = c."createdAt" FROM "RedactedCopy" c WHERE c.id = r."redactedCopyId";
ALTER TABLE "Redaction" ALTER COLUMN "createdById" SET NOT NULL;

-- CreateTable
CREATE TABLE "RedactionRequest" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "status" "RedactionRequestStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "terms" JSONB NOT NULL,
    "regions" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "redactedCopyId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RedactionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RedactionRequest_redactedCopyId_key" ON "RedactionRequest"("redactedCopyId");

-- CreateIndex
CREATE INDEX "RedactionRequest_exhibitId_createdAt_idx" ON "RedactionRequest"("exhibitId", "createdAt");

-- CreateIndex
CREATE INDEX "RedactionRequest_status_idx" ON "RedactionRequest"("status");

-- AddForeignKey
ALTER TABLE "Redaction" ADD CONSTRAINT "Redaction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedactionRequest" ADD CONSTRAINT "RedactionRequest_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedactionRequest" ADD CONSTRAINT "RedactionRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedactionRequest" ADD CONSTRAINT "RedactionRequest_redactedCopyId_fkey" FOREIGN KEY ("redactedCopyId") REFERENCES "RedactedCopy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


