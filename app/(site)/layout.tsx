import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/i18n/language-switch";

// The public settlement websites: plain and calm, one column, no staff chrome, in the visitor's language.
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("site");
  return (
    <div className="min-h-screen bg-subtle">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-4 px-4">
          <Link href="/settlements" className="font-semibold tracking-tight">
            {t("brand")}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-8 text-base">{children}</main>
    </div>
  );
}
