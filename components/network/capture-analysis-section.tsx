import Link from "next/link";
import { FilePlus2, Radar } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { DETECTED_CATEGORY_LABELS, type DetectedCategory } from "@/lib/analyzer/categories";
import { DATA_CATEGORY_LABELS, type DataCategoryValue } from "@/lib/schemas/allegation";

type Detection = { part: string; path: string; matched: string; ruleId: string; category: DetectedCategory; mode: "known" | "pattern" };

export type CaptureAnalysisView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  error: string | null;
  inputSha256: string;
  analyzerVersion: string;
  kbVersion: string | null;
  harVersion: string | null;
  creatorName: string | null;
  creatorVersion: string | null;
  firstRequestAt: Date | null;
  lastRequestAt: Date | null;
  timeZones: string[];
  entryCount: number | null;
  observationCount: number | null;
  device: string | null;
  appVersion: string | null;
  capturedBy: string | null;
  testDeviceLabel: string | null;
  compressed: boolean;
  createdAt: Date;
  finishedAt: Date | null;
};

export type ObservationView = {
  id: string;
  entryIndex: number;
  startedAt: Date;
  method: string;
  host: string;
  serverIp: string | null;
  serverIpCountry: string | null;
  organisation: string | null;
  parent: string | null;
  country: string | null;
  status: number | null;
  dataCategories: DetectedCategory[];
  detections: Detection[];
  truncated: boolean;
};

export type SuggestionView = {
  allegationId: string;
  paragraph: number;
  destinationHost: string;
  observationId: string;
  entryIndex: number;
  host: string;
  organisation: string | null;
  overlap: DataCategoryValue[];
  detection: Detection;
  pinCite: string;
  decided: { decision: "ACCEPTED" | "DISMISSED"; reason: string | null } | null;
};

export type PossibleAllegationView = { registrableDomain: string; organisation: string | null; country: string | null; requests: number; dataCategories: DetectedCategory[]; firstSeen: Date; lastSeen: Date };

const STATUS_TEXT: Record<CaptureAnalysisView["status"], string> = { QUEUED: "Waiting to run", RUNNING: "Running", DONE: "Done", FAILED: "Failed" };

