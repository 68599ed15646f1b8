import "server-only";
import type { DetectedCategory } from "@/lib/analyzer/categories";
import { exhibitLabel } from "@/lib/bates/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZDataFlowFilters } from "@/lib/schemas/network";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

export type FlowNodeKind = "app" | "host" | "organisation" | "country";
export type FlowNode = { id: string; kind: FlowNodeKind; label: string; observations: number; hosts: string[] };
export type FlowEdge = { id: string; source: string; target: string; observations: number; categories: DetectedCategory[]; hosts: string[] };

const OBSERVATION_LIST_LIMIT = 200;

type Group = { app: string; host: string; organisation: string; country: string; countryFromIp: boolean; observations: bigint; categories: DetectedCategory[] | null };

// The matter's network captures as one graph: app → host → organisation (the registrable domain
// when the KB names none) → country. Only each capture's newest finished analysis counts, so a
// re-analysis does not double the weights. Counting is done in SQL, one group per
// (app, host, organisation, country); the edges are those groups summed along each hop.
export async function getDataFlowGraph(actor: Actor, matterId: string, rawFilters: unknown = {}) {
  await requirePermission(actor, matterId, "matter.read");
  const filters = parseInput(ZDataFlowFilters, rawFilters);

  const conditions: Prisma.Sql[] = [Prisma.sql`o."matterId" = ${matterId}::uuid`];
  if (filters.from) conditions.push(Prisma.sql`o."startedAt" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`o."startedAt" < (${filters.to}::date + 1)`);
  if (filters.exhibitId) conditions.push(Prisma.sql`o."exhibitId" = ${filters.exhibitId}::uuid`);
  if (filters.category) conditions.push(Prisma.sql`${filters.category}::"DetectedDataCategory" = ANY(o."dataCategories")`);
  const where = Prisma.join(conditions, " AND ");
  const latest = Prisma.sql`
    SELECT DISTINCT ON (a."exhibitId") a.id, a."appVersion"
    FROM "CaptureAnalysis" a
    WHERE a."matterId" = ${matterId}::uuid AND a.status = 'DONE'
    ORDER BY a."exhibitId", a."createdAt" DESC`;

  const groups = await db.$queryRaw<Group[]>`
    WITH latest AS (${latest})
    SELECT
      CASE WHEN l."appVersion" IS NULL THEN 'App (version not recorded)' ELSE 'App ' || l."appVersion" END AS app,
      o.host,
      COALESCE(o.organisation, o."registrableDomain", o.host) AS organisation,
      COALESCE(o.country, o."serverIpCountry", '??') AS country,
      (o.country IS NULL AND o."serverIpCountry" IS NOT NULL) AS "countryFromIp",
      COUNT(DISTINCT o.id) AS observations,
      ARRAY_AGG(DISTINCT c::text ORDER BY c::text) FILTER (WHERE c IS NOT NULL) AS categories
    FROM "NetworkObservation" o
    JOIN latest l ON l.id = o."analysisId"
    LEFT JOIN LATERAL UNNEST(o."dataCategories") AS c ON TRUE
    WHERE ${where}
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2`;

  const nodes = new Map<string, FlowNode>();
  const edges = new Map<string, FlowEdge>();
  const node = (kind: FlowNodeKind, label: string, count: number, host: string) => {
    const id = `${kind}:${label}`;
    const n = nodes.get(id) ?? { id, kind, label, observations: 0, hosts: [] };
    n.observations += count;
    if (!n.hosts.includes(host)) n.hosts.push(host);
    nodes.set(id, n);
    return id;
  };
  const edge = (source: string, target: string, count: number, categories: DetectedCategory[], host: string) => {
    const id = `${source}->${target}`;
    const e = edges.get(id) ?? { id, source, target, observations: 0, categories: [], hosts: [] };
    e.observations += count;
    for (const c of categories) if (!e.categories.includes(c)) e.categories.push(c);
    if (!e.hosts.includes(host)) e.hosts.push(host);
    edges.set(id, e);
  };
  for (const g of groups) {
    const count = Number(g.observations);
    const categories = g.categories ?? [];
    const countryLabel = g.country === "??" ? "Country unknown" : g.countryFromIp ? `${g.country} (IP block registration)` : g.country;
    const path = [node("app", g.app, count, g.host), node("host", g.host, count, g.host), node("organisation", g.organisation, count, g.host), node("country", countryLabel, count, g.host)];
    for (let i = 1; i < path.length; i++) edge(path[i - 1]!, path[i]!, count, categories, g.host);
  }
  for (const e of edges.values()) e.categories.sort();

  const captures = await db.exhibit.findMany({
    where: { matterId, captureAnalyses: { some: { status: "DONE" } } },
    select: { id: true, prefix: true, number: true, title: true },
    orderBy: { number: "asc" },
  });

  // The observations behind one host (a node or an edge names its hosts), under the same filters.
  const observations = filters.host
    ? await db.$queryRaw<
        { id: string; exhibitId: string; entryIndex: number; startedAt: Date; method: string; url: string; host: string; organisation: string | null; country: string | null; dataCategories: DetectedCategory[]; prefix: string; number: number }[]
      >`
        WITH latest AS (${latest})
        SELECT o.id, o."exhibitId", o."entryIndex", o."startedAt", o.method, o.url, o.host, o.organisation, o.country,
               o."dataCategories"::text[] AS "dataCategories", e.prefix, e.number
        FROM "NetworkObservation" o
        JOIN latest l ON l.id = o."analysisId"
        JOIN "Exhibit" e ON e.id = o."exhibitId"
        WHERE ${where} AND o.host = ${filters.host}
        ORDER BY o."startedAt", o."entryIndex"
        LIMIT ${OBSERVATION_LIST_LIMIT}`
    : [];

  return {
    filters,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    totalObservations: groups.reduce((sum, g) => sum + Number(g.observations), 0),
    captures: captures.map((c) => ({ id: c.id, label: `${exhibitLabel(c.prefix, c.number)} · ${c.title}` })),
    observations: observations.map((o) => ({ ...o, dataCategories: [...o.dataCategories].sort(), exhibitLabel: exhibitLabel(o.prefix, o.number) })),
    observationLimit: OBSERVATION_LIST_LIMIT,
  };
}

export type DataFlowGraph = Awaited<ReturnType<typeof getDataFlowGraph>>;
