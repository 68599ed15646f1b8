import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { SettlementList } from "@/components/settlement-site/settlement-list";
import { getActor } from "@/lib/server/auth/get-actor";
import { listSettlementSites } from "@/lib/server/settlement-site/list-settlement-sites";

// The front door: signed-in users go to where they work; a visitor (a class member holding a
// notice) finds the settlement websites here, and staff the sign-in.
export default async function Home() {
  const actor = await getActor();
  if (actor) redirect(actor.role === "CLASS_MEMBER" ? "/claims" : "/matters");
  const t = await getTranslations("site.index");
  const sites = await listSettlementSites();
  return (
    <div className="min-h-screen bg-subtle">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-4 px-4">
          <span className="font-semibold tracking-tight">Proofline</span>
          <LanguageSwitch />
        </div>
      </header>
      <main className="mx-auto grid max-w-3xl gap-6 px-4 py-8 text-base">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
        {sites.length === 0 ? <p className="text-muted-foreground">{t("empty")}</p> : <SettlementList sites={sites} />}
        <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href="/claims/sign-in" className="text-primary underline">
            {t("followClaim")}
          </Link>
          <Link href="/sign-in" className="text-primary underline">
            {t("staff")}
          </Link>
        </p>
      </main>
    </div>
  );
}
