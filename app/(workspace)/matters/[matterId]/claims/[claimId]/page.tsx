import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { ClaimActionDialog } from "@/components/claims/claim-action-dialog";
import { ClaimStatusBadge } from "@/components/claims/claim-status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { Timestamp } from "@/components/ui/timestamp";
import { calendarDaysFromToday, formatCalendarDate } from "@/lib/claims/dates";
import { REVIEW_THRESHOLD, SIGNAL_LABELS } from "@/lib/claims/signals";
import { MATCH_BASIS_LABELS, type MatchBasis } from "@/lib/settlement/responses";
import { DEFICIENCY_FIELD_LABELS, DEFICIENCY_FIELDS } from "@/lib/schemas/claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { getClaimPaymentDetails } from "@/lib/server/payments/get-claim-payment-details";
import { formatRecipient, maskAccount, PAYMENT_METHOD_LABELS } from "@/lib/payments/payment-details";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { CLAIM_TRANSITIONS, canTransition, type ClaimTransition, type Permission } from "@/lib/permissions";
import { approveClaimAction, markDeficientAction, markDuplicateAction, recommendClaimAction, rejectClaimAction, verifyClaimAction } from "../actions";
import { ClaimDocumentLink } from "@/components/claims/claim-document-link";

export const metadata: Metadata = { title: "Claim" };

