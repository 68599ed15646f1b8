// The languages of the public pages (settlement website, claim portal, opt-out and objection
// forms). Staff pages are English. Pure: pages, components and tests import it.
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
// The visitor's choice, set by the language switch; read per request by i18n/request.ts.
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
