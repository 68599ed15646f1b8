import type { Metadata } from "next";
import Link from "next/link";
import { DataFlowGraph, type GraphEvidence } from "@/components/network/data-flow-graph";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DETECTED_CATEGORIES, DETECTED_CATEGORY_LABELS, describeDetectedCategories as categoryList } from "@/lib/analyzer/categories";
import { isAppError } from "@/lib/app-error";
import { ZDataFlowFilters } from "@/lib/schemas/network";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { getDataFlowGraph } from "@/lib/server/network/get-data-flow-graph";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Data flows" };

// Request times are evidence read out of the capture, cited to the second: in UTC whoever reads them,
// so the time on one lawyer's screen is the time in another's notes and in the HAR file.
function utc(d: Date) {
  return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export default async function DataFlowsPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterId } = await params;
  const filters = parseSearchParams(ZDataFlowFilters, await searchParams);
  const actor = await pageActor();
  const load = async () => {
    try {
      return { graph: await getDataFlowGraph(actor, matterId, filters), filterError: null };
    } catch (error) {
      // A period typed backwards: show everything and say why.
      if (isAppError(error) && error.code === "VALIDATION") {
        return { graph: await getDataFlowGraph(actor, matterId, {}), filterError: Object.values(error.fieldErrors).flat().join(" ") };
      }
      throw error;
    }
  };
  const { graph, filterError } = await loadOr404(load);
  const base = `/matters/${matterId}/data-flows`;
  const applied = graph.filters;
  const hrefWith = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries({ ...applied, ...extra }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
    return `${base}?${q}#observations`;
  };
  const hosts = [...new Set(graph.nodes.filter((n) => n.kind === "host").map((n) => n.label))];
  const hostHref = Object.fromEntries(hosts.map((h) => [h, hrefWith({ host: h })]));
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const nodeLabel = (id: string) => labels.get(id) ?? id.split(":").slice(1).join(":");
  const sdkNodes = graph.nodes.filter((n) => n.kind === "sdk" && n.sdk);
  const apkHref = (exhibitId: string) => `/matters/${matterId}/exhibits/${exhibitId}#apk-analysis`;
  const kbHref = `/matters/${matterId}/data-flows/knowledge-base`;
  // What each SDK node and SDK edge rests on: the package's analysis, and for an inference the KB fact.
  const evidence: GraphEvidence = {};
  for (const n of sdkNodes) evidence[n.id] = [{ label: `analysis of ${n.sdk!.exhibitLabel} (APK SHA-256 ${n.sdk!.apkSha256.slice(0, 12)}…)`, href: apkHref(n.sdk!.exhibitId) }];
  for (const e of graph.edges) {
    if (!e.sdk) continue;
    evidence[e.id] = [{ label: `analysis of ${e.sdk.exhibitLabel}`, href: apkHref(e.sdk.exhibitId) }];
    if (e.inference) evidence[e.id]!.push({ label: `KB fact ${e.inference.kbDomain ?? ""} → ${e.inference.hostOrganisation}`, href: kbHref });
  }
  const captureTitle = applied.exhibitId ? graph.captures.find((c) => c.id === applied.exhibitId)?.label : "all captures";
  const title = `Data flows — ${captureTitle ?? "one capture"}${applied.category ? `, ${DETECTED_CATEGORY_LABELS[applied.category]}` : ""}${applied.from || applied.to ? `, ${applied.from ?? "…"} to ${applied.to ?? "…"}` : ""} (${graph.totalObservations} requests)`;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Data flows"
        description="Where the app's requests went, from each network capture's newest analysis: app → host → organisation → country, with the SDKs found in the matter's app packages. Edge weight is the number of requests; labels name the data detected in them."
        actions={
          <Button asChild variant="outline">
            <Link href={`/matters/${matterId}/data-flows/knowledge-base`}>Knowledge base for this matter</Link>
          </Button>
        }
      />

      <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filter the data flows" data-print="hide">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Capture</span>
          <Select name="exhibitId" defaultValue={applied.exhibitId ?? ""}>
            <option value="">All captures</option>
            {graph.captures.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Data category</span>
          <Select name="category" defaultValue={applied.category ?? ""}>
            <option value="">Any data</option>
            {DETECTED_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {DETECTED_CATEGORY_LABELS[c]}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Requests from (UTC)</span>
          <Input type="date" name="from" defaultValue={applied.from} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">to</span>
          <Input type="date" name="to" defaultValue={applied.to} />
        </label>
        <Button type="submit" size="sm">
          Apply
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href={base}>Clear</Link>
        </Button>
      </form>

      {filterError && (
        <Alert variant="destructive" className="mb-4">
          <AlertDescription>Filter not applied: {filterError}</AlertDescription>
        </Alert>
      )}

      {graph.edges.length === 0 ? (
        <EmptyState title="No data flows" description="No analysed network capture has requests matching these filters. Upload a HAR capture on the Exhibits page; its analysis runs in the background." />
      ) : (
        <>
          <DataFlowGraph nodes={graph.nodes} edges={graph.edges} title={title} hostHref={hostHref} evidence={evidence} />
          <p className="mt-2 text-xs text-muted-foreground">
            A country marked “IP block registration” comes from the server address’s registration record, because the knowledge base names no organisation country for that host.
            {sdkNodes.length > 0 &&
              " SDKs are code present in an app package — not proof that it ran; a dashed SDK → host edge is inferred from the knowledge base (the host’s organisation is the SDK’s), not a request traced to the SDK."}
          </p>

          {sdkNodes.length > 0 && (
            <section className="mt-8" aria-labelledby="sdks-heading">
              <h2 id="sdks-heading" className="mb-2 text-lg font-semibold">
                SDKs in the app packages
              </h2>
              <p className="mb-2 text-sm text-muted-foreground">Code present in the package — not proof that it ran. Only captures show transmission.</p>
              <Table data-testid="data-flow-sdks">
                <TableHeader>
                  <TableRow>
                    <TableHead>Organisation</TableHead>
                    <TableHead>SDK</TableHead>
                    <TableHead className="text-right">Classes</TableHead>
                    <TableHead>App package</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {sdkNodes.map((n) => (
                    <TableRow key={n.id}>
                      <TableCell className="text-sm">{n.sdk!.organisation}</TableCell>
                      <TableCell className="text-sm">
                        {n.sdk!.sdk} <Mono>{n.sdk!.prefix}</Mono>
                      </TableCell>
                      <TableCell className="text-right">
                        <Mono>{n.sdk!.classCount}</Mono>
                      </TableCell>
                      <TableCell className="text-sm">
                        <Link className="underline" href={apkHref(n.sdk!.exhibitId)}>
                          <Mono>{n.sdk!.exhibitLabel}</Mono>
                        </Link>
                        {n.sdk!.package && <> · {n.sdk!.package}</>} · SHA-256 <Mono className="break-all">{n.sdk!.apkSha256}</Mono>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}

          <section className="mt-8" aria-labelledby="flows-heading">
            <h2 id="flows-heading" className="mb-2 text-lg font-semibold">
              Flows
            </h2>
            <Table data-testid="data-flow-edges">
              <TableHeader>
                <TableRow>
                  <TableHead>From</TableHead>
                  <TableHead>To</TableHead>
                  <TableHead className="text-right">Requests</TableHead>
                  <TableHead>Data detected</TableHead>
                  <TableHead>Observations</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {graph.edges.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="text-sm">{nodeLabel(e.source)}</TableCell>
                    <TableCell className="text-sm">{nodeLabel(e.target)}</TableCell>
                    <TableCell className="text-right">{e.kind === "embeds" ? "—" : <Mono>{e.observations}</Mono>}</TableCell>
                    <TableCell className="text-sm">{e.kind === "embeds" ? "—" : categoryList(e.categories)}</TableCell>
                    <TableCell className="text-sm">
                      {e.sdk && (
                        <>
                          {e.kind === "embeds" ? "code in " : `${e.inference?.basis ?? "inferred"} (${e.inference?.sdkOrganisation} / ${e.inference?.hostOrganisation}${e.inference?.namedInCode ? "; host also written in the package's code" : ""}; source: ${e.inference?.source ?? `the capture analysis's KB, fact for ${e.inference?.kbDomain ?? "the host"}`}) — `}
                          <Link className="underline" href={apkHref(e.sdk.exhibitId)}>
                            {e.sdk.exhibitLabel}
                          </Link>
                          {e.hosts.length > 0 && "; requests to "}
                        </>
                      )}
                      {e.hosts.map((h, i) => (
                        <span key={h}>
                          {i > 0 && ", "}
                          <Link className="underline" href={hostHref[h]!}>
                            {h}
                          </Link>
                        </span>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        </>
      )}

      {applied.host && (
        <section className="mt-8" id="observations" aria-labelledby="observations-heading">
          <h2 id="observations-heading" className="mb-2 text-lg font-semibold">
            Requests to <Mono>{applied.host}</Mono>
          </h2>
          {graph.observations.length === graph.observationLimit && (
            <p className="mb-2 text-sm text-muted-foreground">The first {graph.observationLimit} are listed; narrow the period or capture to see others.</p>
          )}
          <Table data-testid="data-flow-observations">
            <TableHeader>
              <TableRow>
                <TableHead>Exhibit, entry</TableHead>
                <TableHead>Time</TableHead>
                <TableHead>Request</TableHead>
                <TableHead>Organisation</TableHead>
                <TableHead>Data detected</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {graph.observations.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>
                    <Link className="underline" href={`/matters/${matterId}/exhibits/${o.exhibitId}#entry-${o.entryIndex}`}>
                      <Mono>{o.exhibitLabel}</Mono>, entry <Mono>{o.entryIndex}</Mono>
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">{utc(o.startedAt)}</TableCell>
                  <TableCell className="max-w-md truncate text-sm" title={o.url}>
                    <Mono>{o.method}</Mono> {o.url}
                  </TableCell>
                  <TableCell className="text-sm">
                    {o.organisation ?? "—"}
                    {o.country && ` (${o.country})`}
                  </TableCell>
                  <TableCell className="text-sm">{categoryList(o.dataCategories)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </div>
  );
}
