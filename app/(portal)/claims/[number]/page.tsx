import type { Metadata } from "next";
import Link from "next/link";
import { CheckCircle2, FileWarning } from "lucide-react";
import { ClaimStatusBadge } from "@/components/claims/claim-status-badge";
import { DeficiencyAnswerForm } from "@/components/claims/deficiency-answer-form";
import { WithdrawClaimButton } from "@/components/claims/withdraw-claim-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Mono } from "@/components/ui/mono";
import { formatCalendarDate, formatDateTime } from "@/lib/claims/dates";
import type { TDeficiencyField } from "@/lib/schemas/claim";
import { getMyClaim } from "@/lib/server/claims/get-my-claim";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { answerDeficiencyAction, setPaymentDetailsAction, withdrawClaimAction } from "./actions";
import { getLocale, getTranslations } from "next-intl/server";
import { PaymentDetailsForm } from "@/components/claims/payment-details-form";
import { formatRecipient, maskAccount, type PaymentDetailsView } from "@/lib/payments/payment-details";
import { getMyPaymentDetails } from "@/lib/server/payments/get-my-payment-details";
import { ClaimDocumentLink } from "@/components/claims/claim-document-link";
import { ZMyClaimQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.myClaim"))("metaTitle") };
}

// Event types and statuses in the member's words and language (the staff pages use their own).
const EVENTS = ["SUBMITTED", "VERIFIED", "DEFICIENCY_NOTICE", "DEFICIENCY_RESPONSE", "APPROVED", "REJECTED", "MARKED_DUPLICATE", "WITHDRAWN"] as const;
const FIELDS = ["fullName", "dateOfBirth", "guardianName", "email", "phone", "addressLine1", "addressLine2", "city", "state", "zip", "document"] as const;

