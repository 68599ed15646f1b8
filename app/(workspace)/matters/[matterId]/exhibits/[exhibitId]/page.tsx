import type { Metadata } from "next";
import Link from "next/link";
import { Download, FileCheck2, ShieldCheck } from "lucide-react";
import { DesignationBadges } from "@/components/exhibits/designation-badges";
import { DesignationDialog } from "@/components/exhibits/designation-dialog";
import { ExhibitMetadataForm } from "@/components/exhibits/exhibit-metadata-form";
import { ExtractionBadge } from "@/components/exhibits/extraction-badge";
import { RetryExtractionButton } from "@/components/exhibits/retry-extraction-button";
import { CaptureAnalysisSection } from "@/components/network/capture-analysis-section";
import { ReanalyzeButton, SuggestionActions } from "@/components/network/suggestion-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { canonicalAuditAction, describeAuditEvent } from "@/lib/audit/events";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { formatDate, formatDateTime } from "@/lib/format";
import { calendarFromDate } from "@/lib/schemas/common";
import { EXHIBIT_KIND_LABELS, PRIVILEGE_LABELS } from "@/lib/schemas/exhibit";
import { getExhibit } from "@/lib/server/exhibits/get-exhibit";
import { getCaptureFindings } from "@/lib/server/network/get-capture-findings";
import { listSuggestions } from "@/lib/server/network/list-suggestions";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import {
  acceptSuggestionAction,
  designateExhibitAction,
  dismissSuggestionAction,
  reanalyzeCaptureAction,
  retryExtractionAction,
  updateExhibitMetadataAction,
} from "../actions";

export const metadata: Metadata = { title: "Exhibit" };

