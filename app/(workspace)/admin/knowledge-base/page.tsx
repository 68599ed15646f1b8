import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/components/admin/admin-forms";
import { KbImportForm, SdkSignatureForm, TrackerFactForm } from "@/components/knowledge-base/kb-forms";
import { Timestamp } from "@/components/ui/timestamp";
import { AppHeader } from "@/components/workspace/app-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { KB_LAYERS, TRACKER_CATEGORY_LABELS } from "@/lib/analyzer/kb/tracker-domains";
import { ACCOUNT_ROLE_LABELS } from "@/lib/roles";
import { EXODUS_ATTRIBUTION, KB_CSV_COLUMNS, KB_LAYER_LABELS } from "@/lib/schemas/knowledge-base";
import { listKnowledgeBase } from "@/lib/server/knowledge-base/list-knowledge-base";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { deleteSdkSignatureAction, deleteTrackerDomainAction, importExodusAction, importKbCsvAction, saveSdkSignatureAction, saveTrackerDomainAction } from "./actions";

export const metadata: Metadata = { title: "Tracker knowledge base" };

type Search = { q?: string; layer?: string; edit?: string; editSignature?: string };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function KnowledgeBasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const sp = await searchParams;
  const search: Search = { q: one(sp.q), layer: one(sp.layer), edit: one(sp.edit), editSignature: one(sp.editSignature) };
  const layer = (KB_LAYERS as readonly string[]).includes(search.layer ?? "") ? search.layer : undefined;
  const kb = await loadOr404(() => listKnowledgeBase(actor, { q: search.q, layer }));
  const editing = search.edit ? kb.rows.find((r) => (r.id ? r.id === search.edit : `shipped:${r.domain}` === search.edit)) : undefined;
  const editingSignature = search.editSignature
    ? kb.signatures.find((s) => (s.id ? s.id === search.editSignature : `shipped:${s.prefix}` === search.editSignature))
    : undefined;
  const hrefWith = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), ...(layer ? { layer } : {}), ...extra })}`;

  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin />
      <main className="mx-auto flex max-w-7xl flex-col gap-8 p-6">
        <PageHeader
          breadcrumb={
            <nav aria-label="Breadcrumb">
              <Link href="/admin" className="underline underline-offset-4">
                Administration
              </Link>{" "}
              / Tracker knowledge base
            </nav>
          }
          title="Tracker knowledge base"
          description="Who stands behind a tracker domain or an SDK, for every matter's capture and APK analyses. Our rows win over an imported CSV, which wins over the Exodus Privacy layer; a matter's own override wins over all in that matter. Each analysis records the KB version it used, so a change here makes the next analysis a new one and leaves earlier ones as they were."
        >
          <p className="text-sm">
            KB version now in force (without matter overrides): <Mono copy>{kb.version}</Mono>
          </p>
        </PageHeader>

        <section aria-labelledby="domains-heading" className="flex flex-col gap-4">
          <h2 id="domains-heading" className="text-lg font-semibold">
            Tracker domains
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3" role="search">
            <Field label="Search domain, organisation or parent" htmlFor="kb-q" className="min-w-72">
              <Input id="kb-q" name="q" type="search" defaultValue={search.q ?? ""} />
            </Field>
            <Field label="Layer" htmlFor="kb-layer">
              <Select id="kb-layer" name="layer" defaultValue={layer ?? ""}>
                <option value="">All layers</option>
                {KB_LAYERS.map((l) => (
                  <option key={l} value={l}>
                    {KB_LAYER_LABELS[l]}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" variant="outline">
              Search
            </Button>
          </form>
          {kb.truncated && <p className="text-sm text-muted-foreground">Showing the first 1,000 stored rows; narrow the search to see the rest.</p>}
          {kb.rows.length === 0 ? (
            <EmptyState headingLevel="h3" title="No tracker domains match" description="Clear the search, or add a row below." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Domain</TableHead>
                  <TableHead>Organisation</TableHead>
                  <TableHead>Parent</TableHead>
                  <TableHead>HQ</TableHead>
                  <TableHead>Category</TableHead>
                  <TableHead>Source</TableHead>
                  <TableHead>Checked on</TableHead>
                  <TableHead>Added by</TableHead>
                  <TableHead>Layer</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {kb.rows.map((r) => (
                  <TableRow key={`${r.id ?? "shipped"}-${r.layer}-${r.domain}`} data-testid={`kb-row-${r.domain}`}>
                    <TableCell>
                      <Mono>{r.domain}</Mono>
                    </TableCell>
                    <TableCell className="font-medium">{r.organisation}</TableCell>
                    <TableCell>{r.parent ?? "—"}</TableCell>
                    <TableCell>{r.country ?? "—"}</TableCell>
                    <TableCell>{TRACKER_CATEGORY_LABELS[r.category]}</TableCell>
                    <TableCell className="max-w-xs text-xs break-words">{r.source}</TableCell>
                    <TableCell className="whitespace-nowrap">{r.checkedOn ?? <span className="text-muted-foreground">not yet</span>}</TableCell>
                    <TableCell>{r.addedBy}</TableCell>
                    <TableCell>
                      <span className="flex flex-col gap-1">
                        <Badge variant={r.layer === "OURS" ? "info" : "outline"}>{KB_LAYER_LABELS[r.layer]}</Badge>
                        {r.id === null && <Badge variant="neutral">Shipped, read-only</Badge>}
                        {!r.inForce && <span className="text-xs text-muted-foreground">Outranked</span>}
                      </span>
                    </TableCell>
                    <TableCell className="text-right">
                      <span className="flex flex-col items-end gap-1">
                        {r.layer === "OURS" && (
                          <Link className="text-sm underline underline-offset-4" href={`${hrefWith({ edit: r.id ?? `shipped:${r.domain}` })}#row-form`}>
                            {r.id ? "Edit" : "Correct"}
                            <span className="sr-only"> {r.domain}</span>
                          </Link>
                        )}
                        {r.id && (
                          <ButtonForm
                            action={deleteTrackerDomainAction}
                            fields={{ id: r.id }}
                            label="Delete"
                            variant="destructive"
                            confirmText={`Delete ${r.domain} (${KB_LAYER_LABELS[r.layer]}) from the knowledge base? Later analyses no longer use it; earlier ones keep what they recorded.`}
                          />
                        )}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Card id="row-form">
            <CardHeader>
              <CardTitle as="h3">{editing ? `Edit ${editing.domain}` : "Add a tracker domain"}</CardTitle>
              <CardDescription>
                {editing && editing.id === null
                  ? "This row ships with Proofline. Saving stores a row of ours for the same domain, which replaces the shipped one."
                  : "Rows added here are ours: they win over an imported CSV and the Exodus layer, in every matter."}{" "}
                {editing && (
                  <Link href={hrefWith({})} className="underline underline-offset-4">
                    Add a new row instead
                  </Link>
                )}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <TrackerFactForm action={saveTrackerDomainAction} idPrefix="kb" initial={editing} editing={!!editing} submitLabel={editing ? "Save row" : "Add row"} />
            </CardContent>
          </Card>
        </section>

        <section aria-labelledby="signatures-heading" className="flex flex-col gap-4">
          <h2 id="signatures-heading" className="text-lg font-semibold">
            SDK signatures
          </h2>
          <p className="max-w-prose text-sm text-muted-foreground">A Java package prefix found in an app&apos;s code names the SDK that ships it (the APK analyzer uses these).</p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Package prefix</TableHead>
                <TableHead>Organisation</TableHead>
                <TableHead>SDK</TableHead>
                <TableHead>Category</TableHead>
                <TableHead>Source</TableHead>
                <TableHead>Added by</TableHead>
                <TableHead>Layer</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {kb.signatures.map((s) => (
                <TableRow key={`${s.id ?? "shipped"}-${s.layer}-${s.prefix}`}>
                  <TableCell>
                    <Mono>{s.prefix}</Mono>
                  </TableCell>
                  <TableCell className="font-medium">{s.organisation}</TableCell>
                  <TableCell>{s.sdk}</TableCell>
                  <TableCell>{s.category ? TRACKER_CATEGORY_LABELS[s.category] : "—"}</TableCell>
                  <TableCell className="max-w-xs text-xs break-words">{s.source}</TableCell>
                  <TableCell>{s.addedBy}</TableCell>
                  <TableCell>
                    <span className="flex flex-col gap-1">
                      <Badge variant={s.layer === "OURS" ? "info" : "outline"}>{KB_LAYER_LABELS[s.layer]}</Badge>
                      {s.id === null && <Badge variant="neutral">Shipped, read-only</Badge>}
                      {!s.inForce && <span className="text-xs text-muted-foreground">Outranked</span>}
                    </span>
                  </TableCell>
                  <TableCell className="text-right">
                    <span className="flex flex-col items-end gap-1">
                      {s.layer === "OURS" && (
                        <Link className="text-sm underline underline-offset-4" href={`${hrefWith({ editSignature: s.id ?? `shipped:${s.prefix}` })}#signature-form`}>
                          {s.id ? "Edit" : "Correct"}
                          <span className="sr-only"> {s.prefix}</span>
                        </Link>
                      )}
                      {s.id && (
                        <ButtonForm action={deleteSdkSignatureAction} fields={{ id: s.id }} label="Delete" variant="destructive" confirmText={`Delete the signature ${s.prefix} (${KB_LAYER_LABELS[s.layer]})?`} />
                      )}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Card id="signature-form">
            <CardHeader>
              <CardTitle as="h3">{editingSignature ? `Edit ${editingSignature.prefix}` : "Add an SDK signature"}</CardTitle>
            </CardHeader>
            <CardContent>
              <SdkSignatureForm
                action={saveSdkSignatureAction}
                initial={editingSignature ? { ...editingSignature, source: editingSignature.id ? editingSignature.source : "" } : undefined}
                editing={!!editingSignature}
              />
            </CardContent>
          </Card>
        </section>

        <section aria-labelledby="imports-heading" className="flex flex-col gap-4">
          <h2 id="imports-heading" className="text-lg font-semibold">
            Imports
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle as="h3">Import a CSV</CardTitle>
                <CardDescription>
                  Rows go into the Imported CSV layer (ours outrank them). One header row with the columns{" "}
                  {KB_CSV_COLUMNS.map((c, i) => (
                    <span key={c}>
                      {i > 0 && ", "}
                      <Mono>{c}</Mono>
                    </span>
                  ))}
                  . Required: domain, organisation, category ({Object.keys(TRACKER_CATEGORY_LABELS).join(", ")} or their words), source. Country is an ISO two-letter code, checked_on a date
                  (YYYY-MM-DD) or blank. Each row is checked on its own: good rows are saved, refused rows are listed in a report you can download. Importing the same file again adds
                  nothing twice (rows are matched by domain). Up to 5 MB and 50,000 rows.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <KbImportForm action={importKbCsvAction} idPrefix="kb-csv" accept=".csv,text/csv" label="CSV file" submitLabel="Import CSV" />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle as="h3">Import the Exodus Privacy tracker list</CardTitle>
                <CardDescription>
                  The tracker export JSON of Exodus Privacy. Literal hostnames become domain rows and literal Java package prefixes SDK signatures, in their own Exodus layer; patterns
                  that are not literal are skipped and listed. {EXODUS_ATTRIBUTION} Disconnect, DuckDuckGo and Ghostery lists are never imported (their licences forbid this use).
                </CardDescription>
              </CardHeader>
              <CardContent>
                <KbImportForm action={importExodusAction} idPrefix="kb-exodus" accept=".json,application/json" label="Exodus export (JSON)" submitLabel="Import Exodus list" />
              </CardContent>
            </Card>
          </div>
          {kb.imports.length === 0 ? (
            <EmptyState headingLevel="h3" title="Nothing imported yet" />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>File</TableHead>
                  <TableHead>Layer</TableHead>
                  <TableHead className="text-right">Rows</TableHead>
                  <TableHead className="text-right">Added</TableHead>
                  <TableHead className="text-right">Updated</TableHead>
                  <TableHead className="text-right">Unchanged</TableHead>
                  <TableHead className="text-right">Refused</TableHead>
                  <TableHead>By</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {kb.imports.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="whitespace-nowrap"><Timestamp value={i.createdAt} /></TableCell>
                    <TableCell>
                      {i.fileName} <Mono className="text-xs text-muted-foreground">{i.sha256.slice(0, 12)}…</Mono>
                    </TableCell>
                    <TableCell>{KB_LAYER_LABELS[i.layer]}</TableCell>
                    <TableCell className="text-right tabular-nums">{i.rows}</TableCell>
                    <TableCell className="text-right tabular-nums">{i.added}</TableCell>
                    <TableCell className="text-right tabular-nums">{i.updated}</TableCell>
                    <TableCell className="text-right tabular-nums">{i.unchanged}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {i.refused > 0 ? (
                        <a href={`/admin/knowledge-base/imports/${i.id}`} className="underline underline-offset-4" download>
                          {i.refused} (report)
                        </a>
                      ) : (
                        0
                      )}
                    </TableCell>
                    <TableCell>{i.by}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </main>
    </>
  );
}
