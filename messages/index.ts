// The message catalogue, one JSON file per namespace and locale (messages/<locale>/<namespace>.json).
// Each namespace is imported here by name so the build bundles exactly these files; add a new
// namespace to both locales. The catalogue test (messages/catalogue.test.ts) keeps the two in step.
import type { Locale } from "@/lib/i18n/locales";
import enClaimForm from "./en/claimForm.json";
import enCommon from "./en/common.json";
import enFormErrors from "./en/formErrors.json";
import enPortal from "./en/portal.json";
import enSite from "./en/site.json";
import esClaimForm from "./es/claimForm.json";
import esCommon from "./es/common.json";
import esFormErrors from "./es/formErrors.json";
import esPortal from "./es/portal.json";
import esSite from "./es/site.json";
import enObjection from "./en/objection.json";
import enOptOut from "./en/optOut.json";
import esObjection from "./es/objection.json";
import esOptOut from "./es/optOut.json";
import enPayment from "./en/payment.json";
import esPayment from "./es/payment.json";

export const MESSAGES = {
  en: { common: enCommon, site: enSite, portal: enPortal, claimForm: enClaimForm, formErrors: enFormErrors, optOut: enOptOut, objection: enObjection, payment: enPayment },
  es: { common: esCommon, site: esSite, portal: esPortal, claimForm: esClaimForm, formErrors: esFormErrors, optOut: esOptOut, objection: esObjection, payment: esPayment },
} satisfies Record<Locale, Record<string, unknown>>;
