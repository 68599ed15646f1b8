import type { Metadata } from "next";
import Link from "next/link";
import { FileArchive, FileDown, FileSearch, Files, ListOrdered, PackageCheck } from "lucide-react";
import { DesignationBadges } from "@/components/exhibits/designation-badges";
import { ExhibitUploader } from "@/components/exhibits/exhibit-uploader";
import { ExtractionBadge } from "@/components/exhibits/extraction-badge";
import { DeleteSavedSearchButton, SavedSearchesMenu, SaveSearchForm } from "@/components/exhibits/saved-searches";
import { Snippet } from "@/components/exhibits/snippet";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isAppError } from "@/lib/app-error";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { Timestamp } from "@/components/ui/timestamp";
import { EXHIBIT_KIND_LABELS, EXHIBIT_KINDS } from "@/lib/schemas/exhibit";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { SEARCH_CANDIDATES, searchExhibits, type SearchHit } from "@/lib/server/exhibits/search-exhibits";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { listSavedSearches } from "@/lib/server/searches/list-saved-searches";
import { listIssues } from "@/lib/server/tags/list-issues";
import { deleteSavedSearchAction, saveSearchAction } from "./actions";

export const metadata: Metadata = { title: "Exhibits" };

type Search = { q?: string; kind?: string; designation?: string; from?: string; to?: string; link?: string; tag?: string; saved?: string };
const FILTER_KEYS = ["q", "kind", "designation", "from", "to", "link", "tag"];

function formatSize(n: string): string {
  const v = Number(n);
  if (v >= 1 << 30) return `${(v / (1 << 30)).toFixed(1)} GiB`;
  if (v >= 1 << 20) return `${(v / (1 << 20)).toFixed(1)} MiB`;
  if (v >= 1 << 10) return `${Math.round(v / (1 << 10))} KiB`;
  return `${v} B`;
}

