import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils/cn";
import { loadSiteForPage } from "@/lib/server/settlement-site/load-site-page";

const SECTIONS = ["", "/faq", "/notice", "/documents", "/contact"] as const;
const KEYS = { "": "home", "/faq": "faq", "/notice": "notice", "/documents": "documents", "/contact": "contact" } as const;

export default async function SettlementSiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ matterSlug: string }> }) {
  const { matterSlug } = await params;
  const site = await loadSiteForPage(matterSlug);
  const t = await getTranslations("site");
  const path = ((await headers()).get("x-proofline-path") ?? "").split("?")[0];
  const base = `/settlements/${site.slug}`;
  return (
    <div className="grid gap-6">
      <div>
        <p className="text-sm text-muted-foreground">{t("settlementWebsite")}</p>
        <p className="text-xl font-semibold tracking-tight">{site.caption}</p>
        <p className="text-sm text-muted-foreground">{t("home.case", { court: site.court, docket: site.docketNumber })}</p>
      </div>
      <nav aria-label={t("nav.label")} className="-mx-1 flex flex-wrap gap-1 border-b border-border pb-2">
        {SECTIONS.map((s) => {
          const href = base + s;
          const current = path === href;
          return (
            <Link
              key={s}
              href={href}
              aria-current={current ? "page" : undefined}
              className={cn("rounded-md px-3 py-2 text-sm font-medium text-primary underline-offset-4 hover:underline", current && "bg-background text-foreground shadow-xs")}
            >
              {t(`nav.${KEYS[s]}`)}
            </Link>
          );
        })}
      </nav>
      {children}
    </div>
  );
}
