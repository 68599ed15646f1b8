import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { MESSAGES } from "@/messages";

// No locale in the path: the public pages keep one address in every language, and the visitor's
// choice travels in a cookie (set by the language switch). Anything else reads as English.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale] };
});
