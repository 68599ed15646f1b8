-- Support status is derived, never typed in (DESIGN.md). This view is the ONE place the rule is
-- written; the ledger, the coverage dashboard, the gap report and the allegation page read it
-- (through lib/server/ledger/support-status.ts). The rule:
--   SUPPORTED     at least one active SUPPORTS link from a non-privileged exhibit (privilege NONE),
--                 and no WEAK flag
--   PARTIAL       support exists but is only privileged, or the allegation is flagged WEAK
--                 (a WEAK flag downgrades usable support until a person clears the flag)
--   CONTRADICTED  active CONTRADICTS links and no SUPPORTS link at all
--   UNSUPPORTED   everything else
-- Removed links (removedAt set) never count; CONTEXT links never change the status.
-- The link aggregate is joined on (allegationId, matterId) so a filter on the allegation's matter
-- reaches the aggregate too and only that matter's links are read.
CREATE VIEW "AllegationSupport" AS
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
  END AS status
FROM "Allegation" a
LEFT JOIN (
  SELECT el."allegationId", el."matterId",
    count(*) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege = 'NONE') AS "supportsOpen",
    count(*) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege <> 'NONE') AS "supportsPrivileged",
    count(*) FILTER (WHERE el.relation = 'CONTRADICTS') AS contradicts,
    count(*) FILTER (WHERE el.relation = 'CONTEXT') AS context
  FROM "EvidenceLink" el
  JOIN "Exhibit" x ON x.id = el."exhibitId"
  WHERE el."removedAt" IS NULL
  GROUP BY el."allegationId", el."matterId"
) l ON l."allegationId" = a.id AND l."matterId" = a."matterId";
