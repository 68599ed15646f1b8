import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { CalendarClock } from "lucide-react";
import { PublicClaimForm } from "@/components/claims/public-claim-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { deadlinePassed } from "@/lib/claims/dates";
import { formatLocalDate, formatLocalDay } from "@/lib/i18n/dates";
import { localizeClaimForm } from "@/lib/schemas/claim-form";
import { getClaimDraft } from "@/lib/server/claims/get-claim-draft";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { prefillFromNotice } from "@/lib/server/claims/prefill-from-notice";
import { requestContext } from "@/lib/server/http/request-context";
import { loadOr404 } from "@/lib/server/page-guard";
import { listSettlementSites } from "@/lib/server/settlement-site/list-settlement-sites";
import { saveClaimDraftAction, submitClaimAction } from "./actions";
import { ZClaimFormQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.claimPage");
  return { title: t("title"), openGraph: { title: t("title"), images: ["/og-settlement.png"] } };
}

export default async function ClaimFormPage({ params, searchParams }: { params: Promise<{ matterSlug: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterSlug } = await params;
  const { notice, code, draft: draftToken, saved } = parseSearchParams(ZClaimFormQuery, await searchParams);
  const form = await loadOr404(() => getClaimForm(matterSlug));
  const locale = await getLocale();
  const t = await getTranslations("portal.claimPage");
  const def = localizeClaimForm(form.definition, locale);
  // Closed from 00:00 the day after the deadline where the matter is (lib/claims/deadlines.test.ts).
  const closed = deadlinePassed(def.claimDeadline, form.timeZone);
  const deadline = formatLocalDate(def.claimDeadline, locale);
  if (closed) {
    const hasSite = (await listSettlementSites()).some((s) => s.slug === form.slug);
    return (
      <>
        <p className="text-sm text-muted-foreground">{form.caption}</p>
        <h1 className="mb-3 text-3xl font-semibold tracking-tight">{t("deadlinePassed")}</h1>
        <Alert variant="destructive" className="mb-6" icon={<CalendarClock aria-hidden />}>
          <AlertTitle>{t("deadlinePassed")}</AlertTitle>
          <AlertDescription>{t("closedText", { date: deadline, timeZone: form.timeZone })}</AlertDescription>
        </Alert>
        {hasSite && (
          <Link href={`/settlements/${form.slug}`} className="text-primary underline">
            {t("website")}
          </Link>
        )}
      </>
    );
  }
  const prefill = await prefillFromNotice(form.matterId, notice, code, await requestContext());
  // A resume link (?draft=) opens the saved form as it was left, documents included.
  const draft = draftToken ? await getClaimDraft(matterSlug, draftToken) : null;
  const d = await getTranslations("claimForm.draft");
  return (
    <>
      <p className="text-sm text-muted-foreground">{form.caption}</p>
      <h1 className="mb-3 text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mb-4 text-base">{def.intro}</p>
      <Alert variant="info" className="mb-6" icon={<CalendarClock aria-hidden />}>
        <AlertTitle>{t("fileBy", { date: deadline })}</AlertTitle>
        <AlertDescription>{t("details", { start: formatLocalDate(def.classPeriod.start, locale), end: formatLocalDate(def.classPeriod.end, locale) })}</AlertDescription>
      </Alert>
      {prefill.limited && (
        <Alert variant="info" className="mb-6" data-testid="prefill-limited">
          <AlertTitle>{t("prefillLimitedTitle")}</AlertTitle>
          <AlertDescription>{t("prefillLimited")}</AlertDescription>
        </Alert>
      )}
      {draft?.status === "found" && (
        <Alert variant={saved ? "success" : "info"} className="mb-6" data-testid="draft-notice">
          <AlertTitle>{saved ? d("savedTitle") : d("resumedTitle")}</AlertTitle>
          <AlertDescription>
            {saved
              ? d("savedBody", { email: draft.values.email ?? "", date: deadline })
              : d("resumedBody", { date: formatLocalDay(draft.expiresAt, form.timeZone, locale) })}
          </AlertDescription>
        </Alert>
      )}
      {draft?.status === "gone" && (
        <Alert variant="warning" className="mb-6" data-testid="draft-notice">
          <AlertTitle>{d("goneTitle")}</AlertTitle>
          <AlertDescription>{d("goneBody")}</AlertDescription>
        </Alert>
      )}
      <PublicClaimForm
        definition={def}
        matterSlug={matterSlug}
        action={submitClaimAction.bind(null, matterSlug)}
        saveDraft={saveClaimDraftAction.bind(null, matterSlug)}
        submissionKey={randomUUID()}
        prefill={draft?.status === "found" ? draft.values : prefill.values}
        draft={draft?.status === "found" ? { token: draftToken!, documents: draft.documents } : null}
      />
    </>
  );
}
