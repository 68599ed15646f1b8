-- Bulk intake: a batch per uploaded ZIP, an item per file, and the duplicate mark an e-mail attachment
-- keeps when its bytes are already a loose exhibit. Tables are granted to proofline_app by default privileges.
-- CreateEnum
CREATE TYPE "IntakeStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "IntakeItemStatus" AS ENUM ('COMMITTED', 'SKIPPED', 'FAILED');

-- AlterTable
ALTER TABLE "Exhibit" ADD COLUMN     "duplicateOfExhibitId" UUID;

-- CreateTable
CREATE TABLE "IntakeBatch" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "archiveName" TEXT NOT NULL,
    "archiveSha256" CHAR(64) NOT NULL,
    "loadFileName" TEXT,
    "loadFileSha256" CHAR(64),
    "status" "IntakeStatus" NOT NULL DEFAULT 'QUEUED',
    "totalFiles" INTEGER,
    "processedFiles" INTEGER NOT NULL DEFAULT 0,
    "committedFiles" INTEGER NOT NULL DEFAULT 0,
    "skippedFiles" INTEGER NOT NULL DEFAULT 0,
    "failedFiles" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IntakeBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeItem" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "path" TEXT NOT NULL,
    "sha256" CHAR(64),
    "status" "IntakeItemStatus" NOT NULL,
    "exhibitId" UUID,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntakeBatch_matterId_createdAt_idx" ON "IntakeBatch"("matterId", "createdAt");

-- CreateIndex
CREATE INDEX "IntakeItem_matterId_path_sha256_idx" ON "IntakeItem"("matterId", "path", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeItem_batchId_path_key" ON "IntakeItem"("batchId", "path");

-- AddForeignKey
ALTER TABLE "Exhibit" ADD CONSTRAINT "Exhibit_duplicateOfExhibitId_fkey" FOREIGN KEY ("duplicateOfExhibitId") REFERENCES "Exhibit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeBatch" ADD CONSTRAINT "IntakeBatch_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeBatch" ADD CONSTRAINT "IntakeBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeItem" ADD CONSTRAINT "IntakeItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "IntakeBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeItem" ADD CONSTRAINT "IntakeItem_exhibitId_fkey" FOREIGN KEY ("exhibitId") REFERENCES "Exhibit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


