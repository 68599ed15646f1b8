import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { Privilege } from "@/lib/generated/prisma/enums";
import type { TExhibitFilters } from "@/lib/schemas/exhibit";

// "Privileged" is every privilege but NONE, listed rather than written `<> 'NONE'`: the search's
// GIN index can answer `= ANY(…)` but not `<>`, which would leave it to discard pages one by one.
const PRIVILEGED = Object.values(Privilege).filter((p) => p !== Privilege.NONE);

// The list and the search share these filters. The matter, kind and designation are read from
// the alias given: "Exhibit" e for the list, "ExhibitPage" p for the search (the page's copies,
// kept equal to the exhibit's by their foreign key), so one definition serves both.
function copiedColumnsSql(t: Prisma.Sql, matterId: string, f: TExhibitFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [Prisma.sql`${t}."matterId" = ${matterId}::uuid`];
  if (f.kind) parts.push(Prisma.sql`${t}.kind = ${f.kind}::"ExhibitKind"`);
  if (f.designation === "PRIVILEGED") parts.push(Prisma.sql`${t}.privilege = ANY(${PRIVILEGED}::"Privilege"[])`);
  else if (f.designation === "NOT_PRIVILEGED") parts.push(Prisma.sql`${t}.privilege = 'NONE'`);
  else if (f.designation) parts.push(Prisma.sql`${t}.confidentiality = ${f.designation}::"Confidentiality"`);
  return parts;
}

// Dates and links live on "Exhibit" e only.
function exhibitOnlySql(f: TExhibitFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.from) parts.push(Prisma.sql`COALESCE(e."documentDate", e."obtainedAt", e."createdAt") >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`COALESCE(e."documentDate", e."obtainedAt", e."createdAt") < (${f.to}::date + 1)`);
  const linked = Prisma.sql`EXISTS (SELECT 1 FROM "EvidenceLink" l WHERE l."exhibitId" = e.id AND l."removedAt" IS NULL)`;
  if (f.link === "linked") parts.push(linked);
  if (f.link === "unlinked") parts.push(Prisma.sql`NOT ${linked}`);
  if (f.tag) parts.push(issueSql(f.tag));
  return parts;
}

// An exhibit bearing an issue on itself or on any page; a count also matches its elements' tags.
function issueSql(ref: string): Prisma.Sql {
  const [kind, id] = ref.split(":") as ["count" | "element" | "tag", string];
  const match =
    kind === "tag"
      ? Prisma.sql`t."tagId" = ${id}::uuid`
      : kind === "element"
        ? Prisma.sql`t."elementId" = ${id}::uuid`
        : Prisma.sql`(t."countId" = ${id}::uuid OR t."elementId" IN (SELECT el.id FROM "Element" el WHERE el."countId" = ${id}::uuid))`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ExhibitTag" t WHERE t."exhibitId" = e.id AND ${match})`;
}

// WHERE clause over "Exhibit" e.
export function filterSql(matterId: string, f: TExhibitFilters): Prisma.Sql {
  return Prisma.join([...copiedColumnsSql(Prisma.raw("e"), matterId, f), ...exhibitOnlySql(f)], " AND ");
}

// WHERE clause over "ExhibitPage" p: the exhibit is visited only when a date or link filter needs it.
export function pageFilterSql(matterId: string, f: TExhibitFilters): Prisma.Sql {
  const parts = copiedColumnsSql(Prisma.raw("p"), matterId, f);
  const rest = exhibitOnlySql(f);
  if (rest.length > 0) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Exhibit" e WHERE e.id = p."exhibitId" AND ${Prisma.join(rest, " AND ")})`);
  return Prisma.join(parts, " AND ");
}
