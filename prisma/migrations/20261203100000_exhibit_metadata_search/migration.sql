-- Exhibit search matches the words of an exhibit's title and description (search-exhibits.ts).
-- Without an index it computed that tsvector for every exhibit of the matter on every search:
-- ~240 ms for each search of a matter of 100,000 exhibits. The expression is the query's own,
-- character for character, so the planner uses this index for it.
CREATE INDEX "Exhibit_matterId_metadata_tsv_idx" ON "Exhibit" USING GIN ("matterId" uuid_ops, to_tsvector('english'::regconfig, title || ' ' || COALESCE(description, '')));
