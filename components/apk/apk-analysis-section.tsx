import Link from "next/link";
import { Package } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Mono } from "@/components/ui/mono";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";

export type ApkFindingsView = {
  package: string | null;
  versionName: string | null;
  versionCode: number | null;
  minSdk: number | null;
  targetSdk: number | null;
  permissions: string[];
  dexFiles: { name: string; classCount: number }[];
  sdks: { prefix: string; organisation: string; sdk: string; classes: string[]; classDexFiles?: string[]; classCount: number; hosts: string[] }[];
  hosts: { host: string; registrableDomain: string | null; organisation: string | null }[];
  signingCertificateSha256: string;
};

export type ApkAnalysisView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  error: string | null;
  inputSha256: string;
  analyzerVersion: string;
  kbVersion: string | null;
  finishedAt: Date | null;
  findings: ApkFindingsView | null;
};

export type SdkSuggestionView = {
  allegationId: string;
  paragraph: number;
  analysisId: string;
  sdkPrefix: string;
  organisation: string;
  sdk: string;
  classCount: number;
  allegationPrefix: string;
  pinCite: string;
  decided: { decision: "ACCEPTED" | "DISMISSED"; reason: string | null } | null;
};

const STATUS_TEXT: Record<ApkAnalysisView["status"], string> = { QUEUED: "Waiting to run", RUNNING: "Running", DONE: "Done", FAILED: "Failed" };

