import { AuditTrailTable } from "@/components/audit/audit-trail-table";
import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { Archive, CheckCircle2, Flag, Lock, Pencil } from "lucide-react";
import { FlagDialog } from "@/components/ledger/flag-dialog";
import { Timestamp } from "@/components/ui/timestamp";
import { exhibitLabel, countLabel } from "@/lib/ledger/labels";
import { complaintPinCite } from "@/lib/complaint/labels";
import { LinkDialog } from "@/components/ledger/link-dialog";
import { UploadLinkDialog } from "@/components/ledger/upload-link-dialog";
import { ReasonDialog } from "@/components/ledger/reason-dialog";
import { RequestDialog } from "@/components/ledger/request-dialog";
import { StatusWhy } from "@/components/ledger/status-why";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { PinCiteLink } from "@/components/exhibits/pin-cite-link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatDateRange } from "@/lib/format";
import { ALLEGATION_KIND_LABELS, APP_PLATFORM_LABELS, DATA_CATEGORY_LABELS, FLAG_LABELS, countryName } from "@/lib/schemas/allegation";
import { LINK_RELATION_LABELS } from "@/lib/schemas/evidence";
import { viewerHref } from "@/lib/search/highlight-terms";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { listRequestAssignees } from "@/lib/server/evidence/list-request-assignees";
import { explainStatus } from "@/lib/server/ledger/support-status";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { ZSavedQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import {
  cancelRequestAction,
  clearFlagAction,
  createRequestAction,
  flagAllegationAction,
  linkEvidenceAction,
  unlinkEvidenceAction,
} from "../actions";

export const metadata: Metadata = { title: "Allegation" };

export default async function AllegationPage({
  params,
  searchParams,
}: {
  params: Promise<{ matterId: string; allegationId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { matterId, allegationId } = await params;
  const { saved } = parseSearchParams(ZSavedQuery, await searchParams);
  const actor = await pageActor();
  const { allegation: a, elements, support, history } = await loadOr404(() => getAllegation(actor, matterId, allegationId));
  const [newestExhibits, assignees] = await Promise.all([findLinkableExhibits(actor, matterId, {}), listRequestAssignees(actor, matterId)]);
  const today = new Date().toISOString().slice(0, 10);
  const dt = a.dataTransfer;
  const activeLinks = a.links.filter((l) => !l.removedAt);
  const openRequests = a.requests.filter((r) => r.status === "OPEN");
  const requestOptions = openRequests.map((r) => ({ id: r.id, description: r.description }));
  const linkAction = linkEvidenceAction.bind(null, matterId, a.id);

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={<Link href={`/matters/${matterId}/allegations`} className="hover:underline">Allegations</Link>}
        title={
          <span className="flex items-center gap-3">
            <Mono>¶ {a.paragraphLabel}</Mono>
            <Badge variant="outline">{ALLEGATION_KIND_LABELS[a.kind]}</Badge>
            {a.complaintPage !== null && <Mono className="text-sm font-normal text-muted-foreground">{complaintPinCite(a.paragraphLabel, a.complaintPage, a.complaintLine)}</Mono>}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2" data-print="hide">
            {/* A withdrawn ¶ is kept as a record; nothing new is attached to it (the use cases refuse too). */}
            {!a.withdrawnAt && (
              <>
                <LinkDialog action={linkAction} submissionKey={randomUUID()} matterId={matterId} exhibits={newestExhibits} openRequests={requestOptions} />
                <UploadLinkDialog matterId={matterId} paragraph={a.paragraph} linkAction={linkAction} submissionKey={randomUUID()} />
                <RequestDialog action={createRequestAction.bind(null, matterId, a.id)} submissionKey={randomUUID()} assignees={assignees} />
                <FlagDialog action={flagAllegationAction.bind(null, matterId, a.id)} flagged={!!a.flagSeverity} />
              </>
            )}
            <Button asChild size="sm" variant="outline">
              <Link href={`/matters/${matterId}/allegations/${a.id}/edit`}>
                <Pencil aria-hidden /> Edit
              </Link>
            </Button>
          </div>
        }
      />
      {a.withdrawnAt && (
        <Alert variant="warning" className="mb-4" icon={<Archive aria-hidden />} data-testid="withdrawn-alert">
          <AlertTitle>Withdrawn</AlertTitle>
          <AlertDescription>
            Withdrawn on <Timestamp value={a.withdrawnAt} /> by {a.withdrawnBy?.name ?? "someone"}
            {a.withdrawnByImport && (
              <>
                {" "}
                (
                <Link className="underline" href={`/matters/${matterId}/allegations/import/${a.withdrawnByImport.id}`}>
                  amended complaint import, {exhibitLabel(a.withdrawnByImport.exhibit)}
                </Link>
                )
              </>
            )}
            . It is out of the ledger, the gap report and the coverage counts; its evidence links and history are kept below.
          </AlertDescription>
        </Alert>
      )}
      {saved && (
        <Alert variant="success" className="mb-4" icon={<CheckCircle2 aria-hidden />}>
          <AlertDescription>Saved ¶ {a.paragraphLabel}.</AlertDescription>
        </Alert>
      )}

      <section aria-labelledby="status-heading" className="mb-6 grid gap-2 rounded-lg border border-border p-4">
        <h2 id="status-heading" className="text-sm font-semibold text-muted-foreground">
          Support status <span className="font-normal">(derived from the links below; it cannot be typed in)</span>
        </h2>
        <div className="flex flex-wrap items-start gap-3" data-testid="allegation-status" data-status={support.status}>
          <StatusWhy
            status={support.status}
            summary={explainStatus(support)}
            links={activeLinks
              .filter((l) => l.relation !== "CONTEXT")
              .map((l) => ({ relation: l.relation, label: exhibitLabel(l.exhibit), title: l.exhibit.title, privileged: l.exhibit.privilege !== "NONE", pinCite: l.pinCite }))}
          />
          <p className="text-sm">
            {explainStatus(support)}
            {a.withdrawnAt && " As a withdrawn ¶ it no longer counts anywhere."}
          </p>
        </div>
      </section>

      {a.flagSeverity && (
        <Alert variant="warning" className="mb-6" icon={<Flag aria-hidden />} data-testid="flag-alert">
          <AlertTitle>Flagged: {FLAG_LABELS[a.flagSeverity]}</AlertTitle>
          <AlertDescription>
            <p>
              {a.flagReason} — {a.flaggedBy?.name ?? "someone"}, <Timestamp value={a.flaggedAt} />
            </p>
            <div className="mt-2" data-print="hide">
              <ReasonDialog
                action={clearFlagAction.bind(null, matterId, a.id)}
                triggerLabel="Clear flag"
                title="Clear the flag"
                description="Say why the flag no longer applies."
                reasonLabel="Why"
                submitLabel="Clear flag"
              />
            </div>
          </AlertDescription>
        </Alert>
      )}

      <div className="mb-8 grid gap-6 lg:grid-cols-3">
        <section className="lg:col-span-2">
          <h2 className="mb-2 text-base font-semibold">Allegation</h2>
          <blockquote className="border-l-4 border-border-strong pl-4 text-sm leading-6 whitespace-pre-wrap">{a.text}</blockquote>
          {dt && (
            <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Data transfer detail">
              <dt className="text-muted-foreground">Data</dt>
              <dd className="flex flex-wrap gap-1">
                {dt.dataCategories.map((c) => (
                  <Badge key={c} variant="neutral">
                    {DATA_CATEGORY_LABELS[c]}
                  </Badge>
                ))}
              </dd>
              <dt className="text-muted-foreground">Sent to</dt>
              <dd>
                <Mono>{dt.destinationHost}</Mono>
                {dt.recipientOrg && <> ({dt.recipientOrg})</>}
                {dt.destinationCountry && <> · {countryName(dt.destinationCountry)} ({dt.destinationCountry})</>}
              </dd>
              {dt.sdk && (
                <>
                  <dt className="text-muted-foreground">SDK</dt>
                  <dd>{dt.sdk}</dd>
                </>
              )}
              <dt className="text-muted-foreground">Observed</dt>
              <dd>{formatDateRange(dt.observedFrom, dt.observedTo)}</dd>
              <dt className="text-muted-foreground">App</dt>
              <dd>
                {APP_PLATFORM_LABELS[dt.appPlatform]}
                {dt.appVersion && <> {dt.appVersion}</>}
              </dd>
            </dl>
          )}
        </section>
        <section>
          <h2 className="mb-2 text-base font-semibold">Elements it serves</h2>
          {elements.length === 0 ? (
            <p className="text-sm text-muted-foreground">Not tied to any element yet.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {elements.map((e) => (
                <li key={e.id}>
                  <span className="font-medium">{countLabel(e.count.number)}</span> ({e.count.title}) — {e.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="mb-8" aria-labelledby="links-heading">
        <h2 id="links-heading" className="mb-2 text-base font-semibold">
          Evidence links
        </h2>
        {a.links.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {a.withdrawnAt ? "No exhibit was linked before it was withdrawn." : `No exhibit is linked. That is why this allegation is ${support.status.toLowerCase()}.`}
          </p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Exhibit</TableHead>
                <TableHead>Relation</TableHead>
                <TableHead>Pin cite</TableHead>
                <TableHead>Excerpt / note</TableHead>
                <TableHead>Linked</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.links.map((l) => (
                <TableRow key={l.id} data-testid="link-row" className={l.removedAt ? "text-muted-foreground" : undefined}>
                  <TableCell>
                    <div className={l.removedAt ? "line-through" : undefined}>
                      <Mono>{exhibitLabel(l.exhibit)}</Mono> {l.exhibit.title}
                    </div>
                    {l.exhibit.privilege !== "NONE" && (
                      <Badge variant="lock" className="mt-1">
                        Privileged
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{LINK_RELATION_LABELS[l.relation]}</TableCell>
                  <TableCell>
                    <PinCiteLink href={viewerHref(`/matters/${matterId}/exhibits/${l.exhibit.id}`, l.pinCite, l.excerpt)} cite={l.pinCite} />
                  </TableCell>
                  <TableCell className="max-w-sm">
                    {l.excerpt && <q className="italic">{l.excerpt}</q>}
                    {l.note && <p className="text-xs text-muted-foreground">{l.note}</p>}
                  </TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    {l.createdBy.name}, <Timestamp value={l.createdAt} />
                    {l.removedAt && (
                      <p>
                        Removed by {l.removedBy?.name}, <Timestamp value={l.removedAt} />: {l.removalReason}
                      </p>
                    )}
                  </TableCell>
                  <TableCell data-print="hide">
                    {!l.removedAt && (
                      <ReasonDialog
                        action={unlinkEvidenceAction.bind(null, matterId, a.id, l.id)}
                        triggerLabel="Remove"
                        title={`Remove the link to ${exhibitLabel(l.exhibit)}`}
                        description="The link stays on record as removed, with your reason; the status is recomputed without it."
                        reasonLabel="Why remove it"
                        submitLabel="Remove link"
                        destructive
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className="mb-8" aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="mb-2 text-base font-semibold">
          Evidence requests
        </h2>
        {a.requests.length === 0 ? (
          <p className="text-sm text-muted-foreground">No evidence has been requested for this allegation.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Needed</TableHead>
                <TableHead>Assignee</TableHead>
                <TableHead>Due</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.requests.map((r) => {
                const overdue = r.status === "OPEN" && r.dueOn && r.dueOn.toISOString().slice(0, 10) < today;
                return (
                  <TableRow key={r.id} data-testid="request-row" data-status={r.status}>
                    <TableCell className="max-w-md">{r.description}</TableCell>
                    <TableCell>{r.assignee?.name ?? "Unassigned"}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {formatDate(r.dueOn)}
                      {overdue && (
                        <Badge variant="warning" className="ml-2">
                          Overdue
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>
                      {r.status === "OPEN" && <Badge variant="info">Open</Badge>}
                      {r.status === "FULFILLED" && (
                        <span className="grid gap-0.5">
                          <Badge variant="neutral">Fulfilled</Badge>
                          {r.fulfilledByExhibit && (
                            <span className="text-xs">
                              by <Mono>{exhibitLabel(r.fulfilledByExhibit)}</Mono>
                            </span>
                          )}
                        </span>
                      )}
                      {r.status === "CANCELLED" && (
                        <span className="grid gap-0.5">
                          <Badge variant="outline">Cancelled</Badge>
                          <span className="text-xs text-muted-foreground">{r.cancelReason}</span>
                        </span>
                      )}
                    </TableCell>
                    <TableCell data-print="hide">
                      {r.status === "OPEN" && (
                        <div className="flex gap-2">
                          <LinkDialog
                            action={linkAction}
                            submissionKey={randomUUID()}
                            matterId={matterId}
                            exhibits={newestExhibits}
                            openRequests={requestOptions}
                            requestId={r.id}
                            triggerLabel="Fulfil"
                          />
                          <ReasonDialog
                            action={cancelRequestAction.bind(null, matterId, a.id, r.id)}
                            triggerLabel="Cancel"
                            title="Cancel this request"
                            description="The request stays on record as cancelled, with your reason."
                            reasonLabel="Why cancel it"
                            submitLabel="Cancel request"
                            destructive
                          />
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-base font-semibold">
          History
        </h2>
        <AuditTrailTable events={history} />
      </section>
      <p className="mt-2 text-xs text-muted-foreground">
        <Lock aria-hidden className="inline size-3" /> From the matter&apos;s append-only, hash-chained audit log.
      </p>
    </div>
  );
}

