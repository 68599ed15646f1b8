-- CreateTable
CREATE TABLE "Tag" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExhibitTag" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "exhibitId" UUID NOT NULL,
    "page" INTEGER NOT NULL DEFAULT 0,
    "countId" UUID,
    "elementId" UUID,
    "tagId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExhibitTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tag_matterId_nameKey_key" ON "Tag"("matterId", "nameKey");

-- CreateIndex
CREATE INDEX "ExhibitTag_countId_idx" ON "ExhibitTag"("countId");

-- CreateIndex
CREATE INDEX "ExhibitTag_elementId_idx" ON "ExhibitTag"("elementId");

-- CreateIndex
CREATE INDEX "ExhibitTag_tagId_idx" ON "ExhibitTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "ExhibitTag_exhibitId_page_countId_key" ON "ExhibitTag"("exhibitId", "page", "countId");

-- CreateIndex
CREATE UNIQUE INDEX "ExhibitTag_exhibitId_page_elementId_key" ON "ExhibitTag"("exhibitId", "page", "elementId");

-- CreateIndex
CREATE UNIQUE INDEX "ExhibitTag_exhibitId_page_tagId_key" ON "ExhibitTag"("exhibitId", "page", "tagId");

-- CreateIndex
CREATE INDEX "SavedSearch_matterId_idx" ON "SavedSearch"("matterId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_matterId_ownerId_nameKey_key" ON "SavedSearch"("matterId", "ownerId", "nameKey");

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_exhibitId_matterId_fkey" FOREIGN KEY ("exhibitId", "matterId") REFERENCES "Exhibit"("id", "matterId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_countId_fkey" FOREIGN KEY ("countId") REFERENCES "Count"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_elementId_fkey" FOREIGN KEY ("elementId") REFERENCES "Element"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_matterId_fkey" FOREIGN KEY ("matterId") REFERENCES "Matter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Exactly one issue per row: a count, an element or a free tag; page 0 is the whole exhibit.
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_one_issue" CHECK (num_nonnulls("countId", "elementId", "tagId") = 1);
ALTER TABLE "ExhibitTag" ADD CONSTRAINT "ExhibitTag_page_check" CHECK ("page" >= 0);
