import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { ArrowDown, ArrowUp, CalendarRange, Download, Lock, TriangleAlert } from "lucide-react";
import { ActionButton } from "@/components/chronology/action-button";
import { FactForm } from "@/components/chronology/fact-form";
import { ChronologyTimeline } from "@/components/chronology/timeline";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { DATE_PRECISION_LABELS, formatFactPeriod } from "@/lib/chronology/dates";
import { CHRONOLOGY_SOURCE_FILTERS, CHRONOLOGY_SOURCE_LABELS, type TChronologyQuery } from "@/lib/schemas/chronology";
import { factFormOptions } from "@/lib/server/chronology/fact-form-options";
import { listChronology } from "@/lib/server/chronology/list-chronology";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { addClaimMilestonesAction, buildFromAllegationsAction, buildFromCapturesAction, buildFromComplaintAction, createFactAction } from "./actions";

export const metadata: Metadata = { title: "Chronology" };

type Search = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ["from", "to", "source", "tag", "element", "disputed", "unsupported"] as const;

export default async function ChronologyPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<Search> }) {
  const { matterId } = await params;
  const search = await searchParams;
  const actor = await pageActor();
  const { access, query, rows, tags } = await loadOr404(() => listChronology(actor, matterId, search));
  const options = await factFormOptions(actor, matterId);
  const basePath = `/matters/${matterId}/chronology`;
  const filtered = FILTER_KEYS.some((k) => query[k]);
  const qs = (patch: Partial<Record<keyof TChronologyQuery | "includePrivileged", string | undefined>>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...patch })) if (v) next.set(k, String(v));
    const s = next.toString();
    return s ? `?${s}` : "";
  };
  const exportQs = qs({ dir: undefined });
  const canWrite = access.can("chronology.write");
  const canIncludePrivileged = access.can("chronology.include-privileged");
  const privilegedOnly = rows.filter((r) => r.privilegedOnly).length;
  const unsupported = rows.filter((r) => r.unsupported).length;
  const desc = query.dir === "desc";

  return (
    <div>
      <PageHeader
        title="Chronology"
        description="The matter's dated facts, each with the proof it rests on. Add one by hand, from an exhibit's dates, from the allegations' observed periods, or from network captures (one fact per capture, destination and day)."
        actions={
          <div className="flex flex-wrap items-start gap-2" data-print="hide">
            <Button asChild variant="outline">
              <a href={`${basePath}/export.csv${exportQs}`} download>
                <Download aria-hidden /> CSV
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href={`${basePath}/export.pdf${exportQs}`} download>
                <Download aria-hidden /> PDF
              </a>
            </Button>
            {canIncludePrivileged && privilegedOnly > 0 && (
              <Button asChild variant="outline">
                <a href={`${basePath}/export.pdf${qs({ dir: undefined, includePrivileged: "1" })}`} download>
                  <Lock aria-hidden /> PDF with privileged
                </a>
              </Button>
            )}
          </div>
        }
      />
      {search.saved === "1" && (
        <Alert className="mb-4">
          <AlertDescription>Fact saved.</AlertDescription>
        </Alert>
      )}
      {search.deleted === "1" && (
        <Alert className="mb-4">
          <AlertDescription>Fact deleted. The audit log keeps what it said and why it was deleted.</AlertDescription>
        </Alert>
      )}
      {privilegedOnly > 0 && (
        <p className="mb-3 text-sm text-muted-foreground">
          <Lock aria-hidden className="mr-1 inline size-3.5" />
          {privilegedOnly} fact{privilegedOnly === 1 ? " rests" : "s rest"} only on privileged exhibits: the CSV and PDF leave {privilegedOnly === 1 ? "it" : "them"} out
          {canIncludePrivileged ? " unless you choose “PDF with privileged”." : " (an attorney may include them)."}
        </p>
      )}

      <form method="get" action={basePath} role="search" aria-label="Filter the chronology" className="mb-4 flex flex-wrap items-end gap-3" data-print="hide">
        {query.dir && <input type="hidden" name="dir" value={query.dir} />}
        <Field label="From" htmlFor="f-from">
          <Input id="f-from" name="from" type="date" defaultValue={query.from} />
        </Field>
        <Field label="To" htmlFor="f-to">
          <Input id="f-to" name="to" type="date" defaultValue={query.to} />
        </Field>
        <Field label="Source" htmlFor="f-source">
          <Select id="f-source" name="source" defaultValue={query.source ?? ""}>
            <option value="">Any</option>
            {CHRONOLOGY_SOURCE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === "NONE" ? "No source" : CHRONOLOGY_SOURCE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Tag" htmlFor="f-tag">
          <Select id="f-tag" name="tag" defaultValue={query.tag ?? ""}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Count / element" htmlFor="f-element" className="w-56">
          <Select id="f-element" name="element" defaultValue={query.element ?? ""}>
            <option value="">Any</option>
            {options.filterCounts.map((c) => (
              <optgroup key={c.id} label={c.label}>
                <option value={`count:${c.id}`}>All of {c.label.split(" — ")[0]}</option>
                {c.elements.map((e) => (
                  <option key={e.id} value={`element:${e.id}`}>
                    {e.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label="Disputed" htmlFor="f-disputed">
          <Select id="f-disputed" name="disputed" defaultValue={query.disputed ?? ""}>
            <option value="">Any</option>
            <option value="yes">Disputed</option>
            <option value="no">Not disputed</option>
          </Select>
        </Field>
        <Field label="Support" htmlFor="f-unsupported">
          <Select id="f-unsupported" name="unsupported" defaultValue={query.unsupported ?? ""}>
            <option value="">Any</option>
            <option value="yes">Unsupported only</option>
          </Select>
        </Field>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          <Button asChild variant="ghost">
            <Link href={basePath}>Clear</Link>
          </Button>
        </div>
      </form>

      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite" data-testid="chronology-total">
        {rows.length} fact{rows.length === 1 ? "" : "s"}
        {filtered && " match these filters"}
        {unsupported > 0 && ` · ${unsupported} unsupported`}
      </p>

      {rows.length === 0 ? (
        <EmptyState
          icon={<CalendarRange />}
          title={filtered ? "No fact matches these filters" : "No facts yet"}
          description={filtered ? "Clear a filter to see more." : "Add a fact below, or build facts from the network captures and the allegations' observed periods."}
          action={filtered ? <Button asChild variant="outline"><Link href={basePath}>Clear filters</Link></Button> : undefined}
        />
      ) : (
        <>
          <ChronologyTimeline facts={rows} />
          <Table stickyHeader scrollLabel="Chronology">
            <TableHeader>
              <TableRow>
                <TableHead aria-sort={desc ? "descending" : "ascending"}>
                  <Link href={`${basePath}${qs({ dir: desc ? undefined : "desc" })}`} className="inline-flex items-center gap-1 hover:text-foreground">
                    Date {desc ? <ArrowDown aria-hidden className="size-3" /> : <ArrowUp aria-hidden className="size-3" />}
                  </Link>
                </TableHead>
                <TableHead>Fact</TableHead>
                <TableHead>Sources</TableHead>
                <TableHead>Elements / tags</TableHead>
                <TableHead>Added</TableHead>
                {canWrite && <TableHead><span className="sr-only">Actions</span></TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((f) => (
                <TableRow key={f.id} id={`fact-${f.id}`} data-testid="chronology-row" className="target:bg-accent">
                  <TableCell className="whitespace-nowrap align-top">
                    <span className="font-medium">{formatFactPeriod(f.startDate, f.endDate, f.precision)}</span>
                    {f.precision !== "DAY" && <span className="block text-xs text-muted-foreground">{DATE_PRECISION_LABELS[f.precision]}</span>}
                  </TableCell>
                  <TableCell className="max-w-xl min-w-72 align-top">
                    <p>{f.description}</p>
                    {f.disputed && (
                      <p className="mt-1 flex flex-wrap items-center gap-1 text-xs">
                        <Badge variant="warning">
                          <TriangleAlert aria-hidden /> Disputed
                        </Badge>
                        {[f.disputedBy, f.disputeReason].filter(Boolean).join(": ")}
                      </p>
                    )}
                  </TableCell>
                  <TableCell className="align-top text-sm">
                    {f.unsupported ? (
                      <StatusBadge status="UNSUPPORTED" label="Unsupported" title="No source: link an exhibit or an allegation" />
                    ) : (
                      <ul className="grid gap-0.5">
                        {f.sources.map((s, i) => (
                          <li key={i} className="whitespace-nowrap">
                            <Link href={s.href} className="font-mono text-xs text-primary hover:underline">
                              {s.label}
                            </Link>
                            {s.privileged && <Badge variant="lock" className="ml-1">Privileged</Badge>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell className="align-top text-xs">
                    {f.elements.length > 0 && <Mono>{f.elements.map((e) => e.label).join(" ")}</Mono>}
                    {f.tags.length > 0 && (
                      <div className="mt-1 flex flex-wrap gap-1">
                        {f.tags.map((t) => (
                          <Badge key={t} variant="outline">
                            {t}
                          </Badge>
                        ))}
                      </div>
                    )}
                    {!f.elements.length && !f.tags.length && <span className="text-muted-foreground">—</span>}
                  </TableCell>
                  <TableCell className="align-top text-xs whitespace-nowrap text-muted-foreground">
                    {f.createdBy}
                    <span className="block">
                      <Timestamp value={f.createdAt} />
                    </span>
                    {f.generated && <span className="block">generated</span>}
                  </TableCell>
                  {canWrite && (
                    <TableCell className="align-top">
                      {/* Not prefetched: each row's Edit would fetch that row's form page in the background
                          (dozens of dynamic renders per visit), and an edit form was once seen to render
                          twice after this link, losing a tick typed in between. */}
                      <Link prefetch={false} href={`${basePath}/${f.id}/edit`} className="text-sm text-primary hover:underline" aria-label={`Edit the fact of ${formatFactPeriod(f.startDate, f.endDate, f.precision)}`}>
                        Edit
                      </Link>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}

      {canWrite && (
        <div className="mt-8 grid gap-8 lg:grid-cols-3" data-print="hide">
          <section className="lg:col-span-2" aria-labelledby="add-fact">
            <h2 id="add-fact" className="mb-3 text-lg font-semibold">
              Add a fact
            </h2>
            <FactForm
              action={createFactAction.bind(null, matterId)}
              initial={{ precision: "DAY" }}
              hidden={{ submissionKey: randomUUID() }}
              counts={options.counts}
              exhibits={options.exhibits}
              allegations={options.allegations}
              submitLabel="Add fact"
            />
          </section>
          <section aria-labelledby="build" className="grid content-start gap-4">
            <h2 id="build" className="text-lg font-semibold">
              Build from recorded data
            </h2>
            <div className="grid gap-1">
              <ActionButton action={buildFromCapturesAction.bind(null, matterId)} label="Build from captures" />
              <p className="text-xs text-muted-foreground">One fact per capture, destination and day (UTC) from each capture&apos;s latest analysis. Building again adds only what is new.</p>
            </div>
            <div className="grid gap-1">
              <ActionButton action={buildFromAllegationsAction.bind(null, matterId)} label="Build from allegation periods" />
              <p className="text-xs text-muted-foreground">The observed period of each data-transfer allegation that records one.</p>
            </div>
            <div className="grid gap-1">
              <ActionButton action={buildFromComplaintAction.bind(null, matterId)} label="Add dates from the complaint" />
              <p className="text-xs text-muted-foreground">
                Dates the accepted ¶s of an imported complaint name (“On or about June 1, 2019”, “in 2017”, “between May and July 2019”), each at its precision and sourced to
                the ¶&apos;s pin cite.
              </p>
            </div>
            <div className="grid gap-1">
              <ActionButton action={addClaimMilestonesAction.bind(null, matterId)} label="Add claim milestones" />
              <p className="text-xs text-muted-foreground">
                The settlement&apos;s dates (claim, opt-out and objection deadlines, final approval hearing) and the number of claims filed each day — counts only, no claimant. Running it
                again updates a date that changed.
              </p>
            </div>
            <p className="text-xs text-muted-foreground">An exhibit&apos;s dates (obtained, sent, dated) are added from the exhibit&apos;s own page: “Add to chronology”.</p>
          </section>
        </div>
      )}
    </div>
  );
}
