-- An amended complaint drops ¶s: the allegation is withdrawn (kept with its links and history,
-- out of the ledger's listings), and its label is free for a new ¶ — so the label is unique only
-- among live allegations.

-- AlterTable
ALTER TABLE "Allegation" ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID,
ADD COLUMN     "withdrawnByImportId" UUID;

-- DropIndex
DROP INDEX "Allegation_matterId_paragraphLabel_key";

-- CreateIndex
CREATE UNIQUE INDEX "Allegation_matterId_paragraphLabel_key" ON "Allegation"("matterId", "paragraphLabel") WHERE ("withdrawnAt" IS NULL);

-- AddForeignKey
ALTER TABLE "Allegation" ADD CONSTRAINT "Allegation_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allegation" ADD CONSTRAINT "Allegation_withdrawnByImportId_fkey" FOREIGN KEY ("withdrawnByImportId") REFERENCES "ComplaintImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The support view says whether an allegation is withdrawn, so the counts read from it alone
-- (coverage, dashboard) can leave withdrawn ones out. Same columns and rule; one column appended.
CREATE OR REPLACE VIEW "AllegationSupport" AS
SELECT
  a.id AS "allegationId",
  a."matterId",
  COALESCE(l."supportsOpen", 0)::int AS "supportsOpen",
  COALESCE(l."supportsPrivileged", 0)::int AS "supportsPrivileged",
  COALESCE(l.contradicts, 0)::int AS contradicts,
  COALESCE(l.context, 0)::int AS context,
  (a."flagSeverity" IS NOT DISTINCT FROM 'WEAK') AS weak,
  CASE
    WHEN COALESCE(l."supportsOpen", 0) > 0 AND a."flagSeverity" IS DISTINCT FROM 'WEAK' THEN 'SUPPORTED'
    WHEN COALESCE(l."supportsOpen", 0) > 0 OR COALESCE(l."supportsPrivileged", 0) > 0 THEN 'PARTIAL'
    WHEN COALESCE(l.contradicts, 0) > 0 THEN 'CONTRADICTED'
    ELSE 'UNSUPPORTED'
  END AS status,
  (a."flagSeverity" IS NOT NULL) AS flagged,
  a."paragraphSortKey",
  (a."withdrawnAt" IS NOT NULL) AS withdrawn
FROM "Allegation" a
LEFT JOIN "AllegationLinkCount" l ON l."allegationId" = a.id AND l."matterId" = a."matterId";
