import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteText } from "@/components/settlement-site/site-text";
import type { Locale } from "@/lib/i18n/locales";
import { loadSiteForPage } from "@/lib/server/settlement-site/load-site-page";
import { siteMetadata } from "@/lib/server/settlement-site/site-metadata";

type Props = { params: Promise<{ matterSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return siteMetadata((await params).matterSlug, "contact");
}

export default async function Page({ params }: Props) {
  const site = await loadSiteForPage((await params).matterSlug);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("site");
  return (
    <article className="grid gap-4">
      <h1 className="text-3xl font-semibold tracking-tight">{t("contact.title")}</h1>
      <SiteText text={site.content[locale].contact} empty={t("empty")} />
    </article>
  );
}