export default async function ExhibitsPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<Search> }) {
  const { matterId } = await params;
  const raw = await searchParams;
  const filters: Record<string, string> = Object.fromEntries(Object.entries(raw).filter(([k, v]) => FILTER_KEYS.includes(k) && typeof v === "string" && v !== ""));
  const actor = await pageActor();
  const load = async () => {
    try {
      const list = await listExhibits(actor, matterId, filters);
      const hits: SearchHit[] = filters.q ? await searchExhibits(actor, matterId, filters) : [];
      return { ...list, hits, filterError: null };
    } catch (error) {
      // A hand-edited URL with a bad filter shows the whole list and says what was wrong.
      if (isAppError(error) && error.code === "VALIDATION") {
        const filterError = Object.values(error.fieldErrors).flat().join(" ");
        return { ...(await listExhibits(actor, matterId, {})), hits: [], filterError };
      }
      throw error;
    }
  };
  const [{ rows, hits, batesPrefix, filterError, access }, issues, savedSearches] = await loadOr404(() => Promise.all([load(), listIssues(actor, matterId), listSavedSearches(actor, matterId)]));
  const base = `/matters/${matterId}/exhibits`;
  // Each hit opens the viewer at its page with the words marked.
  const textHits = hits.filter((h) => h.matchedOn === "text").length;
  const hitHref = (h: SearchHit) => `${base}/${h.exhibitId}?${new URLSearchParams({ page: String(h.page), q: filters.q ?? "" })}`;
  const api = `/api/v1/matters/${matterId}/exhibits/exports`;
  const filtered = Object.keys(filters).length > 0;
  const failed = rows.filter((r) => r.extractionStatus === "FAILED");
  const savedHref = (f: Record<string, string | undefined>, id: string) => `${base}?${new URLSearchParams([...Object.entries(f).filter((e): e is [string, string] => typeof e[1] === "string"), ["saved", id]])}`;
  const current = typeof raw.saved === "string" ? savedSearches.find((s) => s.id === raw.saved) : undefined;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Exhibits"
        description="Every file collected, hashed on arrival, numbered, and searchable. Originals are never changed."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href={`/matters/${matterId}/reports/exhibit-list`}>
                <ListOrdered aria-hidden /> Exhibit list…
              </Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${api}/privilege-log.csv`}>
                <FileDown aria-hidden /> Privilege log CSV
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${api}/privilege-log.pdf`}>
                <FileDown aria-hidden /> Privilege log PDF
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href={`${base}/intake`} title="A ZIP, or many files chosen at once, as one batch">
                <FileArchive aria-hidden /> Bulk intake
              </Link>
            </Button>
            <Button asChild size="sm">
              <Link href={`${base}/productions`}>
                <PackageCheck aria-hidden /> Productions
              </Link>
            </Button>
          </>
        }
      />

      <ExhibitUploader matterId={matterId} />

      <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-2" role="search" data-print="hide">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Search the text of every exhibit</span>
          <Input name="q" defaultValue={filters.q} placeholder="e.g. (umeng OR bugly) AND “device id*”" className="w-80" aria-describedby="search-syntax" maxLength={500} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Issue</span>
          <Select name="tag" defaultValue={filters.tag ?? ""} containerClassName="max-w-56" data-testid="issue-filter">
            <option value="">Any issue</option>
            {issues.map((i) => (
              <option key={i.ref} value={i.ref}>
                {i.kind === "tag" ? `Tag: ${i.label}` : i.label}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Kind</span>
          <Select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any kind</option>
            {EXHIBIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EXHIBIT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Designation</span>
          <Select name="designation" defaultValue={filters.designation ?? ""}>
            <option value="">Any</option>
            <option value="PUBLIC">Public</option>
            <option value="CONFIDENTIAL">Confidential</option>
            <option value="AEO">Highly confidential – AEO</option>
            <option value="PRIVILEGED">Privileged</option>
            <option value="NOT_PRIVILEGED">Not privileged</option>
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Dated from</span>
          <Input type="date" name="from" defaultValue={filters.from} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">to</span>
          <Input type="date" name="to" defaultValue={filters.to} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Evidence links</span>
          <Select name="link" defaultValue={filters.link ?? ""}>
            <option value="">Linked or not</option>
            <option value="linked">Linked to an allegation</option>
            <option value="unlinked">Not linked</option>
          </Select>
        </label>
        <Button type="submit">
          <FileSearch aria-hidden /> Search
        </Button>
        {filtered && (
          <Button asChild variant="ghost">
            <Link href={base}>Clear</Link>
          </Button>
        )}
        <SavedSearchesMenu searches={savedSearches.map((s) => ({ id: s.id, name: s.name, href: savedHref(s.filters, s.id), mine: s.mine, shared: s.shared, ownerName: s.ownerName }))} />
        <p id="search-syntax" className="basis-full text-xs text-muted-foreground">
          Words must all appear on the page. <Mono>OR</Mono> for either, <Mono>NOT</Mono> or <Mono>-word</Mono> to leave out, <Mono>“quoted phrase”</Mono> for words in
          order, <Mono>transf*</Mono> for words that start so, <Mono>( )</Mono> to group: <Mono>(umeng OR bugly) “device identifier” -test</Mono>.
        </p>
      </form>

      {current && (
        <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="current-saved-search" data-print="hide">
          Saved search <span className="font-medium">{current.name}</span>
          <span className="text-muted-foreground">{current.mine ? (current.shared ? "· shared with the team" : "· only you see it") : `· shared by ${current.ownerName}`}</span>
          {current.mine && access.can("searches.save") && <DeleteSavedSearchButton action={deleteSavedSearchAction.bind(null, matterId)} savedSearchId={current.id} name={current.name} />}
        </p>
      )}
      {filtered && !current && !filterError && access.can("searches.save") && (
        <div className="mb-4" data-print="hide">
          <SaveSearchForm action={saveSearchAction.bind(null, matterId)} filters={filters} />
        </div>
      )}

      {filterError && (
        <Alert variant="destructive" className="mb-4">
          <AlertDescription>{filterError}</AlertDescription>
        </Alert>
      )}

      {filters.q && (
        <section aria-labelledby="hits-heading" className="mb-8">
          <h2 id="hits-heading" className="mb-2 text-lg font-semibold">
            {hits.length === 0
              ? `Nothing matches ${filters.q}`
              : `${hits.length}${textHits === 50 ? "+" : ""} ${hits.length === 1 ? "match" : "matches"} for ${filters.q}`}
          </h2>
          {textHits === 50 && (
            <p className="mb-2 text-sm text-muted-foreground">
              Showing the 50 best of the first {SEARCH_CANDIDATES} matching pages. Add words, a phrase in quotes or a filter to narrow the search.
            </p>
          )}
          {hits.length > 0 && (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-28">Exhibit</TableHead>
                  <TableHead className="w-24">Where</TableHead>
                  <TableHead>Match</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {hits.map((h) => (
                  <TableRow key={`${h.matchedOn}-${h.exhibitId}-${h.page}`} data-testid="search-hit">
                    <TableCell className="whitespace-nowrap">
                      <Link href={hitHref(h)} className="text-primary hover:underline" data-testid="hit-link">
                        <Mono>{exhibitLabel(h.prefix, h.number)}</Mono>
                      </Link>
                      <div className="text-xs text-muted-foreground">{h.title}</div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap" data-testid="hit-page">
                      {h.matchedOn === "text" ? (
                        <Link href={hitHref(h)} className="text-primary hover:underline">
                          {h.unit} {h.page}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">{h.matchedOn === "number" ? "number" : "title"}</span>
                      )}
                    </TableCell>
                    <TableCell>
                      <Snippet text={h.snippet} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}

      {failed.length > 0 && (
        <Alert variant="warning" className="mb-4">
          <AlertDescription>
            Text could not be read from {failed.length} exhibit{failed.length === 1 ? "" : "s"}:{" "}
            {failed.map((f, i) => (
              <span key={f.id}>
                {i > 0 && "; "}
                <Link className="font-mono text-primary hover:underline" href={`${base}/${f.id}`}>
                  {exhibitLabel(f.prefix, f.number)}
                </Link>{" "}
                ({f.extractionError})
              </span>
            ))}
          </AlertDescription>
        </Alert>
      )}

      {rows.length === 0 ? (
        <EmptyState
          icon={<Files />}
          title={filtered ? "No exhibits match these filters" : "No exhibits yet"}
          description={filtered ? "Clear the filters to see every exhibit." : "Drop the first files above: each is hashed, numbered and made searchable."}
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-24">No.</TableHead>
              <TableHead>Title</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead className="text-right">Size</TableHead>
              <TableHead>Designation</TableHead>
              <TableHead>Text</TableHead>
              <TableHead>Bates</TableHead>
              <TableHead className="text-right">Links</TableHead>
              <TableHead>Added</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="exhibit-row">
                <TableCell className="whitespace-nowrap">
                  <Link href={`${base}/${r.id}`} className="text-primary hover:underline">
                    <Mono>{exhibitLabel(r.prefix, r.number)}</Mono>
                  </Link>
                </TableCell>
                <TableCell className="max-w-sm">
                  <div className="truncate font-medium" title={r.title}>
                    {r.title}
                  </div>
                  <div className="truncate text-xs text-muted-foreground">{r.originalFilename}</div>
                </TableCell>
                <TableCell>{EXHIBIT_KIND_LABELS[r.kind as keyof typeof EXHIBIT_KIND_LABELS]}</TableCell>
                <TableCell className="text-right tabular-nums whitespace-nowrap">{formatSize(r.size)}</TableCell>
                <TableCell>
                  <DesignationBadges confidentiality={r.confidentiality} privilege={r.privilege} />
                </TableCell>
                <TableCell>
                  <ExtractionBadge status={r.extractionStatus} error={r.extractionError} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {r.batesStart ? <Mono>{batesRange(batesPrefix, r.batesStart, r.batesEnd)}</Mono> : "—"}
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.linkCount}</TableCell>
                <TableCell className="whitespace-nowrap"><Timestamp value={r.createdAt} dateOnly /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
