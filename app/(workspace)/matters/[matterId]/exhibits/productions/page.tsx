import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CheckCircle2, Download, FileDown, PackageOpen } from "lucide-react";
import { AutoRefresh } from "@/components/intake/auto-refresh";
import { ProductionForm } from "@/components/exhibits/production-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { batesLabel, batesRange, exhibitLabel } from "@/lib/bates/format";
import { CONFIDENTIALITY_LABELS, PRIVILEGE_LABELS } from "@/lib/schemas/exhibit";
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
  const { productions, exhibits, access, batesPrefix, nextBatesNumber, orders } = await loadOr404(() => listProductions(actor, matterId));
  const exportUrl = (format: "csv" | "pdf") => `/api/v1/matters/${matterId}/exhibits/exports/production-log.${format}`;
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
      {/* While a production's page images render, the page re-reads its state every few seconds. */}
      <AutoRefresh active={productions.some((p) => p.imageFormat !== null && !p.zipSha256 && !p.packagingError)} everyMs={5000} />
      {just && (
        <Alert variant="success" className="mb-4" icon={<CheckCircle2 aria-hidden />}>
          <AlertDescription>
            Produced “{just.name}”, {batesRange(just.batesPrefix, just.batesStart, just.batesEnd)}.{" "}
            {just.imageFormat && !just.zipSha256 && "Its page images are being rendered; the ZIP can be downloaded when the log below shows its SHA-256. "}
            <a className="font-medium underline" href={zipUrl(just.id)} data-testid="production-zip">
              Download the ZIP
            </a>
          </AlertDescription>
        </Alert>
      )}

      <section aria-labelledby="made-heading" className="mb-10">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="made-heading" className="text-lg font-semibold">
            Production log
          </h2>
          {productions.length > 0 && (
            <div className="flex gap-2" data-print="hide">
              <Button asChild size="sm" variant="outline">
                <a href={exportUrl("csv")}>
                  <FileDown aria-hidden /> Log as CSV
                </a>
              </Button>
              <Button asChild size="sm" variant="outline">
                <a href={exportUrl("pdf")}>
                  <FileDown aria-hidden /> Log as PDF
                </a>
              </Button>
            </div>
          )}
        </div>
        {productions.length === 0 ? (
          <EmptyState icon={<PackageOpen />} headingLevel="h3" title="No productions yet" description="Choose exhibits below to make the first one." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Volume</TableHead>
                <TableHead>Produced to</TableHead>
                <TableHead>Bates range</TableHead>
                <TableHead className="text-right">Docs</TableHead>
                <TableHead>Under</TableHead>
                <TableHead>By, when</TableHead>
                <TableHead>ZIP SHA-256</TableHead>
                <TableHead>
                  <span className="sr-only">Download</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {productions.map((p) => (
                <TableRow key={p.id} data-testid="production-row">
                  <TableCell>
                    <div className="font-mono text-xs">{p.volume ?? "—"}</div>
                    <div className="font-medium">{p.name}</div>
                  </TableCell>
                  <TableCell className="max-w-48 text-sm">{p.producedTo ?? <span className="text-muted-foreground">not recorded</span>}</TableCell>
                  <TableCell>
                    <Mono copy>{batesRange(p.batesPrefix, p.batesStart, p.batesEnd)}</Mono>
                  </TableCell>
                  <TableCell className="text-right text-sm tabular-nums">
                    <div>{p._count.items}</div>
                    {p.privilegedItems > 0 && <div className="whitespace-nowrap text-xs">{p.privilegedItems} privileged</div>}
                    {p.confidentialItems > 0 && <div className="whitespace-nowrap text-xs text-muted-foreground">{p.confidentialItems} confidential</div>}
                  </TableCell>
                  <TableCell className="max-w-64 text-xs">
                    <div>502(d): {p.fre502dOrder ?? <span className="text-muted-foreground">none recorded</span>}</div>
                    <div>Protective order: {p.protectiveOrder ?? <span className="text-muted-foreground">none recorded</span>}</div>
                    {p.privilegeOverrideReason && <div className="mt-1">Privilege override: {p.privilegeOverrideReason}</div>}
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{p.createdBy.name}</div>
                    <div className="whitespace-nowrap text-xs text-muted-foreground"><Timestamp value={p.createdAt} /></div>
                    {p.auditEventId !== null && <div className="text-xs text-muted-foreground">audit event #{p.auditEventId.toString()}</div>}
                  </TableCell>
                  <TableCell>
                    {p.zipSha256 ? (
                      <Mono copy value={p.zipSha256} copyLabel="Copy the ZIP's SHA-256" className="text-xs" title={`SHA-256 ${p.zipSha256} · MD5 ${p.zipMd5 ?? ""}`} data-testid="production-zip-sha256">
                        {`${p.zipSha256.slice(0, 16)}…`}
                      </Mono>
                    ) : p.packagingError ? (
                      <span className="text-xs text-destructive" data-testid="production-packaging-error">
                        Page images failed: {p.packagingError}
                      </span>
                    ) : p.imageFormat ? (
                      <span className="text-xs text-muted-foreground" data-testid="production-rendering">
                        Rendering page images…
                      </span>
                    ) : (
                      <span className="text-xs text-muted-foreground">packaged on first download</span>
                    )}
                    {p.imageFormat && <div className="text-xs text-muted-foreground">300 DPI {p.imageFormat === "TIFF" ? "TIFF G4 / JPEG" : "JPEG"} page images</div>}
                  </TableCell>
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
            nextVolume={`VOL${String(productions.length + 1).padStart(3, "0")}`}
            orders={orders}
            submissionKey={randomUUID()}
            certificationUrl={`/api/v1/matters/${matterId}/exhibits/exports/certification.pdf`}
            exhibits={exhibits.map((e) => ({
              id: e.id,
              label: exhibitLabel(e.prefix, e.number),
              title: e.title,
              kind: e.kind,
              privileged: e.privilege !== "NONE",
              privilege: e.privilege !== "NONE" ? PRIVILEGE_LABELS[e.privilege] : "",
              confidential: e.confidentiality !== "PUBLIC",
              confidentiality: CONFIDENTIALITY_LABELS[e.confidentiality],
              pages: e.pageCount ? String(e.pageCount) : "1 (native)",
              produced: e.batesStart ? batesRange(batesPrefix, e.batesStart, e.batesEnd) : "",
            }))}
          />
        )}
      </section>
    </div>
  );
}
