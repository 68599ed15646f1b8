import type { Metadata } from "next";
import Link from "next/link";
import { Download, FileCheck2, ShieldCheck } from "lucide-react";
import { DesignationBadges } from "@/components/exhibits/designation-badges";
import { DesignationDialog } from "@/components/exhibits/designation-dialog";
import { ExhibitMetadataForm } from "@/components/exhibits/exhibit-metadata-form";
import { ExhibitTags } from "@/components/exhibits/exhibit-tags";
import { ExtractionBadge } from "@/components/exhibits/extraction-badge";
import { PdfViewer } from "@/components/exhibits/pdf-viewer";
import { PinCiteLink } from "@/components/exhibits/pin-cite-link";
import { RetryExtractionButton } from "@/components/exhibits/retry-extraction-button";
import { TextPageViewer } from "@/components/exhibits/text-page-viewer";
import { CaptureAnalysisSection } from "@/components/network/capture-analysis-section";
import { ExhibitDatesSection } from "@/components/chronology/exhibit-dates-section";
import { ApkAnalysisSection } from "@/components/apk/apk-analysis-section";
import { ReanalyzeButton, SuggestionActions } from "@/components/network/suggestion-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { canonicalAuditAction, describeAuditEvent } from "@/lib/audit/events";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { formatDate } from "@/lib/format";
import { BLANK, certificationGaps } from "@/lib/reports/papers";
import { calendarFromDate } from "@/lib/schemas/common";
import { viewerHref } from "@/lib/search/highlight-terms";
import { EXHIBIT_KIND_LABELS, PRIVILEGE_LABELS, ZExhibitViewerTarget } from "@/lib/schemas/exhibit";
import { getExhibit } from "@/lib/server/exhibits/get-exhibit";
import { proposeExhibitDates } from "@/lib/server/chronology/add-exhibit-date";
import { addExhibitDateAction } from "../../chronology/actions";
import { getCaptureFindings } from "@/lib/server/network/get-capture-findings";
import { getApkFindings } from "@/lib/server/apk/get-apk-findings";
import { listSuggestions } from "@/lib/server/network/list-suggestions";
import { listSdkSuggestions } from "@/lib/server/apk/list-sdk-suggestions";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { listExhibitTags } from "@/lib/server/tags/list-exhibit-tags";
import { listIssues } from "@/lib/server/tags/list-issues";
import {
  acceptSdkSuggestionAction,
  acceptSuggestionAction,
  designateExhibitAction,
  dismissSdkSuggestionAction,
  dismissSuggestionAction,
  reanalyzeApkAction,
  reanalyzeCaptureAction,
  retryExtractionAction,
  tagExhibitAction,
  untagExhibitAction,
  updateExhibitMetadataAction,
} from "../actions";

export const metadata: Metadata = { title: "Exhibit" };

// What one extracted "page" of a non-PDF exhibit is (search-exhibits.ts names hits the same way).
const TEXT_UNITS: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "slide",
};

