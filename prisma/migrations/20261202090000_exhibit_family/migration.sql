-- Families: an e-mail exhibit's attachments become child exhibits pointing at it.
ALTER TABLE "Exhibit" ADD COLUMN "parentExhibitId" UUID;
ALTER TABLE "Exhibit" ADD CONSTRAINT "Exhibit_parentExhibitId_fkey" FOREIGN KEY ("parentExhibitId") REFERENCES "Exhibit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Exhibit_parentExhibitId_idx" ON "Exhibit"("parentExhibitId");
