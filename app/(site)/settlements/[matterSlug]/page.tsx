import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { deadlinePassed } from "@/lib/claims/dates";
import { formatLocalDate, formatLocalMoment } from "@/lib/i18n/dates";
import { loadSiteForPage } from "@/lib/server/settlement-site/load-site-page";
import { siteMetadata } from "@/lib/server/settlement-site/site-metadata";

type Props = { params: Promise<{ matterSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return siteMetadata((await params).matterSlug, "home");
}

export default async function SettlementHomePage({ params }: Props) {
  const site = await loadSiteForPage((await params).matterSlug);
  const locale = await getLocale();
  const t = await getTranslations("site.home");
  const now = new Date();
  const date = (d: string | null) => (d ? formatLocalDate(d, locale) : t("notSet"));
  const closed = (d: string | null) => d !== null && deadlinePassed(d, site.timeZone, now);
  const rows = [
    { key: "claimDeadline", label: t("claimDeadline"), value: date(site.claimDeadline), closed: closed(site.claimDeadline) },
    { key: "optOutDeadline", label: t("optOutDeadline"), value: date(site.optOutDeadline), closed: closed(site.optOutDeadline) },
    { key: "objectionDeadline", label: t("objectionDeadline"), value: date(site.objectionDeadline), closed: closed(site.objectionDeadline) },
    { key: "hearing", label: t("hearing"), value: site.finalApprovalHearingAt ? formatLocalMoment(site.finalApprovalHearingAt, site.timeZone, locale) : t("notSet"), closed: false },
  ];
  const options = [
    { href: `/claim/${site.slug}`, title: t("fileClaim"), text: t("fileClaimText"), closed: !site.takesClaims || closed(site.claimDeadline), primary: true },
    { href: `/settlements/${site.slug}/opt-out`, title: t("optOut"), text: t("optOutText"), closed: closed(site.optOutDeadline), primary: false },
    { href: `/settlements/${site.slug}/object`, title: t("object"), text: t("objectText"), closed: closed(site.objectionDeadline), primary: false },
  ];
  return (
    <div className="grid gap-8">
      <h1 className="text-3xl font-semibold tracking-tight">{site.caption}</h1>
      <section aria-labelledby="key-dates" className="grid gap-3 rounded-lg border border-border bg-background p-5">
        <h2 id="key-dates" className="text-xl font-semibold">
          {t("keyDates")}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-[auto_1fr] sm:gap-x-6" data-testid="key-dates">
          {rows.map((r) => (
            <div key={r.key} className="contents">
              <dt className="font-medium">{r.label}</dt>
              <dd className="mb-2 sm:mb-0" data-testid={`date-${r.key}`}>
                {r.value}
                {r.closed && <span className="ml-2 text-sm font-medium text-destructive">({t("closed")})</span>}
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted-foreground">{t("deadlineNote", { timeZone: site.timeZone })}</p>
        {site.classPeriod && <p className="text-sm text-muted-foreground">{t("classPeriod", { start: formatLocalDate(site.classPeriod.start, locale), end: formatLocalDate(site.classPeriod.end, locale) })}</p>}
      </section>
      <section aria-labelledby="options" className="grid gap-3">
        <h2 id="options" className="text-xl font-semibold">
          {t("yourOptions")}
        </h2>
        <ul className="grid gap-3">
          {options.map((o) => (
            <li key={o.href} className="flex flex-col gap-3 rounded-lg border border-border bg-background p-4 sm:flex-row sm:items-center sm:justify-between">
              <p>{o.text}</p>
              {o.closed ? (
                <span className="text-sm font-medium text-muted-foreground">
                  {o.title}: {t("closed")}
                </span>
              ) : (
                <Button asChild size="lg" variant={o.primary ? "default" : "outline"} className="shrink-0">
                  <Link href={o.href}>{o.title}</Link>
                </Button>
              )}
            </li>
          ))}
        </ul>
        <p className="text-sm">
          <Link href="/claims/sign-in" className="text-primary underline">
            {t("checkClaim")}
          </Link>
        </p>
      </section>
    </div>
  );
}
