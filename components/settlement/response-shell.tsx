import Link from "next/link";
import { LanguageSwitch } from "@/components/i18n/language-switch";

// The one-column page the opt-out and objection forms sit in (they live outside the settlement
// website's layout): plain and calm, like the claim portal, in the reader's language, with a switch to the other one.
export function ResponseShell({ lang, siteName, homeHref, children }: { lang: string; siteName: string; homeHref: string; children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-subtle" lang={lang}>
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex h-14 max-w-2xl items-center justify-between gap-4 px-4">
          <Link href={homeHref} className="font-semibold tracking-tight hover:underline">
            {siteName}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-8 text-base">{children}</main>
    </div>
  );
}