export default async function ExhibitPage({
  params,
  searchParams,
}: {
  params: Promise<{ matterId: string; exhibitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { matterId, exhibitId } = await params;
  // ?page=7&q=umeng: where a search hit or pin cite opens the viewer (bad values open page 1).
  const target = ZExhibitViewerTarget.parse(await searchParams);
  const actor = await pageActor();
  const { exhibit: e, access, links, custody, textPreview, textPageCount, productions, family } = await loadOr404(() => getExhibit(actor, matterId, exhibitId, target));
  const capture = await getCaptureFindings(actor, matterId, exhibitId, { onlyWithFindings: true });
  const apk = await getApkFindings(actor, matterId, exhibitId);
  const chronologyDates = await proposeExhibitDates(actor, matterId, exhibitId);
  const suggestions = capture ? await listSuggestions(actor, matterId, { exhibitId }) : null;
  const sdkSuggestions = apk ? await listSdkSuggestions(actor, matterId, { exhibitId }) : null;
  // The analysis papers: a draft FRE 902(13) certification (attorneys) and the methodology appendix.
  const analysisPapers = (analysisId: string | undefined) =>
    analysisId ? (
      <>
        {access.can("exhibits.certify") && (
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/matters/${matterId}/analyses/${analysisId}/certification-902-13.pdf`} data-testid="fre-902-13-pdf">
                <FileCheck2 aria-hidden /> FRE 902(13) draft PDF
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/matters/${matterId}/analyses/${analysisId}/certification-902-13.docx`}>
                <FileCheck2 aria-hidden /> Editable DOCX
              </a>
            </Button>
          </>
        )}
        <Button asChild variant="outline" size="sm">
          <a href={`/api/v1/matters/${matterId}/analyses/${analysisId}/methodology.pdf`} data-testid="methodology-pdf">
            <Download aria-hidden /> Methodology appendix (PDF)
          </a>
        </Button>
      </>
    ) : null;
  const [tagChips, issues] = await Promise.all([listExhibitTags(actor, matterId, exhibitId), listIssues(actor, matterId)]);
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
    ...(e.author || e.recipients || e.cc || e.subject || e.documentDate
      ? ([
          ["Document date", formatDate(e.documentDate)],
          ["Author", e.author ?? "—"],
          ["Recipients", e.recipients ?? "—"],
          ["Cc", e.cc ?? "—"],
          ["Subject", e.subject ?? "—"],
        ] as [string, React.ReactNode][])
      : []),
    ...(Array.isArray(e.emailAttachments) && e.emailAttachments.length
      ? ([["Attached inside", (e.emailAttachments as { fileName: string | null; size: number }[]).map((a) => `${a.fileName ?? "(unnamed)"} (${a.size.toLocaleString("en-US")} bytes)`).join("; ")]] as [string, React.ReactNode][])
      : []),
    ["Pages", e.pageCount ?? "—"],
    ["Text", <span key="x" className="inline-flex items-center gap-2"><ExtractionBadge status={e.extractionStatus} error={e.extractionError} />{e.extractionError && <span className="text-sm">{e.extractionError}</span>}</span>],
    ["Bates", productions.length ? productions.map((p) => batesRange(p.production.batesPrefix, p.batesStart, p.batesEnd)).join("; ") : "not produced"],
    ["Added", <Timestamp key="added" value={e.createdAt} />],
  ];
  const exhibitLink = (x: { id: string; prefix: string; number: number }) => (
    <Link key={x.id} href={`/matters/${matterId}/exhibits/${x.id}`} className="font-mono text-primary hover:underline">
      {exhibitLabel(x.prefix, x.number)}
    </Link>
  );
  if (family.parent) facts.push(["Attachment of", exhibitLink(family.parent)]);
  if (family.children.length) facts.push(["Attachments", <span key="c" className="flex flex-wrap gap-x-2">{family.children.map(exhibitLink)}</span>]);
  if (family.duplicateOf) facts.push(["Duplicate of", <span key="dup" data-testid="duplicate-of">{exhibitLink(family.duplicateOf)} (same bytes, kept with its e-mail)</span>]);

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
            {access.can("exhibits.redact") && (e.detectedType ?? e.blob.mediaType) === "application/pdf" && (
              <Button asChild variant="outline" size="sm">
                <Link href={`/matters/${matterId}/exhibits/${e.id}/redact`}>Redact</Link>
              </Button>
            )}
            {access.can("exhibits.certify") && (
              <>
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/v1/matters/${matterId}/exhibits/exports/certification.pdf?ids=${e.id}`}>
                    <FileCheck2 aria-hidden /> FRE 902(14) draft PDF
                  </a>
                </Button>
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/v1/matters/${matterId}/exhibits/exports/certification.docx?ids=${e.id}`}>
                    <FileCheck2 aria-hidden /> Editable DOCX
                  </a>
                </Button>
              </>
            )}
            <Button asChild size="sm">
              <a href={fileUrl} data-testid="exhibit-download">
                <Download aria-hidden /> Download original
              </a>
            </Button>
          </>
        }
      />

      {access.can("exhibits.certify") && certificationGaps(e).length > 0 && (
        <Alert variant="warning" className="mb-4" data-testid="certification-gaps">
          <AlertDescription>
            Not recorded: {certificationGaps(e).join(" and ")}. The FRE 902(14) draft leaves {certificationGaps(e).length === 1 ? "it" : "them"} blank ({BLANK}) to complete — it
            never uses the upload date or the uploader. Record {certificationGaps(e).length === 1 ? "it" : "them"} under{" "}
            <a href="#edit-heading" className="font-medium underline">
              Edit metadata
            </a>{" "}
            (date obtained, collected by) if known.
          </AlertDescription>
        </Alert>
      )}

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
          <section className="mt-6" aria-labelledby="issues-heading" data-testid="exhibit-issues">
            <h2 id="issues-heading" className="mb-2 text-lg font-semibold">
              Issues
            </h2>
            <ExhibitTags
              chips={tagChips}
              issues={issues}
              pageCount={e.pageCount ?? textPageCount ?? null}
              canTag={access.can("exhibits.tag")}
              tagAction={tagExhibitAction.bind(null, matterId, e.id)}
              untagAction={untagExhibitAction.bind(null, matterId, e.id)}
            />
          </section>
        </section>

        <section className="lg:col-span-3" aria-labelledby="viewer-heading">
          <h2 id="viewer-heading" className="mb-2 text-lg font-semibold">
            Original
          </h2>
          {type === "application/pdf" ? (
            <PdfViewer fileUrl={`${fileUrl}?view=1`} label={label} initialPage={target.page} query={target.q} />
          ) : type.startsWith("image/") && type !== "image/tiff" && type !== "image/heic" ? (
            // eslint-disable-next-line @next/next/no-img-element -- the verified original, served by our own route
            <img src={`${fileUrl}?view=1`} alt={e.title} className="max-h-[36rem] rounded-md border" />
          ) : textPreview[0] ? (
            <TextPageViewer
              label={label}
              unit={TEXT_UNITS[type] ?? "part"}
              page={textPreview[0].page}
              pageCount={textPageCount}
              text={textPreview[0].text}
              query={target.q}
              baseHref={`/matters/${matterId}/exhibits/${e.id}`}
            />
          ) : (
            <p className="text-sm text-muted-foreground">No inline view for this type. Download the original to open it.</p>
          )}
        </section>
      </div>

      {apk && sdkSuggestions && (
        <ApkAnalysisSection
          matterId={matterId}
          analyses={apk.analyses}
          shown={apk.shown}
          suggestions={[...sdkSuggestions.open, ...sdkSuggestions.decided]}
          reanalyze={access.can("captures.analyze") ? <ReanalyzeButton action={reanalyzeApkAction.bind(null, matterId, e.id)} /> : null}
          papers={analysisPapers(apk.shown?.id)}
          suggestionActions={(s) =>
            access.can("evidence.link") ? (
              <SuggestionActions
                accept={acceptSdkSuggestionAction.bind(null, matterId, e.id)}
                dismiss={dismissSdkSuggestionAction.bind(null, matterId, e.id)}
                allegationId={s.allegationId}
                fields={{ analysisId: s.analysisId, allegationId: s.allegationId, sdkPrefix: s.sdkPrefix }}
                rowLabel={`${s.sdkPrefix} for ¶ ${s.paragraph}`}
              />
            ) : (
              <span className="text-xs text-muted-foreground">Review needs the evidence-link permission.</span>
            )
          }
        />
      )}

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
          reanalyze={
            <div className="flex flex-wrap items-center gap-2">
              {access.can("captures.analyze") && <ReanalyzeButton action={reanalyzeCaptureAction.bind(null, matterId, e.id)} />}
              {capture.shown && analysisPapers(capture.shown.id)}
            </div>
          }
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
                  <TableCell>
                    <PinCiteLink href={viewerHref(`/matters/${matterId}/exhibits/${e.id}`, l.pinCite, l.excerpt)} cite={l.pinCite} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <ExhibitDatesSection
        matterId={matterId}
        proposals={chronologyDates}
        action={access.can("chronology.write") ? addExhibitDateAction.bind(null, matterId, e.id) : null}
      />

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
                  <TableCell className="whitespace-nowrap"><Timestamp value={c.at} /></TableCell>
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
            cc: e.cc ?? undefined,
            subject: e.subject ?? undefined,
          }}
        />
      </section>
    </div>
  );
}
