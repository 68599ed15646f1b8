-- Complaint import: an allegation's ¶ is a label as printed ("37", "37a", "37.1") with an integer
-- sort key, a pin cite (page, line) and a heading; imports and their proposals await review.

-- CreateEnum
CREATE TYPE "ComplaintImportStatus" AS ENUM ('QUEUED', 'PARSED', 'FAILED');

-- CreateEnum
CREATE TYPE "ProposalDecision" AS ENUM ('PENDING', 'ACCEPTED', 'DROPPED', 'MERGED');

-- CreateEnum
CREATE TYPE "ProposalChange" AS ENUM ('ADDED', 'UNCHANGED', 'RENUMBERED', 'REWORDED');

-- DropIndex
DROP INDEX "Allegation_matterId_paragraph_key";

-- AlterTable
ALTER TABLE "Allegation" ADD COLUMN     "complaintLine" INTEGER,
ADD COLUMN     "complaintPage" INTEGER,
ADD COLUMN     "heading" TEXT,
ADD COLUMN     "paragraphLabel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "paragraphSortKey" INTEGER NOT NULL DEFAULT 0;

-- Existing allegations: the label is the number, the sort key the number's thousandfold.
UPDATE "Allegation" SET "paragraphLabel" = paragraph::text, "paragraphSortKey" = paragraph * 1000;

-- A writer that knows only the number (the ledger's form, the demo seed, raw inserts in benches)
-- leaves the label empty; the label and sort key follow the number. An update that changes the
-- number but not the label carries a number-only label along.
CREATE FUNCTION allegation_paragraph_label() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."paragraphLabel" = '' THEN
      NEW."paragraphLabel" := NEW.paragraph::text;
      NEW."paragraphSortKey" := NEW.paragraph * 1000;
    END IF;
  ELSIF NEW.paragraph IS DISTINCT FROM OLD.paragraph
        AND NEW."paragraphLabel" = OLD."paragraphLabel"
        AND OLD."paragraphLabel" = OLD.paragraph::text THEN
    NEW."paragraphLabel" := NEW.paragraph::text;
    NEW."paragraphSortKey" := NEW.paragraph * 1000;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER allegation_paragraph_label BEFORE INSERT OR UPDATE ON "Allegation"
  FOR EACH ROW EXECUTE FUNCTION allegation_paragraph_label();

-- CreateTable
CREATE TABLE "ComplaintImport" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "status" "ComplaintImportStatus" NOT NULL DEFAULT 'QUEUED',
    "failureReason" TEXT,
    "pageCount" INTEGER,
    "pageTexts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ComplaintImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintProposal" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,
    "label" TEXT NOT NULL,
    "sortKey" INTEGER NOT NULL,
    "page" INTEGER,
    "line" INTEGER,
    "heading" TEXT,
    "text" TEXT NOT NULL,
    "kind" "AllegationKind" NOT NULL,
    "countNumber" INTEGER,
    "dataTransfer" JSONB,
    "change" "ProposalChange" NOT NULL DEFAULT 'ADDED',
    "matchedAllegationId" UUID,
    "similarity" DOUBLE PRECISION,
    "decision" "ProposalDecision" NOT NULL DEFAULT 'PENDING',
    "allegationId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ComplaintProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplaintImport_matterId_createdAt_idx" ON "ComplaintImport"("matterId", "createdAt");

-- CreateIndex
CREATE INDEX "ComplaintProposal_importId_position_idx" ON "ComplaintProposal"("importId", "position");

-- CreateIndex
CREATE INDEX "Allegation_matterId_paragraphSortKey_idx" ON "Allegation"("matterId", "paragraphSortKey");

-- CreateIndex
CREATE UNIQUE INDEX "Allegation_matterId_paragraphLabel_key" ON "Allegation"("matterId", "paragraphLabel");

-- AddForeignKey
ALTER TABLE "ComplaintImport" ADD CONSTRAINT "ComplaintImport_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintImport" ADD CONSTRAINT "ComplaintImport_exhibitId_fkey" FOREIGN KEY ("exhibitId") REFERENCES "Exhibit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintImport" ADD CONSTRAINT "ComplaintImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintProposal" ADD CONSTRAINT "ComplaintProposal_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ComplaintImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintProposal" ADD CONSTRAINT "ComplaintProposal_allegationId_fkey" FOREIGN KEY ("allegationId") REFERENCES "Allegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintProposal" ADD CONSTRAINT "ComplaintProposal_matchedAllegationId_fkey" FOREIGN KEY ("matchedAllegationId") REFERENCES "Allegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintProposal" ADD CONSTRAINT "ComplaintProposal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
