import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { safeReturnPath } from "@/lib/i18n/return-path";
import { publicRoute } from "@/lib/server/http/route";

// The language switch on every public page: a plain link (works without JavaScript) that keeps the
// choice in a cookie and goes back to the page it came from — on this site only.
export const GET = publicRoute(async ({ request }) => {
  const url = new URL(request.url);
  const wanted = url.searchParams.get("to");
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  const back = safeReturnPath(url.searchParams.get("next"));
  const secure = url.protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      Location: back,
      "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`,
      "Cache-Control": "no-store",
    },
  });
});
