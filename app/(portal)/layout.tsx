import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { getActor } from "@/lib/server/auth/get-actor";

// The class-member side: plain and calm, one column, no staff chrome, in the visitor's language.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  const t = await getTranslations("portal");
  return (
    <div className="min-h-screen bg-subtle">
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex min-h-14 max-w-2xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
          <span className="font-semibold tracking-tight">{t("brand")}</span>
          <nav aria-label={t("accountNav")} className="flex flex-wrap items-center gap-4 text-sm">
            <Link href="/settlements" className="text-primary hover:underline">
              {t("settlements")}
            </Link>
            {actor ? (
              <>
                {actor.role === "CLASS_MEMBER" && (
                  <Link href="/claims" className="text-primary hover:underline">
                    {t("yourClaims")}
                  </Link>
                )}
                <Link href="/sign-out" className="text-primary hover:underline">
                  {t("signOut")}
                </Link>
              </>
            ) : (
              <Link href="/claims/sign-in" className="text-primary hover:underline">
                {t("checkClaim")}
              </Link>
            )}
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-8 text-base">{children}</main>
    </div>
  );
}
