import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ResponseConfirmation } from "@/components/settlement/response-confirmation";
import { ResponseShell } from "@/components/settlement/response-shell";
import { ZResponseConfirmationQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { loadOr404 } from "@/lib/server/page-guard";
import { getResponseConfirmation } from "@/lib/server/settlement/get-response-confirmation";
import { formatMoment } from "@/lib/settlement/responses";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("objection");
  return { title: t("confirmationTitle") };
}

export default async function ObjectionConfirmationPage({ params, searchParams }: { params: Promise<{ matterSlug: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterSlug } = await params;
  const { ref } = parseSearchParams(ZResponseConfirmationQuery, await searchParams);
  const found = await loadOr404(() => getResponseConfirmation(matterSlug, "objection", ref ?? ""));
  const [t, locale] = await Promise.all([getTranslations("objection"), getLocale()]);
  return (
    <ResponseShell lang={locale} siteName={t("siteName")} homeHref={`/settlements/${found.matter.slug}`}>
      <ResponseConfirmation
        title={t("confirmationTitle")}
        body={t("confirmationBody", { caption: found.matter.caption })}
        referenceLabel={t("referenceLabel")}
        reference={found.number}
        referenceHelp={t("referenceHelp")}
        lines={[t("receivedAt", { when: formatMoment(found.receivedAt, found.matter.timeZone, locale) }), t("emailSent", { email: found.email })]}
        backHref={`/settlements/${found.matter.slug}`}
        backLabel={t("backToSite")}
      />
    </ResponseShell>
  );
}
