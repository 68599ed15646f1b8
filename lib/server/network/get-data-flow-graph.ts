import "server-only";
import type { DetectedCategory } from "@/lib/analyzer/categories";
import { sameOrganisation } from "@/lib/analyzer/kb/same-organisation";
import { exhibitLabel } from "@/lib/bates/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZDataFlowFilters } from "@/lib/schemas/network";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";

export type FlowNodeKind = "app" | "sdk" | "host" | "organisation" | "country";
// An SDK found in an app package: the evidence is that package's analysis (code present in the
// package — not proof that it ran).
export type FlowSdk = {
  prefix: string;
  sdk: string;
  organisation: string;
  classCount: number;
  exampleClasses: string[];
  analysisId: string;
  exhibitId: string;
  exhibitLabel: string;
  apkSha256: string;
  package: string | null;
  versionName: string | null;
};
export type FlowNode = { id: string; kind: FlowNodeKind; label: string; observations: number; hosts: string[]; sdk?: FlowSdk };
// "request": requests seen in captures (weight = observations). "embeds": the app package holds
// the SDK's code (no requests). "inferred": the SDK's organisation is the organisation the KB
// names for a captured host — an inference from the knowledge base, not a request traced to the SDK.
export type FlowEdgeKind = "request" | "embeds" | "inferred";
export type FlowInference = {
  basis: typeof INFERRED_SAME_ORGANISATION;
  sdkOrganisation: string;
  hostOrganisation: string;
  // The KB fact that names the host's organisation: its domain, source and layer.
  kbDomain: string | null;
  source: string | null;
  layer: string | null;
  checkedOn: string | null;
  // The host (or a host below its registrable domain) is also written in the package's code.
  namedInCode: boolean;
};
export type FlowEdge = {
  id: string;
  source: string;
  target: string;
  kind: FlowEdgeKind;
  observations: number;
  categories: DetectedCategory[];
  hosts: string[];
  sdk?: FlowSdk;
  inference?: FlowInference;
};

export const INFERRED_SAME_ORGANISATION = "inferred from KB: same organisation";

const OBSERVATION_LIST_LIMIT = 200;

type Group = {
  app: string;
  host: string;
  organisation: string;
  country: string;
  countryFromIp: boolean;
  kbOrganisation: string | null;
  kbDomain: string | null;
  registrableDomain: string | null;
  observations: bigint;
  categories: DetectedCategory[] | null;
};

// What the network use cases read of an APK analysis's stored findings (lib/analyzer/apk).
type ApkFindingsJson = {
  sha256: string;
  package: string | null;
  versionName: string | null;
  sdks: { prefix: string; organisation: string; sdk: string; classes: string[]; classCount: number }[];
  hosts: { host: string; registrableDomain: string | null }[];
};

const appLabel = (version: string | null) => (version ? `App ${version}` : "App (version not recorded)");

