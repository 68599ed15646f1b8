import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZExhibitFilters } from "@/lib/schemas/exhibit";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { filterSql } from "@/lib/server/exhibits/exhibit-filters";

export type ExhibitRow = {
  id: string;
  prefix: string;
  number: number;
  title: string;
  kind: string;
  originalFilename: string;
  size: bigint;
  confidentiality: string;
  privilege: string;
  extractionStatus: string;
  extractionError: string | null;
  batesStart: number | null;
  batesEnd: number | null;
  pageCount: number | null;
  createdAt: Date;
  linkCount: number;
};

// The Exhibits page reads the first 2,000; the JSON API reads a page at a time after an exhibit
// number (keyset), and for a search only the exhibits it found (`ids`).
export type ExhibitListWindow = { afterNumber?: number; limit?: number; ids?: readonly string[] };

export async function listExhibits(actor: Actor, matterId: string, input: unknown = {}, window: ExhibitListWindow = {}) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const filters = parseInput(ZExhibitFilters, input);
  const where = [filterSql(matterId, filters)];
  if (window.afterNumber !== undefined) where.push(Prisma.sql`e.number > ${window.afterNumber}`);
  if (window.ids) where.push(window.ids.length ? Prisma.sql`e.id IN (${Prisma.join(window.ids.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`false`);
  const [rows, matter] = await Promise.all([
    db.$queryRaw<ExhibitRow[]>`
      SELECT e.id, e.prefix, e.number, e.title, e.kind::text, e."originalFilename", b.size, e.confidentiality::text,
             e.privilege::text, e."extractionStatus"::text, e."extractionError", e."batesStart", e."batesEnd", e."pageCount",
             e."createdAt",
             (SELECT count(*)::int FROM "EvidenceLink" l WHERE l."exhibitId" = e.id AND l."removedAt" IS NULL) AS "linkCount"
      FROM "Exhibit" e JOIN "Blob" b ON b.sha256 = e."blobSha256"
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY e.number
      LIMIT ${window.limit ?? 2000}`,
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { batesPrefix: true } }),
  ]);
  return { rows, access, batesPrefix: matter.batesPrefix };
}
