import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { ClaimActionDialog } from "@/components/claims/claim-action-dialog";
import { ClaimStatusBadge } from "@/components/claims/claim-status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Textarea } from "@/components/ui/textarea";
import { Timestamp } from "@/components/ui/timestamp";
import { formatCalendarDate } from "@/lib/claims/dates";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { getOptOut } from "@/lib/server/settlement/get-opt-out";
import { MATCH_BASIS_LABELS, type MatchBasis } from "@/lib/settlement/responses";
import { revokeOptOutAction } from "../actions";

export const metadata: Metadata = { title: "Opt-out" };

export default async function OptOutPage({ params }: { params: Promise<{ matterId: string; optOutId: string }> }) {
  const { matterId, optOutId } = await params;
  const actor = await pageActor();
  const { optOut: o, access } = await loadOr404(() => getOptOut(actor, matterId, optOutId));
  const basis = (b: string[]) => b.map((x) => MATCH_BASIS_LABELS[x as MatchBasis]?.toLowerCase() ?? x).join(", ");
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/claims/opt-outs`} className="hover:underline">
            Opt-outs
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            Opt-out <Mono copy>{o.number}</Mono>
            <Badge variant={o.timely ? "outline" : "warning"}>{o.timely ? "Timely" : "Late"}</Badge>
            {o.status === "REVOKED" && <Badge variant="neutral">Revoked</Badge>}
          </span>
        }
        description={<>Received <Timestamp value={o.createdAt} /> from {o.attestationIp ?? "an unknown IP"}.</>}
        actions={
          o.status === "ACTIVE" && access.can("opt-outs.revoke") ? (
            <div data-print="hide">
              <ClaimActionDialog
                label="Mark revoked"
                destructive
                title={`Mark opt-out ${o.number} revoked?`}
                description="Record that the class member withdrew the request: they are back in the class. The request and its flags stay on record."
                confirmLabel="Mark revoked"
                labels={{ reason: "Reason" }}
                action={revokeOptOutAction.bind(null, matterId, o.id)}
              >
                <Field label="Reason (how and when the member withdrew it)" htmlFor="revoke-reason" required>
                  <Textarea id="revoke-reason" name="reason" rows={3} />
                </Field>
              </ClaimActionDialog>
            </div>
          ) : undefined
        }
      />
      {o.status === "REVOKED" && (
        <Alert variant="info" className="mb-4">
          <AlertTitle>Revoked <Timestamp value={o.revokedAt} />{o.revokedBy ? ` by ${o.revokedBy.name}` : ""}</AlertTitle>
          <AlertDescription>{o.revokedReason}</AlertDescription>
        </Alert>
      )}
      {(o.matches.length > 0 || o.objections.length > 0) && (
        <Alert variant="warning" className="mb-4" icon={<AlertTriangle aria-hidden />} data-testid="opt-out-flagged">
          <AlertTitle>Flagged for review</AlertTitle>
          <AlertDescription>
            {o.matches.length > 0 && "The same person filed a claim: review it before deciding (nothing was rejected automatically). "}
            {o.objections.length > 0 && "The same person filed an objection, which an excluded person cannot make."}
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="person-h">
          <h2 id="person-h" className="mb-2 text-lg font-semibold">
            Class member
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{o.fullName}</dd>
            <dt className="text-muted-foreground">Date of birth</dt>
            <dd>{o.dateOfBirth ? formatCalendarDate(o.dateOfBirth) : "—"}</dd>
            <dt className="text-muted-foreground">E-mail</dt>
            <dd>{o.email}</dd>
            <dt className="text-muted-foreground">Phone</dt>
            <dd>{o.phone ?? "—"}</dd>
            <dt className="text-muted-foreground">Address</dt>
            <dd>
              {o.addressLine1}
              {o.addressLine2 ? `, ${o.addressLine2}` : ""}, {o.city}, {o.state} {o.zip}
            </dd>
            <dt className="text-muted-foreground">Signed</dt>
            <dd>
              “{o.attestationName}” at <Timestamp value={o.attestedAt} />
            </dd>
            <dt className="text-muted-foreground">Statement</dt>
            <dd>{o.attestationText}</dd>
          </dl>
        </section>
        <section aria-labelledby="matches-h">
          <h2 id="matches-h" className="mb-2 text-lg font-semibold">
            Same person elsewhere
          </h2>
          {o.matches.length === 0 && o.objections.length === 0 ? (
            <p className="text-sm text-muted-foreground">No claim or objection by the same name with the same e-mail, address or date of birth.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {o.matches.map((m) => (
                <li key={m.claimId} className="flex flex-wrap items-center gap-2" data-testid="matched-claim">
                  Claim
                  <Link href={`/matters/${matterId}/claims/${m.claim.id}`} className="text-primary hover:underline">
                    <Mono>{m.claim.number}</Mono>
                  </Link>
                  <ClaimStatusBadge status={m.claim.status} />
                  <span className="text-muted-foreground">
                    {m.claim.claimant.fullName}; same name and {basis(m.basis)}
                  </span>
                </li>
              ))}
              {o.objections.map((x) => (
                <li key={x.id} className="flex flex-wrap items-center gap-2">
                  Objection
                  <Link href={`/matters/${matterId}/claims/objections/${x.id}`} className="text-primary hover:underline">
                    <Mono>{x.number}</Mono>
                  </Link>
                  <span className="text-muted-foreground">received <Timestamp value={x.createdAt} /></span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