// Times inside the capture are evidence, cited to the second: in UTC whoever reads them, so one
// lawyer's screen matches another's notes and the HAR file. When it was analysed is the viewer's.
const utc = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 19)} UTC` : "—");

function Categories({ list }: { list: DetectedCategory[] }) {
  if (list.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {list.map((c) => (
        <Badge key={c} variant="outline">
          {DETECTED_CATEGORY_LABELS[c]}
        </Badge>
      ))}
    </span>
  );
}

function Trace({ d }: { d: Detection }) {
  return (
    <span className="block text-xs">
      <Mono>{d.matched}</Mono> <span className="text-muted-foreground">in {d.part}</span> <Mono>{d.path}</Mono>{" "}
      <span className="text-muted-foreground">
        ({d.mode === "known" ? "test device value" : "pattern"}, rule <Mono>{d.ruleId}</Mono>)
      </span>
    </span>
  );
}

export function CaptureAnalysisSection({
  matterId,
  analyses,
  shown,
  observations,
  total,
  withFindings,
  masked,
  ipCountrySource,
  suggestions,
  possibleAllegations,
  reanalyze,
  suggestionActions,
}: {
  matterId: string;
  analyses: CaptureAnalysisView[];
  shown: CaptureAnalysisView | null;
  observations: ObservationView[];
  total: number;
  withFindings: number;
  masked: boolean;
  ipCountrySource: string | null;
  suggestions: SuggestionView[];
  possibleAllegations: PossibleAllegationView[];
  reanalyze: React.ReactNode;
  suggestionActions: (s: SuggestionView) => React.ReactNode;
}) {
  const latest = analyses[0] ?? null;
  const open = suggestions.filter((s) => !s.decided);
  const decided = suggestions.filter((s) => s.decided);
  const facts: [string, React.ReactNode][] = shown
    ? [
        ["Capture tool", [shown.creatorName, shown.creatorVersion].filter(Boolean).join(" ") || "not stated"],
        ["HAR version", shown.harVersion ?? "not stated"],
        ["First request", utc(shown.firstRequestAt)],
        ["Last request", utc(shown.lastRequestAt)],
        ["Time zones written", shown.timeZones.join(", ") || "—"],
        ["Entries / requests", `${shown.entryCount?.toLocaleString("en-US") ?? "—"} / ${shown.observationCount?.toLocaleString("en-US") ?? "—"}`],
        ["Device (as stated)", shown.device ?? "not stated"],
        ["App version (as stated)", shown.appVersion ?? "not stated"],
        ["Captured by", shown.capturedBy ?? "not recorded"],
        ["Test device sought", shown.testDeviceLabel ?? "none on file (patterns only)"],
        ["Analyzer / KB", <Mono key="v">{`${shown.analyzerVersion} · ${shown.kbVersion ?? "—"}`}</Mono>],
        ["Input SHA-256", <Mono key="h" className="break-all">{shown.inputSha256}</Mono>],
        ["Analysed", <Timestamp key="t" value={shown.finishedAt} />],
      ]
    : [];

  return (
    <section className="mt-8" aria-labelledby="capture-heading" data-testid="capture-analysis">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="capture-heading" className="flex items-center gap-2 text-lg font-semibold">
          <Radar className="size-5" aria-hidden /> Network capture analysis
        </h2>
        {reanalyze}
      </div>
      {latest && latest.status !== "DONE" && (
        <Alert className="mb-3" variant={latest.status === "FAILED" ? "destructive" : "info"}>
          <AlertDescription data-testid="capture-analysis-status">
            Latest analysis: {STATUS_TEXT[latest.status]}
            {latest.error ? ` — ${latest.error}` : ". Reload to see its results when it is done."}
          </AlertDescription>
        </Alert>
      )}
      {!latest && <p className="text-sm text-muted-foreground">Not analysed yet.</p>}
      {shown && (
        <>
          <dl className="mb-4 grid grid-cols-[11rem_1fr] gap-x-4 gap-y-1 text-sm md:grid-cols-[11rem_1fr_11rem_1fr]">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0">{v}</dd>
              </div>
            ))}
          </dl>
          {analyses.length > 1 && <p className="mb-3 text-xs text-muted-foreground">{analyses.length} analyses of this capture are kept; the newest finished one is shown.</p>}

          <h3 className="mt-6 mb-2 font-semibold">Suggested evidence links ({open.length} to review)</h3>
          {open.length === 0 ? (
            <p className="text-sm text-muted-foreground">No open suggestions: no request in this capture matches a data-transfer allegation&apos;s destination, period and data categories{decided.length ? ", or all have been decided" : ""}.</p>
          ) : (
            <Table data-testid="suggestions">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16">¶</TableHead>
                  <TableHead>Request</TableHead>
                  <TableHead>Evidence</TableHead>
                  <TableHead>Pin cite</TableHead>
                  <TableHead className="w-96">Review</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {open.slice(0, 100).map((s) => (
                  <TableRow key={`${s.allegationId}-${s.observationId}`}>
                    <TableCell>
                      <Link href={`/matters/${matterId}/allegations/${s.allegationId}`} className="hover:underline">
                        <Mono>¶ {s.paragraph}</Mono>
                      </Link>
                      <span className="block text-xs text-muted-foreground">{s.destinationHost}</span>
                    </TableCell>
                    <TableCell className="text-sm">
                      entry <Mono>{s.entryIndex}</Mono> · {s.host}
                      <span className="block text-xs text-muted-foreground">{s.organisation ?? "organisation not in the KB"}</span>
                    </TableCell>
                    <TableCell className="text-sm">
                      {s.overlap.map((c) => DATA_CATEGORY_LABELS[c]).join(", ")}
                      <Trace d={s.detection} />
                    </TableCell>
                    <TableCell className="text-xs">{s.pinCite}</TableCell>
                    <TableCell>{suggestionActions(s)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {open.length > 100 && <p className="mt-1 text-xs text-muted-foreground">Showing the first 100 of {open.length}.</p>}
          {decided.length > 0 && (
            <p className="mt-2 text-xs text-muted-foreground">
              Decided: {decided.filter((s) => s.decided?.decision === "ACCEPTED").length} accepted, {decided.filter((s) => s.decided?.decision === "DISMISSED").length} dismissed (kept across re-analyses).
            </p>
          )}

          {possibleAllegations.length > 0 && (
            <>
              <h3 className="mt-6 mb-2 font-semibold">Possible new allegations</h3>
              <p className="mb-2 text-sm text-muted-foreground">Requests to the matter&apos;s flagged countries that match no allegation.</p>
              <Table data-testid="possible-allegations">
                <TableHeader>
                  <TableRow>
                    <TableHead>Domain</TableHead>
                    <TableHead>Organisation</TableHead>
                    <TableHead>Requests</TableHead>
                    <TableHead>Data seen</TableHead>
                    <TableHead />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {possibleAllegations.map((p) => (
                    <TableRow key={p.registrableDomain}>
                      <TableCell>
                        <Mono>{p.registrableDomain}</Mono>
                      </TableCell>
                      <TableCell className="text-sm">
                        {p.organisation ?? "—"} {p.country && <Mono>({p.country})</Mono>}
                      </TableCell>
                      <TableCell>{p.requests}</TableCell>
                      <TableCell>
                        <Categories list={p.dataCategories} />
                      </TableCell>
                      <TableCell>
                        <Button asChild size="sm" variant="outline">
                          <Link
                            href={`/matters/${matterId}/allegations/new?${new URLSearchParams({
                              destinationHost: p.registrableDomain,
                              ...(p.organisation ? { recipientOrg: p.organisation } : {}),
                              ...(p.country ? { destinationCountry: p.country } : {}),
                              observedFrom: p.firstSeen.toISOString().slice(0, 10),
                              observedTo: p.lastSeen.toISOString().slice(0, 10),
                            })}`}
                          >
                            <FilePlus2 aria-hidden /> Draft allegation
                          </Link>
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}

          <h3 className="mt-6 mb-2 font-semibold">
            Requests with findings ({withFindings.toLocaleString("en-US")} of {total.toLocaleString("en-US")})
          </h3>
          <p className="mb-2 text-xs text-muted-foreground">
            Organisation and country come from the tracker knowledge base (the organisation&apos;s headquarters). The server country is the registration country of the IP address block
            {ipCountrySource ? ` (${ipCountrySource})` : ""}, not where the server stands.{masked ? " Matched values are masked; attorneys see them in full." : ""}
          </p>
          {observations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No request in this capture carried a detected data category.</p>
          ) : (
            <Table data-testid="observations">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16">Entry</TableHead>
                  <TableHead>Time (UTC)</TableHead>
                  <TableHead>Request</TableHead>
                  <TableHead>Organisation</TableHead>
                  <TableHead>Server IP</TableHead>
                  <TableHead>Data sent</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {observations.map((o) => (
                  <TableRow key={o.id} id={`entry-${o.entryIndex}`} className="target:bg-accent">
                    <TableCell>
                      <Mono>{o.entryIndex}</Mono>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-xs">{utc(o.startedAt)}</TableCell>
                    <TableCell className="max-w-xs text-sm">
                      <Mono>{o.method}</Mono> {o.host}
                      {o.status !== null && <span className="text-xs text-muted-foreground"> · {o.status}</span>}
                      {o.truncated && <span className="block text-xs text-muted-foreground">body over the scan cap: searched for the test device&apos;s values only</span>}
                    </TableCell>
                    <TableCell className="text-sm">
                      {o.organisation ?? "—"}
                      {o.country && <Mono> ({o.country})</Mono>}
                      {o.parent && <span className="block text-xs text-muted-foreground">{o.parent}</span>}
                    </TableCell>
                    <TableCell className="text-xs">
                      <Mono>{o.serverIp ?? "—"}</Mono>
                      {o.serverIpCountry && <span className="block text-muted-foreground">registered in {o.serverIpCountry}</span>}
                    </TableCell>
                    <TableCell className="max-w-md">
                      <Categories list={o.dataCategories} />
                      {o.detections.slice(0, 4).map((d, i) => (
                        <Trace key={i} d={d} />
                      ))}
                      {o.detections.length > 4 && <span className="text-xs text-muted-foreground">and {o.detections.length - 4} more</span>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
