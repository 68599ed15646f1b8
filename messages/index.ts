// The message catalogue, one JSON file per namespace and locale (messages/<locale>/<namespace>.json).
// Each namespace is imported here by name so the build bundles exactly these files; add a new
// namespace to both locales. The catalogue test (messages/catalogue.test.ts) keeps the two in step.
import type { Locale } from "@/lib/i18n/locales";
import enCommon from "./en/common.json";
import esCommon from "./es/common.json";
import enObjection from "./en/objection.json";
import enOptOut from "./en/optOut.json";
import esObjection from "./es/objection.json";
import esOptOut from "./es/optOut.json";

export const MESSAGES = {
  en: { common: enCommon, optOut: enOptOut, objection: enObjection },
  es: { common: esCommon, optOut: esOptOut, objection: esObjection },
} satisfies Record<Locale, Record<string, unknown>>;
