import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Languages } from "lucide-react";

// A link to the other language that comes back to this page (the path the proxy recorded).
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const here = (await headers()).get("x-proofline-path") ?? "/settlements";
  const other = locale === "es" ? "en" : "es";
  return (
    <a
      href={`/language?to=${other}&next=${encodeURIComponent(here)}`}
      hrefLang={other}
      lang={other}
      aria-label={t("switchToLabel")}
      className="inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline"
      data-testid="language-switch"
    >
      <Languages aria-hidden className="size-4" />
      {t("switchTo")}
    </a>
  );
}
