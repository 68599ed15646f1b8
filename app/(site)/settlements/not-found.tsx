import { getTranslations } from "next-intl/server";
import { SettlementList } from "@/components/settlement-site/settlement-list";
import { listSettlementSites } from "@/lib/server/settlement-site/list-settlement-sites";

// A mistyped settlement website address: say so and list the websites there are.
export default async function SettlementNotFound() {
  const t = await getTranslations("portal.notFound");
  const sites = await listSettlementSites();
  return (
    <div className="grid gap-4">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {sites.length > 0 && (
        <section aria-labelledby="sites-title" className="grid gap-2">
          <h2 id="sites-title" className="text-lg font-semibold">
            {t("list")}
          </h2>
          <SettlementList sites={sites} />
        </section>
      )}
    </div>
  );
}
