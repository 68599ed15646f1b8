import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { listSettlementSites } from "@/lib/server/settlement-site/list-settlement-sites";
import { SettlementList } from "@/components/settlement-site/settlement-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site.index");
  return { title: t("title"), description: t("intro"), openGraph: { title: t("title"), description: t("intro"), images: ["/og-settlement.png"] } };
}

export default async function SettlementsIndexPage() {
  const t = await getTranslations("site.index");
  const sites = await listSettlementSites();
  return (
    <div className="grid gap-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p>{t("intro")}</p>
      {sites.length === 0 ? <EmptyState title={t("empty")} /> : <SettlementList sites={sites} />}
      <p className="text-sm">
        <Link href="/claims/sign-in" className="text-primary underline">
          {t("followClaim")}
        </Link>
      </p>
    </div>
  );
}
