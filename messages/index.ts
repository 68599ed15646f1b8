// The message catalogue, one JSON file per namespace and locale (messages/<locale>/<namespace>.json).
// Each namespace is imported here by name so the build bundles exactly these files; add a new
// namespace to both locales. The catalogue test (messages/catalogue.test.ts) keeps the two in step.
import type { Locale } from "@/lib/i18n/locales";
import enCommon from "./en/common.json";
import esCommon from "./es/common.json";

export const MESSAGES = {
  en: { common: enCommon },
  es: { common: esCommon },
} satisfies Record<Locale, Record<string, unknown>>;
