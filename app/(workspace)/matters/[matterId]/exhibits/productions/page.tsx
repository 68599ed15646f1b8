import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CheckCircle2, Download, PackageOpen } from "lucide-react";
import { ProductionForm } from "@/components/exhibits/production-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { batesLabel, batesRange, exhibitLabel } from "@/lib/bates/format";
import { formatDateTime } from "@/lib/format";
import { listProductions } from "@/lib/server/exhibits/list-productions";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createProductionAction } from "../actions";
import { ZCreatedQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Productions" };

export default async function ProductionsPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterId } = await params;
  const { created } = parseSearchParams(ZCreatedQuery, await searchParams);
  const actor = await pageActor();
  const { productions, exhibits, access, batesPrefix, nextBatesNumber } = await loadOr404(() => listProductions(actor, matterId));
  const zipUrl = (id: string) => `/api/v1/matters/${matterId}/exhibits/productions/${id}/zip`;
  const just = productions.find((p) => p.id === created);

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/exhibits`} className="hover:underline">
            Exhibits
          </Link>
        }
        title="Productions"
        description={`Bates-stamped sets for opposing counsel. Numbers continue the matter's sequence: the next is ${batesLabel(batesPrefix, nextBatesNumber)}.`}
      />
      {just && (
        <Alert variant="success" className="mb-4" icon={<CheckCircle2 aria-hidden />}>
          <AlertDescription>
            Produced “{just.name}”, {batesRange(just.batesPrefix, just.batesStart, just.batesEnd)}.{" "}
            <a className="font-medium underline" href={zipUrl(just.id)} data-testid="production-zip">
              Download the ZIP
            </a>
          </AlertDescription>
        </Alert>
      )}

      <section aria-labelledby="made-heading" className="mb-10">
        <h2 id="made-heading" className="mb-2 text-lg font-semibold">
          Made so far
        </h2>
        {productions.length === 0 ? (
          <EmptyState icon={<PackageOpen />} headingLevel="h3" title="No productions yet" description="Choose exhibits below to make the first one." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Bates range</TableHead>
                <TableHead className="text-right">Exhibits</TableHead>
                <TableHead>By</TableHead>
                <TableHead>When</TableHead>
                <TableHead>Privilege override</TableHead>
                <TableHead>
                  <span className="sr-only">Download</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {productions.map((p) => (
                <TableRow key={p.id} data-testid="production-row">
                  <TableCell className="font-medium">{p.name}</TableCell>
                  <TableCell>
                    <Mono copy>{batesRange(p.batesPrefix, p.batesStart, p.batesEnd)}</Mono>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{p._count.items}</TableCell>
                  <TableCell>{p.createdBy.name}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(p.createdAt)}</TableCell>
                  <TableCell className="max-w-xs truncate text-sm">{p.privilegeOverrideReason ?? "—"}</TableCell>
                  <TableCell>
                    <Button asChild size="sm" variant="outline">
                      <a href={zipUrl(p.id)}>
                        <Download aria-hidden /> ZIP
                      </a>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="new-heading">
        <h2 id="new-heading" className="mb-2 text-lg font-semibold">
          New production
        </h2>
        {exhibits.length === 0 ? (
          <EmptyState icon={<PackageOpen />} headingLevel="h3" title="Nothing to produce yet" description="Upload exhibits first." />
        ) : (
          <ProductionForm
            action={createProductionAction.bind(null, matterId)}
            canProducePrivileged={access.can("exhibits.produce-privileged")}
            nextBates={batesLabel(batesPrefix, nextBatesNumber)}
            submissionKey={randomUUID()}
            certificationUrl={`/api/v1/matters/${matterId}/exhibits/exports/certification.pdf`}
            exhibits={exhibits.map((e) => ({
              id: e.id,
              label: exhibitLabel(e.prefix, e.number),
              title: e.title,
              kind: e.kind,
              privileged: e.privilege !== "NONE",
              pages: e.pageCount ? String(e.pageCount) : "1 (native)",
              produced: e.batesStart ? batesRange(batesPrefix, e.batesStart, e.batesEnd) : "",
            }))}
          />
        )}
      </section>
    </div>
  );
}
