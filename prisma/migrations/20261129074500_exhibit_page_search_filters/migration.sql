-- Search finds its candidate pages in one GIN index over the page's matter, search filters and
-- tsvector, instead of visiting "Exhibit" for every page that matches the words. btree_gin gives
-- GIN its operator classes for uuid and enum columns (a trusted extension: no superuser needed).
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- The copies are filled from the exhibit before they become NOT NULL, so existing pages keep working.
ALTER TABLE "ExhibitPage" ADD COLUMN "matterId" UUID,
ADD COLUMN "kind" "ExhibitKind",
ADD COLUMN "confidentiality" "Confidentiality",
ADD COLUMN "privilege" "Privilege";

UPDATE "ExhibitPage" p
SET "matterId" = e."matterId", "kind" = e."kind", "confidentiality" = e."confidentiality", "privilege" = e."privilege"
FROM "Exhibit" e
WHERE e."id" = p."exhibitId";

ALTER TABLE "ExhibitPage" ALTER COLUMN "matterId" SET NOT NULL,
ALTER COLUMN "kind" SET NOT NULL,
ALTER COLUMN "confidentiality" SET NOT NULL,
ALTER COLUMN "privilege" SET NOT NULL;

-- The foreign key covers the copies, so PostgreSQL refuses a page whose copies disagree with its
-- exhibit and cascades every re-designation or kind change to the exhibit's pages.
CREATE UNIQUE INDEX "Exhibit_id_matterId_kind_confidentiality_privilege_key" ON "Exhibit"("id", "matterId", "kind", "confidentiality", "privilege");

ALTER TABLE "ExhibitPage" DROP CONSTRAINT "ExhibitPage_exhibitId_fkey";

ALTER TABLE "ExhibitPage" ADD CONSTRAINT "ExhibitPage_exhibitId_matterId_kind_confidentiality_privil_fkey" FOREIGN KEY ("exhibitId", "matterId", "kind", "confidentiality", "privilege") REFERENCES "Exhibit"("id", "matterId", "kind", "confidentiality", "privilege") ON DELETE CASCADE ON UPDATE CASCADE;

-- Replaces the tsvector-only index: every search is scoped to one matter.
DROP INDEX "ExhibitPage_tsv_idx";

CREATE INDEX "ExhibitPage_matterId_kind_confidentiality_privilege_tsv_idx" ON "ExhibitPage" USING GIN ("matterId" uuid_ops, "kind" enum_ops, "confidentiality" enum_ops, "privilege" enum_ops, "tsv");
