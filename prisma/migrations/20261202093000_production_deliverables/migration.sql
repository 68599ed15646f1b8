-- Production deliverables (DAT/OPT/TEXT/natives with slip sheets) and the production log.
-- CreateEnum
CREATE TYPE "ProducedAs" AS ENUM ('PDF', 'RENDERED', 'NATIVE');

-- AlterTable
ALTER TABLE "Production" ADD COLUMN     "auditEventId" BIGINT,
ADD COLUMN     "fre502dOrder" TEXT,
ADD COLUMN     "packagedAt" TIMESTAMPTZ(3),
ADD COLUMN     "producedTo" TEXT,
ADD COLUMN     "protectiveOrder" TEXT,
ADD COLUMN     "volume" TEXT,
ADD COLUMN     "zipMd5" CHAR(32),
ADD COLUMN     "zipSha256" CHAR(64);

-- AlterTable
ALTER TABLE "ProductionItem" ADD COLUMN     "confidentiality" "Confidentiality",
ADD COLUMN     "privilege" "Privilege",
ADD COLUMN     "producedAs" "ProducedAs";

-- AddForeignKey
ALTER TABLE "Production" ADD CONSTRAINT "Production_zipSha256_fkey" FOREIGN KEY ("zipSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;


