import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FileText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { loadSiteForPage } from "@/lib/server/settlement-site/load-site-page";
import { siteMetadata } from "@/lib/server/settlement-site/site-metadata";

type Props = { params: Promise<{ matterSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return siteMetadata((await params).matterSlug, "documents");
}

export default async function DocumentsPage({ params }: Props) {
  const site = await loadSiteForPage((await params).matterSlug);
  const t = await getTranslations("site.documents");
  return (
    <section className="grid gap-4">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p>{t("intro")}</p>
      {site.documents.length === 0 ? (
        <EmptyState icon={<FileText />} title={t("empty")} />
      ) : (
        <ul className="grid gap-3" data-testid="site-documents">
          {site.documents.map((d) => (
            <li key={d.id} className="rounded-lg border border-border bg-background p-4">
              <a href={`/api/v1/settlements/${site.slug}/documents/${d.id}`} className="text-lg font-medium text-primary underline underline-offset-4" aria-label={t("download", { label: `${d.label} ${d.title}` })}>
                {d.title}
              </a>
              <p className="mt-1 text-sm text-muted-foreground">
                <span className="font-mono">{d.label}</span> · PDF{d.pageCount ? ` · ${t("pages", { count: d.pageCount })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
