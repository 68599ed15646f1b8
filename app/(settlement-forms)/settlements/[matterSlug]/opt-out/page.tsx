import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CalendarClock } from "lucide-react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ResponseShell } from "@/components/settlement/response-shell";
import { OptOutForm } from "@/components/settlement/opt-out-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { loadOr404 } from "@/lib/server/page-guard";
import { getSettlementMatter } from "@/lib/server/settlement/get-settlement-matter";
import { formatDay, isBeforeDeadline, zoneCity } from "@/lib/settlement/responses";
import { submitOptOutAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("optOut");
  return { title: t("metaTitle") };
}

const WORDS = [
  "sectionPerson", "sectionAddress", "sectionRequest", "sectionSignature", "fullName", "dateOfBirth", "dateOfBirthHelp", "email", "emailHelp", "phone", "optional",
  "addressLine1", "addressLine2", "city", "state", "chooseState", "zip", "exclude", "attestationName", "attestationText", "attestationAgree", "attestationNote",
  "submit", "submitting", "errorSummary", "somethingWrong",
] as const;

// Public: a class member asks to be excluded from the settlement class. Open until the end of
// the deadline's day in the matter's zone; after it, the page says so and shows no form (and
// the use case refuses a late request anyway).
export default async function OptOutPage({ params }: { params: Promise<{ matterSlug: string }> }) {
  const { matterSlug } = await params;
  const matter = await loadOr404(() => getSettlementMatter(matterSlug));
  if (!matter.optOutDeadline) notFound();
  const [t, locale] = await Promise.all([getTranslations("optOut"), getLocale()]);
  const open = isBeforeDeadline(matter.optOutDeadline, matter.timeZone);
  const date = formatDay(matter.optOutDeadline, locale);
  const timeZone = zoneCity(matter.timeZone);
  const w = Object.fromEntries(WORDS.map((k) => [k, t(k)]));
  return (
    <ResponseShell lang={locale} siteName={t("siteName")} homeHref={`/settlements/${matter.slug}`}>
      <p className="text-sm text-muted-foreground">{matter.caption}</p>
      <h1 className="mb-3 text-3xl font-semibold tracking-tight">{open ? t("title") : t("closedTitle")}</h1>
      {open ? (
        <>
          <p className="mb-4 text-base">{t("intro")}</p>
          <Alert variant="info" className="mb-6" icon={<CalendarClock aria-hidden />}>
            <AlertTitle>{t("deadlineTitle", { date })}</AlertTitle>
            <AlertDescription>{t("deadlineBody", { date, timeZone })}</AlertDescription>
          </Alert>
          <OptOutForm action={submitOptOutAction.bind(null, matter.slug)} submissionKey={randomUUID()} w={w} />
        </>
      ) : (
        <Alert variant="destructive" className="mb-6" icon={<CalendarClock aria-hidden />} data-testid="form-closed">
          <AlertDescription>{t("closedBody", { date, timeZone })}</AlertDescription>
        </Alert>
      )}
    </ResponseShell>
  );
}