// The matter's network captures as one graph: app → host → organisation (the registrable domain
// when the KB names none) → country. Only each capture's newest finished analysis counts, so a
// re-analysis does not double the weights. Counting is done in SQL, one group per
// (app, host, organisation, country); the edges are those groups summed along each hop.
// The matter's app packages add an SDK layer: app (by the package's version) → each SDK found in
// its code, and SDK → a captured host when the KB names that host's organisation as the SDK's
// (marked "inferred from KB: same organisation", with the KB fact's source). Period, category and
// capture filters narrow the requests; the SDKs, being code in a package, are shown whatever the
// period.
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
      o.organisation AS "kbOrganisation",
      o."kbDomain",
      o."registrableDomain",
      COUNT(DISTINCT o.id) AS observations,
      ARRAY_AGG(DISTINCT c::text ORDER BY c::text) FILTER (WHERE c IS NOT NULL) AS categories
    FROM "NetworkObservation" o
    JOIN latest l ON l.id = o."analysisId"
    LEFT JOIN LATERAL UNNEST(o."dataCategories") AS c ON TRUE
    WHERE ${where}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
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
    const e = edges.get(id) ?? { id, source, target, kind: "request" as const, observations: 0, categories: [], hosts: [] };
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

  // The SDK layer, from each app package's newest finished analysis in this matter.
  const apks = await db.$queryRaw<{ id: string; exhibitId: string; findings: ApkFindingsJson; prefix: string; number: number }[]>`
    SELECT DISTINCT ON (a."exhibitId") a.id, a."exhibitId", a.findings, e.prefix, e.number
    FROM "ApkAnalysis" a
    JOIN "Exhibit" e ON e.id = a."exhibitId" AND e."matterId" = a."matterId"
    WHERE a."matterId" = ${matterId}::uuid AND a.status = 'DONE' AND a.findings IS NOT NULL
    ORDER BY a."exhibitId", a."createdAt" DESC`;
  if (apks.some((a) => a.findings.sdks.length > 0)) {
    const kb = await unsafeLoadKnowledgeBase(matterId);
    // Captured hosts with the organisation their analysis's KB named (what the graph shows).
    const captured = new Map<string, { organisation: string; kbDomain: string | null; registrableDomain: string | null }>();
    for (const g of groups) if (g.kbOrganisation && !captured.has(g.host)) captured.set(g.host, { organisation: g.kbOrganisation, kbDomain: g.kbDomain, registrableDomain: g.registrableDomain });
    for (const apk of apks.sort((a, b) => a.number - b.number)) {
      const findings = apk.findings;
      const appId = `app:${appLabel(findings.versionName)}`;
      if (!nodes.has(appId)) nodes.set(appId, { id: appId, kind: "app", label: appLabel(findings.versionName), observations: 0, hosts: [] });
      const codeHosts = new Set((findings.hosts ?? []).flatMap((h) => [h.host, h.registrableDomain]).filter((h): h is string => !!h));
      for (const found of findings.sdks) {
        const sdk: FlowSdk = {
          prefix: found.prefix,
          sdk: found.sdk,
          organisation: found.organisation,
          classCount: found.classCount,
          exampleClasses: found.classes,
          analysisId: apk.id,
          exhibitId: apk.exhibitId,
          exhibitLabel: exhibitLabel(apk.prefix, apk.number),
          apkSha256: findings.sha256,
          package: findings.package,
          versionName: findings.versionName,
        };
        const sdkId = `sdk:${apk.exhibitId}:${found.prefix}`;
        nodes.set(sdkId, { id: sdkId, kind: "sdk", label: found.sdk, observations: 0, hosts: [], sdk });
        edges.set(`${appId}->${sdkId}`, { id: `${appId}->${sdkId}`, source: appId, target: sdkId, kind: "embeds", observations: 0, categories: [], hosts: [], sdk });
        for (const [host, facts] of captured) {
          if (!sameOrganisation(found.organisation, facts.organisation)) continue;
          const hostId = `host:${host}`;
          const hostNode = nodes.get(hostId)!;
          // The fact's source from the KB in force, when it still names that organisation.
          const current = kb.lookup(host);
          const fact = current && current.organisation === facts.organisation ? current : null;
          const id = `${sdkId}->${hostId}`;
          edges.set(id, {
            id,
            source: sdkId,
            target: hostId,
            kind: "inferred",
            observations: hostNode.observations,
            categories: [...new Set(edgesInto(edges, hostId).flatMap((e) => e.categories))].sort(),
            hosts: [host],
            sdk,
            inference: {
              basis: INFERRED_SAME_ORGANISATION,
              sdkOrganisation: found.organisation,
              hostOrganisation: facts.organisation,
              kbDomain: fact?.domain ?? facts.kbDomain,
              source: fact?.source ?? null,
              layer: fact?.layer ?? null,
              checkedOn: fact?.checkedOn ?? null,
              namedInCode: codeHosts.has(host) || (!!facts.registrableDomain && codeHosts.has(facts.registrableDomain)),
            },
          });
        }
      }
    }
  }

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

// The request edges arriving at a node (what the app sent to that host).
function edgesInto(edges: Map<string, FlowEdge>, target: string): FlowEdge[] {
  return [...edges.values()].filter((e) => e.target === target && e.kind === "request");
}

export type DataFlowGraph = Awaited<ReturnType<typeof getDataFlowGraph>>;
