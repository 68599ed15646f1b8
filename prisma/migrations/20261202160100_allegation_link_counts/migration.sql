-- The ledger at 10×: the support status view counted every active link of the matter on each read
-- (500,000 links → seconds). The counts per allegation are now kept in "AllegationLinkCount",
-- recounted by statement-level triggers whenever links change or an exhibit's privilege changes,
-- and the view reads them. The rule itself (the CASE below) is unchanged and still written once.
--
-- Recounting (not adding deltas) keeps the counts equal to what the old aggregate would say. A
-- transaction-scoped advisory lock per matter orders concurrent recounts: each recount statement
-- takes a fresh snapshot after the lock (READ COMMITTED), so it sees the link or privilege change
-- that the previous holder committed.
CREATE TABLE "AllegationLinkCount" (
    "allegationId" UUID NOT NULL,
    "matterId" UUID NOT NULL,
    "supportsOpen" INTEGER NOT NULL DEFAULT 0,
    "supportsPrivileged" INTEGER NOT NULL DEFAULT 0,
    "contradicts" INTEGER NOT NULL DEFAULT 0,
    "context" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AllegationLinkCount_pkey" PRIMARY KEY ("allegationId")
);

CREATE INDEX "AllegationLinkCount_matterId_idx" ON "AllegationLinkCount"("matterId");

ALTER TABLE "AllegationLinkCount" ADD CONSTRAINT "AllegationLinkCount_allegationId_matterId_fkey" FOREIGN KEY ("allegationId", "matterId") REFERENCES "Allegation"("id", "matterId") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE OR REPLACE FUNCTION "recount_allegation_links"(ids UUID[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(7352019, hashtext(m::text))
  FROM (SELECT DISTINCT a."matterId" AS m FROM "Allegation" a WHERE a.id = ANY(ids) ORDER BY 1) s;
  DELETE FROM "AllegationLinkCount" WHERE "allegationId" = ANY(ids);
  INSERT INTO "AllegationLinkCount" ("allegationId", "matterId", "supportsOpen", "supportsPrivileged", "contradicts", "context")
  SELECT el."allegationId", el."matterId",
    count(*) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege = 'NONE'),
    count(*) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege <> 'NONE'),
    count(*) FILTER (WHERE el.relation = 'CONTRADICTS'),
    count(*) FILTER (WHERE el.relation = 'CONTEXT')
  FROM "EvidenceLink" el
  JOIN "Exhibit" x ON x.id = el."exhibitId"
  JOIN "Allegation" a ON a.id = el."allegationId" AND a."matterId" = el."matterId"
  WHERE el."allegationId" = ANY(ids) AND el."removedAt" IS NULL
  GROUP BY el."allegationId", el."matterId";
END $$;

CREATE OR REPLACE FUNCTION "evidence_link_counts_ins"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "recount_allegation_links"(ARRAY(SELECT DISTINCT "allegationId" FROM new_rows));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "evidence_link_counts_upd"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "recount_allegation_links"(ARRAY(SELECT "allegationId" FROM old_rows UNION SELECT "allegationId" FROM new_rows));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "evidence_link_counts_del"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "recount_allegation_links"(ARRAY(SELECT DISTINCT "allegationId" FROM old_rows));
  RETURN NULL;
END $$;

-- A privilege change moves an exhibit's SUPPORTS links between usable and privileged support.
CREATE OR REPLACE FUNCTION "exhibit_privilege_link_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "recount_allegation_links"(ARRAY(
    SELECT DISTINCT el."allegationId"
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN "EvidenceLink" el ON el."exhibitId" = n.id
    WHERE o.privilege IS DISTINCT FROM n.privilege));
  RETURN NULL;
END $$;

CREATE TRIGGER "EvidenceLink_counts_ins" AFTER INSERT ON "EvidenceLink" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_link_counts_ins"();
CREATE TRIGGER "EvidenceLink_counts_upd" AFTER UPDATE ON "EvidenceLink" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_link_counts_upd"();
CREATE TRIGGER "EvidenceLink_counts_del" AFTER DELETE ON "EvidenceLink" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "evidence_link_counts_del"();
CREATE TRIGGER "Exhibit_privilege_link_counts" AFTER UPDATE ON "Exhibit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "exhibit_privilege_link_counts"();

-- Existing links counted once.
INSERT INTO "AllegationLinkCount" ("allegationId", "matterId", "supportsOpen", "supportsPrivileged", "contradicts", "context")
SELECT el."allegationId", el."matterId",
  count(*) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege = 'NONE'),
  count(*) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege <> 'NONE'),
  count(*) FILTER (WHERE el.relation = 'CONTRADICTS'),
  count(*) FILTER (WHERE el.relation = 'CONTEXT')
FROM "EvidenceLink" el
JOIN "Exhibit" x ON x.id = el."exhibitId"
JOIN "Allegation" a ON a.id = el."allegationId" AND a."matterId" = el."matterId"
WHERE el."removedAt" IS NULL
GROUP BY el."allegationId", el."matterId";

-- The same columns and rule as before; the counts come from the kept table.
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
  END AS status
FROM "Allegation" a
LEFT JOIN "AllegationLinkCount" l ON l."allegationId" = a.id AND l."matterId" = a."matterId";

GRANT SELECT, INSERT, UPDATE, DELETE ON "AllegationLinkCount" TO proofline_app;
