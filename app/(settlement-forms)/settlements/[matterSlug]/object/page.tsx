import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CalendarClock } from "lucide-react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ObjectionForm } from "@/components/settlement/objection-form";
import { ResponseShell } from "@/components/settlement/response-shell";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { loadOr404 } from "@/lib/server/page-guard";
import { getSettlementMatter } from "@/lib/server/settlement/get-settlement-matter";
import { formatDay, formatMoment, isBeforeDeadline, MAX_GROUNDS_CHARS, zoneCity } from "@/lib/settlement/responses";
import { submitObjectionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("objection");
  return { title: t("metaTitle") };
}

const WORDS = [
  "sectionPerson", "sectionAddress", "sectionObjection", "sectionSignature", "fullName", "email", "emailHelp", "optional", "addressLine1", "addressLine2", "city", "state",
  "chooseState", "zip", "represented", "yes", "no", "counselName", "counselNameHelp", "appearAtHearing", "appearHelp", "grounds", "document", "documentHelp",
  "attestationName", "attestationText", "attestationAgree", "attestationNote", "submit", "submitting", "errorSummary", "somethingWrong",
] as const;

// Public: a class member objects to the settlement, optionally with a supporting PDF. Open until
// the end of the deadline's day in the matter's zone.
export default async function ObjectionPage({ params }: { params: Promise<{ matterSlug: string }> }) {
  const { matterSlug } = await params;
  const matter = await loadOr404(() => getSettlementMatter(matterSlug));
  if (!matter.objectionDeadline) notFound();
  const [t, locale] = await Promise.all([getTranslations("objection"), getLocale()]);
  const open = isBeforeDeadline(matter.objectionDeadline, matter.timeZone);
  const date = formatDay(matter.objectionDeadline, locale);
  const timeZone = zoneCity(matter.timeZone);
  const w: Record<string, string> = Object.fromEntries(WORDS.map((k) => [k, t(k)]));
  w.groundsHelp = t("groundsHelp", { max: MAX_GROUNDS_CHARS.toLocaleString(locale === "es" ? "es-US" : "en-US") });
  w.documentSize = t("errors.documentSize");
  return (
    <ResponseShell lang={locale} siteName={t("siteName")} homeHref={`/settlements/${matter.slug}`}>
      <p className="text-sm text-muted-foreground">{matter.caption}</p>
      <h1 className="mb-3 text-3xl font-semibold tracking-tight">{open ? t("title") : t("closedTitle")}</h1>
      {open ? (
        <>
          <p className="mb-2 text-base">{t("intro")}</p>
          <p className="mb-2 text-base">{t("optedOutNote")}</p>
          {matter.finalApprovalHearingAt && <p className="mb-4 text-base">{t("hearing", { when: formatMoment(matter.finalApprovalHearingAt, matter.timeZone, locale) })}</p>}
          <Alert variant="info" className="mb-6" icon={<CalendarClock aria-hidden />}>
            <AlertTitle>{t("deadlineTitle", { date })}</AlertTitle>
            <AlertDescription>{t("deadlineBody", { date, timeZone })}</AlertDescription>
          </Alert>
          <ObjectionForm action={submitObjectionAction.bind(null, matter.slug)} submissionKey={randomUUID()} w={w} />
        </>
      ) : (
        <Alert variant="destructive" className="mb-6" icon={<CalendarClock aria-hidden />} data-testid="form-closed">
          <AlertDescription>{t("closedBody", { date, timeZone })}</AlertDescription>
        </Alert>
      )}
    </ResponseShell>
  );
}
