import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getSettlementSite } from "@/lib/server/settlement-site/get-settlement-site";

// Title, description and social preview of a settlement website's page; a missing site gets none.
export async function siteMetadata(slug: string, section: "home" | "faq" | "notice" | "documents" | "contact"): Promise<Metadata> {
  const site = await getSettlementSite(slug).catch(() => null);
  if (!site) return {};
  const t = await getTranslations("site");
  const title = section === "home" ? site.caption : `${t(`nav.${section}`)} · ${site.caption}`;
  const description = t("metaDescription", { caption: site.caption });
  return { title, description, openGraph: { title, description, type: "website", images: [{ url: "/og-settlement.png", width: 1200, height: 630 }] } };
}
