import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { ClaimDocumentLink } from "@/components/claims/claim-document-link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { getObjection } from "@/lib/server/settlement/get-objection";

export const metadata: Metadata = { title: "Objection" };

export default async function ObjectionPage({ params }: { params: Promise<{ matterId: string; objectionId: string }> }) {
  const { matterId, objectionId } = await params;
  const actor = await pageActor();
  const { objection: o } = await loadOr404(() => getObjection(actor, matterId, objectionId));
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/claims/objections`} className="hover:underline">
            Objections
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            Objection <Mono copy>{o.number}</Mono>
            <Badge variant={o.timely ? "outline" : "warning"}>{o.timely ? "Timely" : "Late"}</Badge>
          </span>
        }
        description={<>Received <Timestamp value={o.createdAt} /> from {o.attestationIp ?? "an unknown IP"}.</>}
      />
      {o.optOut && (
        <Alert variant="warning" className="mb-4" icon={<AlertTriangle aria-hidden />} data-testid="objection-opted-out">
          <AlertTitle>Flagged: the objector asked to be excluded</AlertTitle>
          <AlertDescription>
            Same name and e-mail or address as opt-out{" "}
            <Link href={`/matters/${matterId}/claims/opt-outs/${o.optOut.id}`} className="text-primary hover:underline">
              <Mono>{o.optOut.number}</Mono>
            </Link>
            {o.optOut.status === "REVOKED" ? ", since revoked." : ". An excluded person cannot object; the objection is kept for counsel to address."}
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="objector-h">
          <h2 id="objector-h" className="mb-2 text-lg font-semibold">
            Objector
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{o.fullName}</dd>
            <dt className="text-muted-foreground">E-mail</dt>
            <dd>{o.email}</dd>
            <dt className="text-muted-foreground">Address</dt>
            <dd>
              {o.addressLine1}
              {o.addressLine2 ? `, ${o.addressLine2}` : ""}, {o.city}, {o.state} {o.zip}
            </dd>
            <dt className="text-muted-foreground">Counsel</dt>
            <dd>{o.represented ? (o.counselName ?? "Represented") : "Not represented"}</dd>
            <dt className="text-muted-foreground">At the hearing</dt>
            <dd>{o.appearAtHearing ? "Intends to appear" : "Does not intend to appear"}</dd>
            <dt className="text-muted-foreground">Signed</dt>
            <dd>
              “{o.attestationName}” at <Timestamp value={o.attestedAt} />
            </dd>
            <dt className="text-muted-foreground">Statement</dt>
            <dd>{o.attestationText}</dd>
            <dt className="text-muted-foreground">Document</dt>
            <dd>
              {o.document ? (
                <span className="flex flex-wrap items-center gap-2">
                  <ClaimDocumentLink href={`/matters/${matterId}/claims/objections/${o.id}/document`} filename={o.documentFilename ?? `${o.number}.pdf`} />
                  <Mono value={o.document.sha256} title={`SHA-256 ${o.document.sha256}`}>
                    {o.document.sha256.slice(0, 12)}…
                  </Mono>
                </span>
              ) : (
                "—"
              )}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="grounds-h">
          <h2 id="grounds-h" className="mb-2 text-lg font-semibold">
            Grounds
          </h2>
          <p className="whitespace-pre-wrap text-sm" data-testid="objection-grounds">
            {o.grounds}
          </p>
        </section>
      </div>
    </div>
  );
}