function evidence(detail: unknown): string {
  if (!detail || typeof detail !== "object") return "";
  return Object.entries(detail as Record<string, unknown>)
    .filter(([k]) => k !== "matches")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function ClaimDetailPage({ params }: { params: Promise<{ matterId: string; claimId: string }> }) {
  const { matterId, claimId } = await params;
  const actor = await pageActor();
  const { claim, access, matchedClaims, questions, eligibilityFailures, answers } = await loadOr404(() => getClaim(actor, matterId, claimId));
  const payment = await getClaimPaymentDetails(actor, matterId, claim.id);
  const c = claim.claimant;
  // Each button appears when the transition table allows that step from this status and the
  // permission table allows it to this actor; the use case checks both again.
  const may = (step: ClaimTransition) => canTransition(step, claim.status) && access.can(CLAIM_TRANSITIONS[step].permission as Permission);
  const open = may("recommend") || may("verify") || may("approve");
  const ACTIONS = { verify: verifyClaimAction, deficient: markDeficientAction, recommend: recommendClaimAction, approve: approveClaimAction, reject: rejectClaimAction, duplicate: markDuplicateAction };
  const act = (which: keyof typeof ACTIONS) => ACTIONS[which].bind(null, matterId, claim.id);
  const inThreeWeeks = calendarDaysFromToday(21);

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/claims`} className="hover:underline">
            Claims
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            Claim <Mono copy>{claim.number}</Mono> <ClaimStatusBadge status={claim.status} />
          </span>
        }
        description={<>Filed <Timestamp value={claim.createdAt} /> from {claim.attestationIp ?? "an unknown IP"}.</>}
        actions={
          open ? (
            <div className="flex flex-wrap gap-2" data-print="hide">
              {may("verify") && (
                <ClaimActionDialog label="Verify" title="Verify this claim" description="Confirms identity and eligibility on review." confirmLabel="Verify" action={act("verify")}>
                  <Field label="Note (optional)" htmlFor="verify-reason">
                    <Textarea id="verify-reason" name="reason" rows={2} />
                  </Field>
                </ClaimActionDialog>
              )}
              {may("mark-deficient") && (
                <ClaimActionDialog
                  label="Mark deficient"
                  title="Send a deficiency notice"
                  description="The class member is emailed this notice with a sign-in link and may change only the fields you choose."
                  confirmLabel="Send notice"
                  labels={{ fields: "Fields", notice: "Notice", dueOn: "Respond by" }}
                  action={act("deficient")}
                >
                  <fieldset className="grid gap-1.5">
                    <legend className="mb-1 text-sm font-medium">Fields to correct</legend>
                    <div className="grid grid-cols-2 gap-1.5">
                      {DEFICIENCY_FIELDS.map((f) => (
                        <div key={f} className="flex items-center gap-2">
                          <Checkbox id={`fields-${f}`} name="fields" value={f} />
                          <Label htmlFor={`fields-${f}`} className="font-normal">
                            {DEFICIENCY_FIELD_LABELS[f]}
                          </Label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  <Field label="Notice to the class member" htmlFor="notice" required>
                    <Textarea id="notice" name="notice" rows={4} />
                  </Field>
                  <Field label="Respond by" htmlFor="dueOn" required>
                    <Input id="dueOn" name="dueOn" type="date" defaultValue={inThreeWeeks} />
                  </Field>
                </ClaimActionDialog>
              )}
              <ClaimActionDialog
                label="Recommend"
                title="Recommend a decision"
                description="Recorded for the attorney who decides; the status does not change."
                confirmLabel="Record recommendation"
                labels={{ recommendation: "Recommendation", reason: "Reason" }}
                action={act("recommend")}
              >
                <Field label="Recommendation" htmlFor="recommendation" required>
                  <Select id="recommendation" name="recommendation" defaultValue="APPROVE">
                    <option value="APPROVE">Approve</option>
                    <option value="REJECT">Reject</option>
                  </Select>
                </Field>
                <Field label="Reason" htmlFor="recommend-reason" required>
                  <Textarea id="recommend-reason" name="reason" rows={3} />
                </Field>
              </ClaimActionDialog>
              {may("approve") && (
                <ClaimActionDialog label="Approve" title={`Approve claim ${claim.number}?`} description="A decision with legal effect: the class member is told by email." confirmLabel="Approve claim" action={act("approve")}>
                  <Field label="Reason (kept in the audit log)" htmlFor="approve-reason">
                    <Textarea id="approve-reason" name="reason" rows={2} />
                  </Field>
                </ClaimActionDialog>
              )}
              {may("reject") && (
                <ClaimActionDialog label="Reject" destructive title={`Reject claim ${claim.number}?`} description="The reason is shown to the class member and kept in the audit log." confirmLabel="Reject claim" labels={{ reason: "Reason" }} action={act("reject")}>
                  <Field label="Reason" htmlFor="reject-reason" required>
                    <Textarea id="reject-reason" name="reason" rows={3} />
                  </Field>
                </ClaimActionDialog>
              )}
              {may("mark-duplicate") && (
                <ClaimActionDialog
                  label="Mark duplicate"
                  destructive
                  title="Mark as a duplicate"
                  description="Closes this claim in favour of the original, which must be in this matter."
                  confirmLabel="Mark duplicate"
                  labels={{ duplicateOfNumber: "Original claim number" }}
                  action={act("duplicate")}
                >
                  <Field label="Original claim number" htmlFor="duplicateOfNumber" required>
                    <Input id="duplicateOfNumber" name="duplicateOfNumber" defaultValue={claim.signals.find((s) => s.matchedClaimId)?.matchedClaimId ? matchedClaims[claim.signals.find((s) => s.matchedClaimId)!.matchedClaimId!]?.number : undefined} />
                  </Field>
                  <Field label="Reason" htmlFor="duplicate-reason">
                    <Textarea id="duplicate-reason" name="reason" rows={2} />
                  </Field>
                </ClaimActionDialog>
              )}
            </div>
          ) : undefined
        }
      />

      {claim.fraudScore >= REVIEW_THRESHOLD && (
        <Alert variant="warning" className="mb-4" icon={<AlertTriangle aria-hidden />}>
          <AlertTitle>Routed to review: fraud score {claim.fraudScore}</AlertTitle>
          <AlertDescription>At or above the threshold of {REVIEW_THRESHOLD}. The signals below say why.</AlertDescription>
        </Alert>
      )}
      {claim.optOutMatches.length > 0 && (
        <Alert variant="warning" className="mb-4" icon={<AlertTriangle aria-hidden />} data-testid="opt-out-flag">
          <AlertTitle>Flagged: the claimant also asked to be excluded</AlertTitle>
          <AlertDescription>
            Same name and {[...new Set(claim.optOutMatches.flatMap((m) => m.basis))].map((b) => MATCH_BASIS_LABELS[b as MatchBasis]?.toLowerCase() ?? b).join(", ")} as opt-out{" "}
            {claim.optOutMatches.map((m, i) => (
              <span key={m.optOutId}>
                {i > 0 && ", "}
                <Link href={`/matters/${matterId}/claims/opt-outs/${m.optOut.id}`} className="text-primary hover:underline">
                  <Mono>{m.optOut.number}</Mono>
                </Link>
                {m.optOut.status === "REVOKED" && " (since revoked)"}
              </span>
            ))}
            . Review before deciding; nothing was rejected automatically.
          </AlertDescription>
        </Alert>
      )}
      {claim.recommendation && (
        <Alert variant="info" className="mb-4">
          <AlertDescription>Paralegal recommendation: {claim.recommendation.toLowerCase()}.</AlertDescription>
        </Alert>
      )}
      {claim.status === "DEFICIENT" && (
        <Alert variant="warning" className="mb-4">
          <AlertTitle>Deficiency notice open, answer due {formatCalendarDate(claim.deficiencyDueOn)}</AlertTitle>
          <AlertDescription>
            {claim.deficiencyNotice} (fields: {claim.deficientFields.map((f) => DEFICIENCY_FIELD_LABELS[f as keyof typeof DEFICIENCY_FIELD_LABELS] ?? f).join(", ")})
          </AlertDescription>
        </Alert>
      )}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="claimant-h">
          <h2 id="claimant-h" className="mb-2 text-lg font-semibold">
            Claimant
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{c.fullName}</dd>
            <dt className="text-muted-foreground">Date of birth</dt>
            <dd>{formatCalendarDate(c.dateOfBirth)}</dd>
            {c.guardianName && (
              <>
                <dt className="text-muted-foreground">Filed by guardian</dt>
                <dd>{c.guardianName}</dd>
              </>
            )}
            <dt className="text-muted-foreground">Email</dt>
            <dd>{c.email}</dd>
            <dt className="text-muted-foreground">Phone</dt>
            <dd>{c.phone ?? "—"}</dd>
            <dt className="text-muted-foreground">Address</dt>
            <dd>
              {c.addressLine1}
              {c.addressLine2 ? `, ${c.addressLine2}` : ""}, {c.city}, {c.state} {c.zip}
            </dd>
            <dt className="text-muted-foreground">Payment</dt>
            <dd data-testid="claim-payment-details">
              {payment ? (
                <>
                  {PAYMENT_METHOD_LABELS[payment.method]}
                  {payment.recipient && <>: <Mono>{formatRecipient(payment.recipient)}</Mono></>}
                  {payment.method === "ACH" && (
                    <>
                      : {payment.accountType === "SAVINGS" ? "savings" : "checking"} <Mono>{payment.accountNumber ?? maskAccount(payment.accountLast4 ?? "")}</Mono>, routing <Mono>{payment.routingNumber}</Mono>
                    </>
                  )}
                  {payment.method === "CHECK" && (
                    <>
                      {" "}
                      to {payment.payeeName}, {payment.addressLine1}
                      {payment.addressLine2 ? `, ${payment.addressLine2}` : ""}, {payment.city}, {payment.state} {payment.zip}
                    </>
                  )}
                  {payment.masked && <span className="text-muted-foreground"> (masked: only attorneys see payment details in full)</span>}
                  <span className="block text-muted-foreground">Changed by the member <Timestamp value={payment.updatedAt} /></span>
                </>
              ) : (
                <>
                  {claim.paymentPreference} <span className="text-muted-foreground">(preference at filing; no payment details given yet)</span>
                </>
              )}
            </dd>
            <dt className="text-muted-foreground">Notice ID</dt>
            <dd>{claim.noticeId ?? "—"}</dd>
            <dt className="text-muted-foreground">Signed</dt>
            <dd>
              “{claim.attestationName}” at <Timestamp value={claim.attestedAt} />
            </dd>
            {claim.duplicateOf && (
              <>
                <dt className="text-muted-foreground">Duplicate of</dt>
                <dd>
                  <Link href={`/matters/${matterId}/claims/${claim.duplicateOf.id}`} className="text-primary hover:underline">
                    <Mono>{claim.duplicateOf.number}</Mono>
                  </Link>
                </dd>
              </>
            )}
            {claim.decisionReason && (
              <>
                <dt className="text-muted-foreground">Decision</dt>
                <dd>
                  {claim.decisionReason} {claim.decidedBy ? `(${claim.decidedBy.name})` : ""}
                </dd>
              </>
            )}
            {claim.attachments.length > 0 && (
              <>
                <dt className="text-muted-foreground">Documents</dt>
                <dd>
                  <ul className="grid gap-1">
                    {claim.attachments.map((a) => (
                      <li key={a.id}>
                        <ClaimDocumentLink href={`/matters/${claim.matterId}/claims/${claim.id}/attachments/${a.id}`} filename={a.filename} />{" "}
                        <Mono value={a.blobSha256} title={`SHA-256 ${a.blobSha256}`}>
                          {a.blobSha256.slice(0, 12)}…
                        </Mono>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby="answers-h">
          <h2 id="answers-h" className="mb-2 text-lg font-semibold">
            Eligibility answers {claim.subclass && <Badge variant="info">Subclass: {claim.subclass}</Badge>}
          </h2>
          <dl className="grid gap-2 text-sm">
            {questions.map((q) => {
              const failed = eligibilityFailures.find((f) => f.questionId === q.id);
              return (
                <div key={q.id}>
                  <dt className="text-muted-foreground">{q.label}</dt>
                  <dd className="font-medium">
                    {answers[q.id] ?? "—"}
                    {failed && (
                      <Badge variant="warning" className="ml-2">
                        Fails criterion: {failed.reason}
                      </Badge>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      </div>

      <section aria-labelledby="signals-h" className="mt-8">
        <h2 id="signals-h" className="mb-2 text-lg font-semibold">
          Fraud and duplicate signals · score {claim.fraudScore}
        </h2>
        {claim.signals.length === 0 && claim.optOutMatches.length === 0 ? (
          <p className="text-sm text-muted-foreground">No signals: nothing in this claim matches another claim or a known pattern.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Signal</TableHead>
                <TableHead className="text-right">Weight</TableHead>
                <TableHead>Matched claim</TableHead>
                <TableHead>Evidence</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {claim.signals.map((s) => {
                const m = s.matchedClaimId ? matchedClaims[s.matchedClaimId] : undefined;
                return (
                  <TableRow key={s.id} data-testid="signal-row">
                    <TableCell className="font-medium">{SIGNAL_LABELS[s.kind]}</TableCell>
                    <TableCell className="text-right tabular-nums">+{s.weight}</TableCell>
                    <TableCell>
                      {m ? (
                        <Link href={`/matters/${matterId}/claims/${m.id}`} className="text-primary hover:underline">
                          <Mono>{m.number}</Mono>
                        </Link>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="text-sm">{evidence(s.detail)}</TableCell>
                  </TableRow>
                );
              })}
              {claim.optOutMatches.map((m) => (
                <TableRow key={m.optOutId} data-testid="signal-row">
                  <TableCell className="font-medium">Same person opted out</TableCell>
                  <TableCell className="text-right text-muted-foreground">—</TableCell>
                  <TableCell>
                    <Link href={`/matters/${matterId}/claims/opt-outs/${m.optOut.id}`} className="text-primary hover:underline">
                      <Mono>{m.optOut.number}</Mono>
                    </Link>
                  </TableCell>
                  <TableCell className="text-sm">
                    name · {m.basis.map((b) => MATCH_BASIS_LABELS[b as MatchBasis]?.toLowerCase() ?? b).join(" · ")}
                    {m.optOut.status === "REVOKED" ? " · opt-out revoked" : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="events-h" className="mt-8">
        <h2 id="events-h" className="mb-2 text-lg font-semibold">
          History
        </h2>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Event</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>By</TableHead>
              <TableHead>Note</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {claim.events.map((e) => (
              <TableRow key={e.id} data-testid="event-row">
                <TableCell className="whitespace-nowrap"><Timestamp value={e.at} /></TableCell>
                <TableCell>{e.type.replaceAll("_", " ").toLowerCase()}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {e.fromStatus && e.fromStatus !== e.toStatus ? `${e.fromStatus.toLowerCase()} → ` : ""}
                  {e.toStatus?.toLowerCase()}
                </TableCell>
                <TableCell>{e.actor?.name ?? "Class member / system"}</TableCell>
                <TableCell className="text-sm">{e.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
