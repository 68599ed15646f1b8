import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { ZText } from "@/lib/schemas/common";

// The settlement website's staff-written texts, per locale. Plain text: the public pages render
// each blank-line-separated block as a paragraph, never as HTML.
export const SITE_SECTIONS = ["faq", "notice", "contact"] as const;
export type SiteSection = (typeof SITE_SECTIONS)[number];
export const SITE_SECTION_LABELS: Record<SiteSection, string> = {
  faq: "Frequently asked questions",
  notice: "Long-form notice",
  contact: "Contact",
};
const MAX = 20_000;

const ZSectionTexts = z.object({ faq: z.string().max(MAX), notice: z.string().max(MAX), contact: z.string().max(MAX) }).strict();
export const ZSettlementSiteContent = z.object({ en: ZSectionTexts, es: ZSectionTexts }).strict();
export type TSettlementSiteContent = z.infer<typeof ZSettlementSiteContent>;

// The form: one textarea per section and locale, named e.g. "faq_en".
export const siteFieldName = (section: SiteSection, locale: Locale) => `${section}_${locale}`;
const text = (label: string) => ZText().max(MAX, `${label} must be at most 20,000 characters`).default("");
export const ZUpdateSettlementSite = z
  .object(
    Object.fromEntries(
      SITE_SECTIONS.flatMap((s) => LOCALES.map((l) => [siteFieldName(s, l), text(`${SITE_SECTION_LABELS[s]} (${l === "en" ? "English" : "Spanish"})`)])),
    ) as Record<`${SiteSection}_${Locale}`, ReturnType<typeof text>>,
  )
  .strict();

export function siteContentFrom(input: z.infer<typeof ZUpdateSettlementSite>): TSettlementSiteContent {
  const pick = (l: Locale) => ({ faq: input[`faq_${l}`].trim(), notice: input[`notice_${l}`].trim(), contact: input[`contact_${l}`].trim() });
  return { en: pick("en"), es: pick("es") };
}

// Publishing a court document on the website; "published" is a checkbox ("on") or absent.
export const ZPublishExhibit = z.object({ published: z.enum(["on", "off"]).optional() }).strict();

// Plain text to paragraphs: blank lines separate them; single line breaks stay inside one.
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
