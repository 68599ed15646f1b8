import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TExhibitFilters } from "@/lib/schemas/exhibit";

// The list and the search share one WHERE clause over "Exhibit" e.
export function filterSql(matterId: string, f: TExhibitFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e."matterId" = ${matterId}::uuid`];
  if (f.kind) parts.push(Prisma.sql`e.kind = ${f.kind}::"ExhibitKind"`);
  if (f.designation === "PRIVILEGED") parts.push(Prisma.sql`e.privilege <> 'NONE'`);
  else if (f.designation === "NOT_PRIVILEGED") parts.push(Prisma.sql`e.privilege = 'NONE'`);
  else if (f.designation) parts.push(Prisma.sql`e.confidentiality = ${f.designation}::"Confidentiality"`);
  if (f.from) parts.push(Prisma.sql`COALESCE(e."documentDate", e."obtainedAt", e."createdAt") >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`COALESCE(e."documentDate", e."obtainedAt", e."createdAt") < (${f.to}::date + 1)`);
  const linked = Prisma.sql`EXISTS (SELECT 1 FROM "EvidenceLink" l WHERE l."exhibitId" = e.id AND l."removedAt" IS NULL)`;
  if (f.link === "linked") parts.push(linked);
  if (f.link === "unlinked") parts.push(Prisma.sql`NOT ${linked}`);
  return Prisma.join(parts, " AND ");
}
