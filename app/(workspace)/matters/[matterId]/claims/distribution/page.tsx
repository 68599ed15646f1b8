import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CheckCircle2, Lock } from "lucide-react";
import { ClaimActionDialog } from "@/components/claims/claim-action-dialog";
import { DistributionForm } from "@/components/distribution/distribution-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { Timestamp } from "@/components/ui/timestamp";
import { formatCents } from "@/lib/distribution/plan";
import { DISTRIBUTION_STATUS_LABELS, MINIMUM_MODE_LABELS, MINIMUM_MODES } from "@/lib/schemas/distribution";
import { getDistribution } from "@/lib/server/distribution/get-distribution";
import { getPaymentFileSummary } from "@/lib/server/distribution/get-payment-file-summary";
import { PAYMENT_METHOD_LABELS, REISSUE_REASON_LABELS } from "@/lib/payments/payment-details";
import { PAYOUTS_WEB_MAX_ROWS, payoutPartCount } from "@/lib/payments/payouts";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { computeDistributionAction, importPaymentStatusAction, lockDistributionAction } from "./actions";
import { PaymentStatusImportForm } from "@/components/distribution/payment-status-import-form";
import { Button } from "@/components/ui/button";
import { getReissueQueue } from "@/lib/server/distribution/get-reissue-queue";

export const metadata: Metadata = { title: "Distribution" };

const plain = (cents: bigint) => formatCents(cents).replace("$", "");
const n = (x: number) => x.toLocaleString("en-US");

