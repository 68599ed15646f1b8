-- The gap report a page at a time (issue 12, the ledger at 10×). A gap is an allegation whose
-- status is not SUPPORTED or that a person flagged. With the flag and the complaint-order key in
-- the view, the report's queries read the view alone: the page walks the (matterId,
-- paragraphSortKey) index of "Allegation" under the view and stops at its LIMIT, and the totals
-- count one narrow join, instead of joining "Allegation" a second time for each row.
-- Appended columns only; the rule (the CASE) is unchanged and still written once.
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
  a."paragraphSortKey"
FROM "Allegation" a
LEFT JOIN "AllegationLinkCount" l ON l."allegationId" = a.id AND l."matterId" = a."matterId";
