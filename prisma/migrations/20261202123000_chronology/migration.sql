-- Chronology: dated facts of a matter with their sources (exhibit pin cites, allegations, capture requests).
-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'APPROXIMATE');

-- CreateEnum
CREATE TYPE "ChronologySourceKind" AS ENUM ('EXHIBIT', 'ALLEGATION', 'CAPTURE');

-- CreateTable
CREATE TABLE "ChronologyFact" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "precision" "DatePrecision" NOT NULL,
    "description" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "disputed" BOOLEAN NOT NULL DEFAULT false,
    "disputedBy" TEXT,
    "disputeReason" TEXT,
    "generatedKey" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChronologyFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChronologySource" (
    "id" UUID NOT NULL,
    "factId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "kind" "ChronologySourceKind" NOT NULL,
    "exhibitId" UUID,
    "page" INTEGER,
    "pinCite" TEXT,
    "allegationId" UUID,
    "firstEntry" INTEGER,
    "lastEntry" INTEGER,
    "requestCount" INTEGER,

    CONSTRAINT "ChronologySource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChronologyFactElement" (
    "factId" UUID NOT NULL,
    "elementId" UUID NOT NULL,

    CONSTRAINT "ChronologyFactElement_pkey" PRIMARY KEY ("factId","elementId")
);

-- CreateIndex
CREATE INDEX "ChronologyFact_matterId_startDate_idx" ON "ChronologyFact"("matterId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "ChronologyFact_matterId_generatedKey_key" ON "ChronologyFact"("matterId", "generatedKey");

-- CreateIndex
CREATE UNIQUE INDEX "ChronologyFact_id_matterId_key" ON "ChronologyFact"("id", "matterId");

-- CreateIndex
CREATE INDEX "ChronologySource_factId_idx" ON "ChronologySource"("factId");

-- CreateIndex
CREATE INDEX "ChronologySource_exhibitId_idx" ON "ChronologySource"("exhibitId");

-- CreateIndex
CREATE INDEX "ChronologySource_allegationId_idx" ON "ChronologySource"("allegationId");

-- CreateIndex
CREATE INDEX "ChronologyFactElement_elementId_idx" ON "ChronologyFactElement"("elementId");

-- AddForeignKey
ALTER TABLE "ChronologyFact" ADD CONSTRAINT "ChronologyFact_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChronologySource" ADD CONSTRAINT "ChronologySource_factId_matterId_fkey" FOREIGN KEY ("factId", "matterId") REFERENCES "ChronologyFact"("id", "matterId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChronologySource" ADD CONSTRAINT "ChronologySource_exhibitId_fkey" FOREIGN KEY ("exhibitId") REFERENCES "Exhibit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChronologySource" ADD CONSTRAINT "ChronologySource_allegationId_fkey" FOREIGN KEY ("allegationId") REFERENCES "Allegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChronologyFactElement" ADD CONSTRAINT "ChronologyFactElement_factId_fkey" FOREIGN KEY ("factId") REFERENCES "ChronologyFact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


