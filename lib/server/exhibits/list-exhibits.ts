import "server-only";
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

export async function listExhibits(actor: Actor, matterId: string, input: unknown = {}) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const filters = parseInput(ZExhibitFilters, input);
  const [rows, matter] = await Promise.all([
    db.$queryRaw<ExhibitRow[]>`
      SELECT e.id, e.prefix, e.number, e.title, e.kind::text, e."originalFilename", b.size, e.confidentiality::text,
             e.privilege::text, e."extractionStatus"::text, e."extractionError", e."batesStart", e."batesEnd", e."pageCount",
             e."createdAt",
             (SELECT count(*)::int FROM "EvidenceLink" l WHERE l."exhibitId" = e.id AND l."removedAt" IS NULL) AS "linkCount"
      FROM "Exhibit" e JOIN "Blob" b ON b.sha256 = e."blobSha256"
      WHERE ${filterSql(matterId, filters)}
      ORDER BY e.number
      LIMIT 2000`,
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { batesPrefix: true } }),
  ]);
  return { rows, access, batesPrefix: matter.batesPrefix };
}