export default async function DistributionPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const { access, run, subclasses } = await loadOr404(() => getDistribution(actor, matterId));
  const locked = run?.status === "LOCKED";
  const payments = run && locked ? await getPaymentFileSummary(actor, matterId, run.id) : null;
  const queue = run && locked ? await getReissueQueue(actor, matterId, run.id) : null;
  const coded = subclasses.filter((s): s is { subclass: string; count: number } => s.subclass !== null).map((s) => ({ code: s.subclass, count: s.count }));
  const unclassified = subclasses.find((s) => s.subclass === null)?.count ?? 0;
  const defaults: Record<string, string> = run
    ? {
        grossFund: plain(run.grossFundCents),
        attorneysFees: plain(run.attorneysFeesCents),
        costs: plain(run.costsCents),
        adminCosts: plain(run.adminCostsCents),
        minimumPayment: plain(run.minimumPaymentCents),
        minimumMode: run.minimumMode,
        defaultWeight: String(run.defaultWeight),
        ...Object.fromEntries(Object.entries(run.weights).map(([k, v]) => [`weight:${k}`, String(v)])),
      }
    : { minimumPayment: "0.00", defaultWeight: "1", ...(coded.some((s) => s.code === "ILLINOIS") ? { "weight:ILLINOIS": "5" } : {}) };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={
          <nav aria-label="Breadcrumb">
            <Link href={`/matters/${matterId}/claims`} className="underline">
              Claims
            </Link>{" "}
            / Distribution
          </nav>
        }
        title="Distribution"
        description="The plan of allocation: the net settlement fund shared among every approved claim by weight, with a minimum payment. Amounts are exact to the cent; the cents pro-rata shares leave over go to the largest remainders."
      />

      {run ? (
        <section aria-labelledby="run-heading" className="mb-8 grid gap-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="run-heading" className="text-lg font-semibold">
              {locked ? "Locked distribution" : "Preview"}
            </h2>
            <Badge variant={locked ? "lock" : "info"}>
              {locked && <Lock aria-hidden />}
              {DISTRIBUTION_STATUS_LABELS[run.status]}
            </Badge>
            <span className="text-sm text-muted-foreground">
              Computed <Timestamp value={run.createdAt} /> by {run.createdBy.name ?? run.createdBy.email} over {n(run.claimCount)} approved claims in {(run.computeMs / 1000).toFixed(1)} s
            </span>
          </div>
          {locked ? (
            <Alert variant="success">
              <Lock aria-hidden />
              <AlertTitle>Locked <Timestamp value={run.lockedAt} /> by {run.lockedBy?.name ?? run.lockedBy?.email}</AlertTitle>
              <AlertDescription>Reason: {run.lockReason}. These payments can no longer change.</AlertDescription>
            </Alert>
          ) : access.can("distribution.lock") ? (
            <div>
              <ClaimActionDialog
                label="Lock distribution"
                title="Lock this distribution"
                description={`Fixes the payment of each of the ${n(run.claimCount)} approved claims as previewed. Nothing about it can change afterwards.`}
                confirmLabel="Lock distribution"
                labels={{ reason: "Reason" }}
                action={lockDistributionAction.bind(null, matterId, run.id)}
              >
                <Field label="Reason (kept in the audit trail)" htmlFor="lock-reason" required>
                  <Textarea id="lock-reason" name="reason" rows={3} placeholder="e.g. Final approval order entered; plan of allocation approved." />
                </Field>
              </ClaimActionDialog>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">An attorney on the matter locks the distribution once the preview is right.</p>
          )}

          <div className="grid gap-6 lg:grid-cols-2">
            <Table aria-label="Net settlement fund">
              <TableBody>
                <Row label="Gross settlement fund" cents={run.grossFundCents} />
                <Row label="Less attorneys' fees" cents={-run.attorneysFeesCents} />
                <Row label="Less litigation costs" cents={-run.costsCents} />
                <Row label="Less administration costs" cents={-run.adminCostsCents} />
                <Row label="Net settlement fund" cents={run.netFundCents} strong />
                <Row label={`Allocated to ${n(run.paidCount)} claims`} cents={run.allocatedCents} />
                <Row label="Residue (not allocated)" cents={run.residueCents} />
              </TableBody>
            </Table>
            <div className="grid content-start gap-3">
              <p className="flex items-center gap-2 text-sm" data-testid="reconciled">
                <CheckCircle2 aria-hidden className="size-4 text-success-fg" />
                Reconciled: allocations {formatCents(run.allocatedCents)} + residue {formatCents(run.residueCents)} = net fund {formatCents(run.netFundCents)}
              </p>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <Stat label="Approved claims" value={n(run.claimCount)} />
                <Stat label="Paid" value={n(run.paidCount)} />
                <Stat label="Raised to minimum" value={n(run.raisedCount)} />
                <Stat label="Dropped under minimum" value={n(run.droppedCount)} />
                <Stat label="Minimum payment" value={formatCents(run.minimumPaymentCents)} />
                <Stat label="Under the minimum" value={run.minimumMode === "RAISE_TO_FLOOR" ? "Raised" : "Dropped"} />
                <Stat label="Smallest payment" value={run.minPaymentCents === null ? "—" : formatCents(run.minPaymentCents)} />
                <Stat label="Median payment" value={run.medianPaymentCents === null ? "—" : formatCents(run.medianPaymentCents)} />
                <Stat label="Largest payment" value={run.maxPaymentCents === null ? "—" : formatCents(run.maxPaymentCents)} />
              </dl>
            </div>
          </div>

          <Table aria-label="Totals per subclass">
            <TableHeader>
              <TableRow>
                <TableHead>Subclass</TableHead>
                <TableHead className="text-right">Weight</TableHead>
                <TableHead className="text-right">Claims</TableHead>
                <TableHead className="text-right">Paid</TableHead>
                <TableHead className="text-right">Raised</TableHead>
                <TableHead className="text-right">Dropped</TableHead>
                <TableHead className="text-right">Total</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.bySubclass.map((s) => (
                <TableRow key={s.subclass ?? ""}>
                  <TableCell>{s.subclass ?? <span className="text-muted-foreground">No subclass</span>}</TableCell>
                  <TableCell className="text-right font-mono">{s.weight}</TableCell>
                  <TableCell className="text-right font-mono">{n(s.claims)}</TableCell>
                  <TableCell className="text-right font-mono">{n(s.paid)}</TableCell>
                  <TableCell className="text-right font-mono">{n(s.raised)}</TableCell>
                  <TableCell className="text-right font-mono">{n(s.dropped)}</TableCell>
                  <TableCell className="text-right">
                    <Mono>{formatCents(BigInt(s.totalCents))}</Mono>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {payments && run && (
            <section aria-labelledby="payments-heading" className="grid gap-3" data-testid="payment-files">
              <h3 id="payments-heading" className="text-base font-semibold">
                Payment files
              </h3>
              <p className="text-sm text-muted-foreground">
                One file per payment method, at the locked amounts: ACH as a NACHA file for the bank, PayPal and Venmo in PayPal&apos;s Payouts upload layout, checks as a mailing file. PayPal
                takes at most {n(PAYOUTS_WEB_MAX_ROWS)} payments per upload, so a larger PayPal or Venmo file comes as a ZIP of numbered upload files with a manifest of each one&apos;s
                payments and total.
                {access.can("payments.export") ? " Each download is recorded in the audit trail." : " Only an attorney can download them."}
              </p>
              {payments.missing.payments > 0 && (
                <Alert variant="warning" data-testid="missing-payment-details">
                  <AlertTitle>
                    {n(payments.missing.payments)} paid {payments.missing.payments === 1 ? "claim has" : "claims have"} no payment details
                  </AlertTitle>
                  <AlertDescription>
                    {formatCents(payments.missing.totalCents)} is in no payment file until those members give their payment details. They can still give them on their claim page;
                    each payment then joins the re-issue queue below and the next re-issue file of its method pays it.
                  </AlertDescription>
                </Alert>
              )}
              <Table aria-label="Payment files">
                <TableHeader>
                  <TableRow>
                    <TableHead>Method</TableHead>
                    <TableHead className="text-right">Payments</TableHead>
                    <TableHead className="text-right">Total</TableHead>
                    <TableHead>File</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {payments.byMethod.map((m) => (
                    <TableRow key={m.method}>
                      <TableCell>{PAYMENT_METHOD_LABELS[m.method]}</TableCell>
                      <TableCell className="text-right font-mono">{n(m.payments)}</TableCell>
                      <TableCell className="text-right">
                        <Mono>{formatCents(m.totalCents)}</Mono>
                      </TableCell>
                      <TableCell>
                        {access.can("payments.export") ? (
                          <a href={`/matters/${matterId}/claims/distribution/${run.id}/payments/${m.method}`} className="text-primary underline" download>
                            Download {fileKind(m.method, m.payments)}
                          </a>
                        ) : (
                          <span className="text-muted-foreground">Attorney only</span>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell>No payment details</TableCell>
                    <TableCell className="text-right font-mono">{n(payments.missing.payments)}</TableCell>
                    <TableCell className="text-right">
                      <Mono>{formatCents(payments.missing.totalCents)}</Mono>
                    </TableCell>
                    <TableCell className="text-muted-foreground">Not paid</TableCell>
                  </TableRow>
                  {payments.reissue.payments > 0 && (
                    <TableRow>
                      <TableCell>Re-issue queue or re-issued</TableCell>
                      <TableCell className="text-right font-mono">{n(payments.reissue.payments)}</TableCell>
                      <TableCell className="text-right">
                        <Mono>{formatCents(payments.reissue.totalCents)}</Mono>
                      </TableCell>
                      <TableCell className="text-muted-foreground">Re-issue files, below</TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
            </section>
          )}
          {queue && run && (
            <section aria-labelledby="status-heading" className="grid gap-3" data-testid="reissue-queue">
              <h3 id="status-heading" className="text-base font-semibold">
                Payment status and re-issue queue
              </h3>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-5">
                <Stat label="Pending" value={`${n(queue.statuses.pending.count)} · ${formatCents(queue.statuses.pending.totalCents)}`} />
                <Stat label="Paid" value={`${n(queue.statuses.paid.count)} · ${formatCents(queue.statuses.paid.totalCents)}`} />
                <Stat label="Failed" value={`${n(queue.statuses.failed.count)} · ${formatCents(queue.statuses.failed.totalCents)}`} />
                <Stat label="Returned" value={`${n(queue.statuses.returned.count)} · ${formatCents(queue.statuses.returned.totalCents)}`} />
                <Stat label="Waiting for re-issue" value={`${n(queue.queued.count)} · ${formatCents(queue.queued.totalCents)}`} />
              </dl>
              {access.can("payments.reconcile") && <PaymentStatusImportForm action={importPaymentStatusAction.bind(null, matterId, run.id)} />}
              {queue.items.length === 0 ? (
                <p className="text-sm text-muted-foreground">No payment is waiting to be re-issued.</p>
              ) : (
                <>
                  <Table aria-label="Re-issue queue">
                    <TableHeader>
                      <TableRow>
                        <TableHead>Claim</TableHead>
                        <TableHead className="text-right">Amount</TableHead>
                        <TableHead>Waiting because</TableHead>
                        <TableHead>Reason</TableHead>
                        <TableHead>Payment method now</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {queue.items.map((q) => (
                        <TableRow key={q.claimId}>
                          <TableCell>
                            <Link href={`/matters/${matterId}/claims/${q.claimId}`} className="text-primary hover:underline">
                              <Mono>{q.number}</Mono>
                            </Link>
                          </TableCell>
                          <TableCell className="text-right">
                            <Mono>{formatCents(q.amountCents)}</Mono>
                          </TableCell>
                          <TableCell>
                            {REISSUE_REASON_LABELS[q.queuedFor]} {q.since && <span className="text-muted-foreground"><Timestamp value={q.since} /></span>}
                          </TableCell>
                          <TableCell>{q.queuedFor === "DETAILS_AFTER_LOCK" ? <span className="text-muted-foreground">No payment details at the lock</span> : q.reason}</TableCell>
                          <TableCell>
                            {q.method ? PAYMENT_METHOD_LABELS[q.method] : "—"}
                            {q.detailsChangedSince && <span className="text-muted-foreground"> (changed by the member since)</span>}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  {queue.queued.count > queue.items.length && (
                    <p className="text-sm text-muted-foreground">
                      Showing the oldest {n(queue.items.length)} of {n(queue.queued.count)} waiting payments; the re-issue files take them all.
                    </p>
                  )}
                  {access.can("payments.export") && (
                    <div className="flex flex-wrap gap-2">
                      {queue.queued.methods.map((m) => (
                        <form key={m} method="post" action={`/matters/${matterId}/claims/distribution/${run.id}/payments/${m}/reissue`}>
                          <Button type="submit" variant="outline">
                            Re-issue file: {PAYMENT_METHOD_LABELS[m]}
                          </Button>
                        </form>
                      ))}
                      <p className="w-full text-sm text-muted-foreground">
                        A re-issue file takes the queue&apos;s payments of that method and marks them pending again (audited); over {n(PAYOUTS_WEB_MAX_ROWS)} PayPal or Venmo payments it
                        comes as a ZIP of upload files.
                      </p>
                    </div>
                  )}
                </>
              )}
            </section>
          )}
        </section>
      ) : (
        <EmptyState title="No distribution yet" description="Enter the fund, fees and weights below and compute a preview. Nothing is paid until an attorney locks it." className="mb-8" />
      )}

      {!locked && access.can("distribution.prepare") && (
        <section aria-labelledby="plan-heading" className="grid gap-3" data-print="hide">
          <h2 id="plan-heading" className="text-lg font-semibold">
            {run ? "Compute again" : "Plan of allocation"}
          </h2>
          {subclasses.length === 0 ? (
            <p className="text-sm text-muted-foreground">There are no approved claims yet.</p>
          ) : (
            <DistributionForm
              action={computeDistributionAction.bind(null, matterId)}
              submissionKey={randomUUID()}
              subclasses={coded}
              unclassified={unclassified}
              defaults={defaults}
              modes={MINIMUM_MODES.map((m) => ({ value: m, label: MINIMUM_MODE_LABELS[m] }))}
            />
          )}
        </section>
      )}
    </div>
  );
}

function Row({ label, cents, strong }: { label: string; cents: bigint; strong?: boolean }) {
  return (
    <TableRow>
      <TableCell className={strong ? "font-semibold" : undefined}>{label}</TableCell>
      <TableCell className="text-right">
        <Mono className={strong ? "font-semibold" : undefined}>{formatCents(cents)}</Mono>
      </TableCell>
    </TableRow>
  );
}

// What the download link gives: PayPal and Venmo past one upload's worth come as a ZIP of parts.
function fileKind(method: keyof typeof PAYMENT_METHOD_LABELS, payments: number): string {
  if (method === "ACH") return "NACHA file";
  if ((method === "PAYPAL" || method === "VENMO") && payoutPartCount(payments) > 1) return `ZIP of ${payoutPartCount(payments)} upload files`;
  return "CSV";
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-mono">{value}</dd>
    </div>
  );
}
