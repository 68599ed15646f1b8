import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/components/admin/admin-forms";
import { TrackerFactForm } from "@/components/knowledge-base/kb-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { TRACKER_CATEGORY_LABELS } from "@/lib/analyzer/kb/tracker-domains";
import { KB_LAYER_LABELS } from "@/lib/schemas/knowledge-base";
import { listTrackerOverrides } from "@/lib/server/network/list-tracker-overrides";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { clearTrackerOverrideAction, setTrackerOverrideAction } from "./actions";

export const metadata: Metadata = { title: "Knowledge base for this matter" };

export default async function MatterKnowledgeBasePage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { matterId } = await params;
  const edit = (await searchParams).edit;
  const actor = await pageActor();
  const kb = await loadOr404(() => listTrackerOverrides(actor, matterId));
  const editing = typeof edit === "string" ? kb.overrides.find((o) => o.domain === edit) : undefined;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        breadcrumb={
          <nav aria-label="Breadcrumb">
            <Link href={`/matters/${matterId}/data-flows`} className="underline underline-offset-4">
              Data flows
            </Link>{" "}
            / Knowledge base
          </nav>
        }
        title="Knowledge base for this matter"
        description="A fact set here (who stands behind a domain, where, what it does, and the source) wins over every global layer, for this matter only. The matter's next analyses record a new KB version; earlier analyses keep the one they used. Every change is in the matter's audit log."
      >
        <p className="text-sm">
          KB version this matter&apos;s next analysis records: <Mono copy>{kb.version}</Mono>
        </p>
      </PageHeader>

      <section aria-labelledby="overrides-heading" className="flex flex-col gap-4">
        <h2 id="overrides-heading" className="text-lg font-semibold">
          This matter&apos;s own facts
        </h2>
        {kb.overrides.length === 0 ? (
          <EmptyState headingLevel="h3" title="No overrides" description="Every domain is read from the global knowledge base." />
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
                <TableHead>Replaces</TableHead>
                <TableHead>Set by</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {kb.overrides.map((o) => (
                <TableRow key={o.id} data-testid={`override-${o.domain}`}>
                  <TableCell>
                    <Mono>{o.domain}</Mono>
                  </TableCell>
                  <TableCell className="font-medium">{o.organisation}</TableCell>
                  <TableCell>{o.parent ?? "—"}</TableCell>
                  <TableCell>{o.country ?? "—"}</TableCell>
                  <TableCell>{TRACKER_CATEGORY_LABELS[o.category]}</TableCell>
                  <TableCell className="max-w-xs text-xs break-words">{o.source}</TableCell>
                  <TableCell className="whitespace-nowrap">{o.checkedOn ?? <span className="text-muted-foreground">not yet</span>}</TableCell>
                  <TableCell>
                    {o.replaces ? (
                      <span className="flex flex-col gap-1">
                        <span>
                          {o.replaces.organisation} <span className="text-muted-foreground">({o.replaces.domain})</span>
                        </span>
                        <Badge variant="outline">{KB_LAYER_LABELS[o.replaces.layer]}</Badge>
                      </span>
                    ) : (
                      <span className="text-muted-foreground">Nothing: not in the global KB</span>
                    )}
                  </TableCell>
                  <TableCell>
                    {o.setBy}
                    <div className="text-xs text-muted-foreground"><Timestamp value={o.updatedAt} /></div>
                  </TableCell>
                  <TableCell className="text-right">
                    {kb.canEdit && (
                      <span className="flex flex-col items-end gap-1">
                        <Link className="text-sm underline underline-offset-4" href={`?edit=${encodeURIComponent(o.domain)}#override-form`}>
                          Edit<span className="sr-only"> {o.domain}</span>
                        </Link>
                        <ButtonForm
                          action={clearTrackerOverrideAction.bind(null, matterId)}
                          fields={{ domain: o.domain }}
                          label="Clear"
                          variant="destructive"
                          confirmText={`Clear this matter's fact for ${o.domain}? The global knowledge base applies again in later analyses.`}
                        />
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      {kb.canEdit && (
        <Card id="override-form">
          <CardHeader>
            <CardTitle as="h2">{editing ? `Edit ${editing.domain} for this matter` : "Set a fact for this matter"}</CardTitle>
            <CardDescription>Entering a domain that already has a fact here replaces it (the audit log keeps both).</CardDescription>
          </CardHeader>
          <CardContent>
            <TrackerFactForm action={setTrackerOverrideAction.bind(null, matterId)} idPrefix="override" initial={editing} editing={!!editing} submitLabel="Save for this matter" />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