export default async function MyClaimPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<RawSearchParams> }) {
  const { number } = await params;
  const { answered, withdrawn } = parseSearchParams(ZMyClaimQuery, await searchParams);
  const actor = await pageActor();
  const claim = await loadOr404(() => getMyClaim(actor, number));
  const payment = await getMyPaymentDetails(actor, claim.number);
  const tp = await getTranslations("payment");
  const t = await getTranslations("portal.myClaim");
  const locale = await getLocale();
  const event = (type: string) => ((EVENTS as readonly string[]).includes(type) ? t(`events.${type as (typeof EVENTS)[number]}`) : type);
  const field = (f: string) => ((FIELDS as readonly string[]).includes(f) ? t(`fields.${f as (typeof FIELDS)[number]}`) : f);
  const c = claim.claimant;
  const current: Record<string, string> = {
    fullName: c.fullName,
    dateOfBirth: c.dateOfBirth.toISOString().slice(0, 10),
    guardianName: c.guardianName ?? "",
    phone: c.phone ?? "",
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2 ?? "",
    city: c.city,
    state: c.state,
    zip: c.zip,
  };
  const open = ["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED"].includes(claim.status);
  return (
    <div className="grid gap-6">
      <p className="text-sm">
        <Link href="/claims" className="text-primary underline">
          {t("back")}
        </Link>
      </p>
      <div>
        <p className="text-sm text-muted-foreground">{claim.matter.caption}</p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {t("claim")} <Mono copy>{claim.number}</Mono> <ClaimStatusBadge status={claim.status} label={t(`status.${claim.status}`)} />
        </h1>
      </div>
      {/* The thank-you belongs to the answer just sent: once a reviewer decides, the status speaks. */}
      {answered && claim.status === "DEFICIENCY_ANSWERED" && (
        <Alert variant="success" icon={<CheckCircle2 aria-hidden />}>
          <AlertDescription>{t("answered")}</AlertDescription>
        </Alert>
      )}
      {withdrawn && (
        <Alert variant="info">
          <AlertDescription>{t("withdrawn")}</AlertDescription>
        </Alert>
      )}
      {claim.status === "DEFICIENT" && (
        <section aria-labelledby="deficiency-title" className="grid gap-4 rounded-lg border border-warning-border bg-background p-5">
          <Alert variant="warning" icon={<FileWarning aria-hidden />}>
            <AlertTitle id="deficiency-title">{t("actionNeeded", { date: formatCalendarDate(claim.deficiencyDueOn, locale) })}</AlertTitle>
            <AlertDescription>
              <p className="whitespace-pre-line">{claim.deficiencyNotice}</p>
              <p className="mt-2">{t("pleaseCorrect", { fields: claim.deficientFields.map(field).join(", ") })}</p>
            </AlertDescription>
          </Alert>
          <DeficiencyAnswerForm fields={claim.deficientFields as TDeficiencyField[]} current={current} action={answerDeficiencyAction.bind(null, claim.number)} />
        </section>
      )}
      {claim.status === "REJECTED" && claim.decisionReason && (
        <Alert variant="info">
          <AlertTitle>{t("reason")}</AlertTitle>
          <AlertDescription>{claim.decisionReason}</AlertDescription>
        </Alert>
      )}
      {!["REJECTED", "DUPLICATE", "WITHDRAWN"].includes(claim.status) && (
        <section aria-labelledby="payment-title" className="grid gap-4 rounded-lg border border-border bg-background p-5" data-testid="payment-details">
          <h2 id="payment-title" className="text-lg font-semibold">
            {tp("title")}
          </h2>
          {payment.details ? (
            <div>
              <p className="text-sm text-muted-foreground">{tp("current")}</p>
              <PaymentShown details={payment.details} t={tp} />
              {payment.updatedAt && <p className="text-sm text-muted-foreground">{tp("updated", { date: formatDateTime(payment.updatedAt, claim.matter.timeZone, locale) })}</p>}
            </div>
          ) : (
            <p>{tp("none")}</p>
          )}
          {payment.paymentFailed && (
            <Alert variant="warning" icon={<FileWarning aria-hidden />}>
              <AlertDescription>{tp("failed")}</AlertDescription>
            </Alert>
          )}
          {payment.afterLock === "MISSING" && (
            <Alert variant="warning" icon={<FileWarning aria-hidden />}>
              <AlertDescription>{tp("afterLockMissing")}</AlertDescription>
            </Alert>
          )}
          {payment.afterLock === "QUEUED" && (
            <Alert variant="info">
              <AlertDescription>{tp("afterLockQueued")}</AlertDescription>
            </Alert>
          )}
          {payment.locked ? (
            <Alert variant="info">
              <AlertDescription>{tp(payment.afterLock === "PAID" ? "lockedPaid" : payment.afterLock === "SENT" ? "lockedSent" : "locked")}</AlertDescription>
            </Alert>
          ) : (
            <>
              <p className="text-sm">{tp(payment.afterLock ? "afterLockRule" : "intro")}</p>
              <PaymentDetailsForm action={setPaymentDetailsAction.bind(null, claim.number)} current={formValues(payment.details)} payeeName={c.fullName} />
            </>
          )}
          {payment.locked && payment.afterLock !== "NOT_PAID" && <p className="text-sm text-muted-foreground">{tp("afterLockRule")}</p>}
        </section>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-3 text-lg font-semibold">
          {t("history")}
        </h2>
        <ol className="grid gap-2 border-l-2 border-border pl-4" data-testid="status-history">
          {claim.events.map((e) => (
            <li key={e.id}>
              <span className="font-medium">{event(e.type)}</span>
              {e.toStatus && <span className="text-muted-foreground"> · {t(`status.${e.toStatus}`)}</span>}
              <span className="block text-sm text-muted-foreground">{formatDateTime(e.at, claim.matter.timeZone, locale)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title" className="mb-3 text-lg font-semibold">
          {t("whatYouFiled")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted-foreground">{t("name")}</dt>
          <dd>{c.fullName}</dd>
          {c.guardianName && (
            <>
              <dt className="text-muted-foreground">{t("filedBy")}</dt>
              <dd>{t("filedByValue", { name: c.guardianName })}</dd>
            </>
          )}
          <dt className="text-muted-foreground">{t("email")}</dt>
          <dd>{c.email}</dd>
          <dt className="text-muted-foreground">{t("address")}</dt>
          <dd>
            {c.addressLine1}
            {c.addressLine2 ? `, ${c.addressLine2}` : ""}, {c.city}, {c.state} {c.zip}
          </dd>
          {claim.subclass && (
            <>
              <dt className="text-muted-foreground">{t("subclass")}</dt>
              <dd>{claim.subclass === "ILLINOIS" ? t("illinois") : claim.subclass}</dd>
            </>
          )}
          {claim.attachments.length > 0 && (
            <>
              <dt className="text-muted-foreground">{t("documents")}</dt>
              <dd>
                <ul className="grid gap-1">
                  {claim.attachments.map((a) => (
                    <li key={a.id}>
                      <ClaimDocumentLink href={`/claims/${claim.number}/attachments/${a.id}`} filename={a.filename} />
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>
      {open && (
        <div>
          <WithdrawClaimButton number={claim.number} action={withdrawClaimAction.bind(null, claim.number)} />
        </div>
      )}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"payment">>>;

function PaymentShown({ details: d, t }: { details: PaymentDetailsView; t: Translate }) {
  return (
    <p className="font-medium">
      {t(`methods.${d.method}`)}
      {d.recipient && <>: {formatRecipient(d.recipient)}</>}
      {d.method === "ACH" && (
        <>
          : {t("show.account", { type: d.accountType === "SAVINGS" ? t("savings") : t("checking"), last4: maskAccount(d.accountLast4 ?? "") })}, {t("show.routing", { routing: d.routingNumber ?? "" })}
        </>
      )}
      {d.method === "CHECK" && (
        <>
          {" "}
          · {t("show.mailedTo")} {d.addressLine1}
          {d.addressLine2 ? `, ${d.addressLine2}` : ""}, {d.city}, {d.state} {d.zip}
        </>
      )}
    </p>
  );
}

// The saved choice as the form's starting values (never the account number).
function formValues(d: PaymentDetailsView | null): Record<string, string> {
  if (!d) return {};
  const out: Record<string, string | null> = {
    method: d.method,
    recipient: d.recipient && formatRecipient(d.recipient),
    routingNumber: d.routingNumber,
    accountType: d.accountType,
    addressLine1: d.addressLine1,
    addressLine2: d.addressLine2,
    city: d.city,
    state: d.state,
    zip: d.zip,
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => Boolean(e[1])));
}