export default async function ExhibitPage({ params }: { params: Promise<{ matterId: string; exhibitId: string }> }) {
  const { matterId, exhibitId } = await params;
  const actor = await pageActor();
  const { exhibit: e, access, links, custody, textPreview, productions } = await loadOr404(() => getExhibit(actor, matterId, exhibitId));
  const capture = await getCaptureFindings(actor, matterId, exhibitId, { onlyWithFindings: true });
  const suggestions = capture ? await listSuggestions(actor, matterId, { exhibitId }) : null;
  const label = exhibitLabel(e.prefix, e.number);
  const fileUrl = `/api/v1/matters/${matterId}/exhibits/${e.id}/file`;
  const type = e.detectedType ?? e.blob.mediaType;
  const version = e.updatedAt.toISOString();

  const facts: [string, React.ReactNode][] = [
    ["SHA-256", <Mono key="sha" copy copyLabel="Copy SHA-256" className="break-all" data-testid="exhibit-sha256">{e.blobSha256}</Mono>],
    ["File", `${e.originalFilename} · ${type} · ${Number(e.blob.size).toLocaleString("en-US")} bytes`],
    ["Kind", EXHIBIT_KIND_LABELS[e.kind]],
    ["Designation", <DesignationBadges key="d" confidentiality={e.confidentiality} privilege={e.privilege} />],
    ["Privilege basis", e.privilege === "NONE" ? "—" : (e.privilegeBasis ?? "—")],
    ["Source", e.source ?? "—"],
    ["Custodian", e.custodian ?? "—"],
    ["Collected by", e.collectedBy ?? "—"],
    ["Date obtained", formatDate(e.obtainedAt)],
    ["Pages", e.pageCount ?? "—"],
    ["Text", <span key="x" className="inline-flex items-center gap-2"><ExtractionBadge status={e.extractionStatus} error={e.extractionError} />{e.extractionError && <span className="text-sm">{e.extractionError}</span>}</span>],
    ["Bates", productions.length ? productions.map((p) => batesRange(p.production.batesPrefix, p.batesStart, p.batesEnd)).join("; ") : "not produced"],
    ["Added", formatDateTime(e.createdAt)],
  ];

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/exhibits`} className="hover:underline">
            Exhibits
          </Link>
        }
        title={
          <span className="flex flex-wrap items-baseline gap-3">
            <Mono copy>{label}</Mono>
            <span>{e.title}</span>
          </span>
        }
        description={e.description ?? undefined}
        actions={
          <>
            {access.can("exhibits.designate") && (
              <DesignationDialog
                action={designateExhibitAction.bind(null, matterId, e.id)}
                current={{ confidentiality: e.confidentiality, privilege: e.privilege, privilegeBasis: e.privilegeBasis }}
                expectedUpdatedAt={version}
                label={label}
              />
            )}
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/matters/${matterId}/exhibits/exports/certification.pdf?ids=${e.id}`}>
                <FileCheck2 aria-hidden /> FRE 902(14) draft
              </a>
            </Button>
            <Button asChild size="sm">
              <a href={fileUrl} data-testid="exhibit-download">
                <Download aria-hidden /> Download original
              </a>
            </Button>
          </>
        }
      />

      <div className="grid gap-8 lg:grid-cols-5">
        <section className="lg:col-span-2" aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="mb-2 text-lg font-semibold">
            Facts
          </h2>
          <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0">{v}</dd>
              </div>
            ))}
          </dl>
          {e.extractionStatus === "FAILED" && (
            <div className="mt-3">
              <RetryExtractionButton action={retryExtractionAction.bind(null, matterId, e.id)} />
            </div>
          )}
          <p className="mt-3 flex items-center gap-1.5 text-xs text-muted-foreground">
            <ShieldCheck className="size-4" aria-hidden /> Every view and download re-hashes the stored file and refuses it if it no longer matches.
          </p>
        </section>

        <section className="lg:col-span-3" aria-labelledby="viewer-heading">
          <h2 id="viewer-heading" className="mb-2 text-lg font-semibold">
            Original
          </h2>
          {type === "application/pdf" ? (
            <iframe title={`${label} (PDF)`} src={`${fileUrl}?view=1`} className="h-[36rem] w-full rounded-md border" />
          ) : type.startsWith("image/") && type !== "image/tiff" && type !== "image/heic" ? (
            // eslint-disable-next-line @next/next/no-img-element -- the verified original, served by our own route
            <img src={`${fileUrl}?view=1`} alt={e.title} className="max-h-[36rem] rounded-md border" />
          ) : textPreview.length > 0 ? (
            <pre className="max-h-[36rem] overflow-auto rounded-md border bg-muted p-3 text-xs whitespace-pre-wrap">
              {textPreview.map((p) => p.text).join("\n")}
            </pre>
          ) : (
            <p className="text-sm text-muted-foreground">No inline view for this type. Download the original to open it.</p>
          )}
        </section>
      </div>

      {capture && suggestions && (
        <CaptureAnalysisSection
          matterId={matterId}
          analyses={capture.analyses}
          shown={capture.shown}
          observations={capture.observations}
          total={capture.total}
          withFindings={capture.withFindings}
          masked={capture.masked}
          ipCountrySource={capture.ipCountrySource}
          suggestions={[...suggestions.open, ...suggestions.decided]}
          possibleAllegations={suggestions.possibleAllegations}
          reanalyze={access.can("captures.analyze") ? <ReanalyzeButton action={reanalyzeCaptureAction.bind(null, matterId, e.id)} /> : null}
          suggestionActions={(s) =>
            access.can("evidence.link") ? (
              <SuggestionActions
                accept={acceptSuggestionAction.bind(null, matterId, e.id)}
                dismiss={dismissSuggestionAction.bind(null, matterId, e.id)}
                observationId={s.observationId}
                allegationId={s.allegationId}
                rowLabel={`entry ${s.entryIndex} for ¶ ${s.paragraph}`}
              />
            ) : (
              <span className="text-xs text-muted-foreground">Review needs the evidence-link permission.</span>
            )
          }
        />
      )}

      <section className="mt-8" aria-labelledby="links-heading">
        <h2 id="links-heading" className="mb-2 text-lg font-semibold">
          Allegations it is linked to
        </h2>
        {links.length === 0 ? (
          <p className="text-sm text-muted-foreground">Not linked to any allegation yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-20">¶</TableHead>
                <TableHead>Allegation</TableHead>
                <TableHead>Relation</TableHead>
                <TableHead>Pin cite</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {links.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>
                    <Mono>¶ {l.allegation.paragraph}</Mono>
                  </TableCell>
                  <TableCell className="max-w-xl truncate">{l.allegation.text}</TableCell>
                  <TableCell>{l.relation}</TableCell>
                  <TableCell>{l.pinCite ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className="mt-8" aria-labelledby="custody-heading">
        <h2 id="custody-heading" className="mb-2 text-lg font-semibold">
          Chain of custody
        </h2>
        <p className="mb-2 text-sm text-muted-foreground">From the hash-chained audit log: nothing here can be edited or removed.</p>
        <Table data-testid="custody-log">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Event</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>IP</TableHead>
              <TableHead>Details</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {custody.map((c) => {
              const { label, sentence } = describeAuditEvent(c);
              return (
                <TableRow key={String(c.id)}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(c.at)}</TableCell>
                  <TableCell className={canonicalAuditAction(c.action) === "exhibit.fail-integrity-check" ? "font-semibold text-destructive-fg" : undefined}>{label}</TableCell>
                  <TableCell>{c.actor?.name ?? "System"}</TableCell>
                  <TableCell>
                    <Mono>{c.ip ?? "—"}</Mono>
                  </TableCell>
                  <TableCell className="max-w-md truncate text-sm">{sentence}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>

      <section className="mt-8 max-w-4xl" aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-2 text-lg font-semibold">
          Edit metadata
        </h2>
        {!access.can("exhibits.designate") && e.privilege !== "NONE" && (
          <Alert className="mb-3">
            <AlertDescription>Designated {PRIVILEGE_LABELS[e.privilege]}: only an attorney can change its designation.</AlertDescription>
          </Alert>
        )}
        <ExhibitMetadataForm
          action={updateExhibitMetadataAction.bind(null, matterId, e.id)}
          expectedUpdatedAt={version}
          initial={{
            title: e.title,
            description: e.description ?? undefined,
            kind: e.kind,
            source: e.source ?? undefined,
            custodian: e.custodian ?? undefined,
            collectedBy: e.collectedBy ?? undefined,
            obtainedAt: calendarFromDate(e.obtainedAt),
            documentDate: calendarFromDate(e.documentDate),
            author: e.author ?? undefined,
            recipients: e.recipients ?? undefined,
          }}
        />
      </section>
    </div>
  );
}
