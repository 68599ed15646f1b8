-- AlterTable
ALTER TABLE "Exhibit" ADD COLUMN     "author" TEXT,
ADD COLUMN     "detectedType" TEXT,
ADD COLUMN     "documentDate" TIMESTAMPTZ(3),
ADD COLUMN     "recipients" TEXT;

-- Full-text search: the tsvector is derived by PostgreSQL from the page text, never written by the app.
ALTER TABLE "ExhibitPage" ADD COLUMN "terms" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ExhibitPage" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text" || ' ' || "terms")) STORED;
CREATE INDEX "ExhibitPage_tsv_idx" ON "ExhibitPage" USING GIN ("tsv");

-- CreateTable
CREATE TABLE "Production" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "batesPrefix" TEXT NOT NULL,
    "batesStart" INTEGER NOT NULL,
    "batesEnd" INTEGER NOT NULL,
    "privilegeOverrideReason" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Production_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductionItem" (
    "productionId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "batesStart" INTEGER NOT NULL,
    "batesEnd" INTEGER NOT NULL,
    "originalSha256" CHAR(64) NOT NULL,
    "stampedSha256" CHAR(64),

    CONSTRAINT "ProductionItem_pkey" PRIMARY KEY ("productionId","exhibitId")
);

-- CreateIndex
CREATE INDEX "Production_matterId_idx" ON "Production"("matterId");

-- CreateIndex
CREATE UNIQUE INDEX "Production_id_matterId_key" ON "Production"("id", "matterId");

-- CreateIndex
CREATE INDEX "ProductionItem_exhibitId_idx" ON "ProductionItem"("exhibitId");

-- AddForeignKey
ALTER TABLE "Production" ADD CONSTRAINT "Production_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Production" ADD CONSTRAINT "Production_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionItem" ADD CONSTRAINT "ProductionItem_productionId_matterId_fkey" FOREIGN KEY ("productionId", "matterId") REFERENCES "Production"("id", "matterId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionItem" ADD CONSTRAINT "ProductionItem_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionItem" ADD CONSTRAINT "ProductionItem_stampedSha256_fkey" FOREIGN KEY ("stampedSha256") REFERENCES "Blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Bates ranges are well-formed by construction.
ALTER TABLE "Production" ADD CONSTRAINT "Production_bates_range" CHECK ("batesStart" >= 1 AND "batesEnd" >= "batesStart");
ALTER TABLE "ProductionItem" ADD CONSTRAINT "ProductionItem_bates_range" CHECK ("batesStart" >= 1 AND "batesEnd" >= "batesStart");