export function ApkAnalysisSection({
  matterId,
  analyses,
  shown,
  suggestions,
  suggestionActions,
  reanalyze,
  papers,
}: {
  matterId: string;
  analyses: ApkAnalysisView[];
  shown: ApkAnalysisView | null;
  suggestions: SdkSuggestionView[];
  suggestionActions: (s: SdkSuggestionView) => React.ReactNode;
  reanalyze: React.ReactNode;
  papers: React.ReactNode;
}) {
  const open = suggestions.filter((s) => !s.decided);
  const decided = suggestions.filter((s) => s.decided);
  const latest = analyses[0] ?? null;
  const f = shown?.findings ?? null;
  const facts: [string, React.ReactNode][] =
    shown && f
      ? [
          ["Package", <Mono key="p">{f.package ?? "not stated"}</Mono>],
          ["Version", `${f.versionName ?? "—"} (code ${f.versionCode ?? "—"})`],
          ["SDK levels", `min ${f.minSdk ?? "—"} · target ${f.targetSdk ?? "—"}`],
          [
            "Signing certificate SHA-256",
            f.signingCertificateSha256 === "unsigned" ? "unsigned" : <Mono key="c" className="break-all" data-testid="apk-signer">{f.signingCertificateSha256}</Mono>,
          ],
          ["DEX files", f.dexFiles.map((d) => `${d.name} (${d.classCount.toLocaleString("en-US")} classes)`).join(", ") || "none"],
          ["Analyzer / KB", <Mono key="v">{`${shown.analyzerVersion} · ${shown.kbVersion ?? "—"}`}</Mono>],
          ["Input SHA-256", <Mono key="h" className="break-all">{shown.inputSha256}</Mono>],
          ["Analysed", <Timestamp key="t" value={shown.finishedAt} />],
        ]
      : [];

  return (
    <section className="mt-8" id="apk-analysis" aria-labelledby="apk-heading" data-testid="apk-analysis">
      <h2 id="apk-heading" className="mb-2 flex items-center gap-2 text-lg font-semibold">
        <Package className="size-5" aria-hidden /> App package analysis
      </h2>
      {(reanalyze || (shown && papers)) && (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          {reanalyze}
          {shown && papers}
        </div>
      )}
      <Alert className="mb-3" variant="warning">
        <AlertDescription>
          <strong>Code present in the package — not proof that it ran.</strong> Only a network capture shows a transmission.
        </AlertDescription>
      </Alert>
      {latest && latest.status !== "DONE" && (
        <Alert className="mb-3" variant={latest.status === "FAILED" ? "destructive" : "info"}>
          <AlertDescription data-testid="apk-analysis-status">
            Latest analysis: {STATUS_TEXT[latest.status]}
            {latest.error ? ` — ${latest.error}` : ". Reload to see its results when it is done."}
          </AlertDescription>
        </Alert>
      )}
      {!latest && <p className="text-sm text-muted-foreground">Not analysed yet.</p>}
      {shown && f && (
        <>
          <dl className="mb-4 grid grid-cols-[13rem_1fr] gap-x-4 gap-y-1 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0">{v}</dd>
              </div>
            ))}
          </dl>
          {analyses.length > 1 && <p className="mb-3 text-xs text-muted-foreground">{analyses.length} analyses of this package are kept; the newest finished one is shown.</p>}

          <h3 className="mt-6 mb-2 font-semibold">Suggested evidence links ({open.length} to review)</h3>
          <p className="mb-2 text-sm text-muted-foreground">SDKs found in the package that an SDK-embedded allegation names by package prefix. Code present in the package — not proof that it ran.</p>
          {open.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No open suggestions: no SDK in this package lies under an SDK prefix an SDK-embedded allegation names{decided.length ? ", or all have been decided" : ""}.
            </p>
          ) : (
            <Table data-testid="sdk-suggestions">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16">¶</TableHead>
                  <TableHead>SDK in the package</TableHead>
                  <TableHead>Pin cite</TableHead>
                  <TableHead className="w-96">Review</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {open.map((s) => (
                  <TableRow key={`${s.allegationId}-${s.sdkPrefix}`}>
                    <TableCell>
                      <Link href={`/matters/${matterId}/allegations/${s.allegationId}`} className="hover:underline">
                        <Mono>¶ {s.paragraph}</Mono>
                      </Link>
                      <Mono className="block text-xs text-muted-foreground">{s.allegationPrefix}</Mono>
                    </TableCell>
                    <TableCell className="text-sm">
                      {s.sdk} · {s.organisation}
                      <span className="block text-xs text-muted-foreground">
                        <Mono>{s.sdkPrefix}</Mono>, {s.classCount.toLocaleString("en-US")} classes — code present in the package, not proof that it ran
                      </span>
                    </TableCell>
                    <TableCell className="text-xs">
                      <Mono className="break-all">{s.pinCite}</Mono>
                    </TableCell>
                    <TableCell>{suggestionActions(s)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {decided.length > 0 && (
            <p className="mt-2 text-xs text-muted-foreground" data-testid="sdk-suggestions-decided">
              Decided: {decided.filter((s) => s.decided?.decision === "ACCEPTED").length} accepted, {decided.filter((s) => s.decided?.decision === "DISMISSED").length} dismissed (kept across re-analyses).
            </p>
          )}

          <h3 className="mt-6 mb-2 font-semibold">Known SDKs in the code ({f.sdks.length})</h3>
          {f.sdks.length === 0 ? (
            <p className="text-sm text-muted-foreground">No class in the package matches a known SDK.</p>
          ) : (
            <Table data-testid="apk-sdks">
              <TableHeader>
                <TableRow>
                  <TableHead>SDK</TableHead>
                  <TableHead>Organisation</TableHead>
                  <TableHead>Example classes</TableHead>
                  <TableHead>Hosts in the code</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {f.sdks.map((s) => (
                  <TableRow key={s.prefix}>
                    <TableCell>
                      {s.sdk}
                      <Mono className="block text-xs text-muted-foreground">{s.prefix}</Mono>
                    </TableCell>
                    <TableCell>{s.organisation}</TableCell>
                    <TableCell className="text-xs">
                      {s.classes.map((c, i) => (
                        <Mono key={c} className="block break-all">
                          {c}
                          {s.classDexFiles?.[i] ? <span className="text-muted-foreground"> ({s.classDexFiles[i]})</span> : null}
                        </Mono>
                      ))}
                      {s.classCount > s.classes.length && <span className="text-muted-foreground">and {(s.classCount - s.classes.length).toLocaleString("en-US")} more</span>}
                    </TableCell>
                    <TableCell className="text-xs">
                      {s.hosts.map((h) => (
                        <Mono key={h} className="block break-all">{h}</Mono>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          <h3 className="mt-6 mb-2 font-semibold">Host names in the code ({f.hosts.length})</h3>
          {f.hosts.length === 0 ? (
            <p className="text-sm text-muted-foreground">No host name in the package&apos;s string constants.</p>
          ) : (
            <ul className="columns-1 text-sm md:columns-2" data-testid="apk-hosts">
              {f.hosts.map((h) => (
                <li key={h.host}>
                  <Mono>{h.host}</Mono>
                  {h.organisation && <span className="text-muted-foreground"> · {h.organisation}</span>}
                </li>
              ))}
            </ul>
          )}

          <h3 className="mt-6 mb-2 font-semibold">Permissions requested ({f.permissions.length})</h3>
          {f.permissions.length === 0 ? (
            <p className="text-sm text-muted-foreground">None.</p>
          ) : (
            <ul className="columns-1 text-sm md:columns-2" data-testid="apk-permissions">
              {f.permissions.map((p) => (
                <li key={p}>
                  <Mono>{p}</Mono>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
