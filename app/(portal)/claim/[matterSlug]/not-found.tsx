import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { listPublicClaimForms } from "@/lib/server/claims/list-public-claim-forms";

// A mistyped settlement address: say so plainly and list the settlements that take claims here,
// closest first, each pointing to its settlement website when it has one.
export default async function ClaimFormNotFound() {
  // not-found pages get no params; the path the proxy recorded says what was typed.
  const path = (await headers()).get("x-proofline-path") ?? "";
  const typed = /^\/claim\/([^/?#]*)/.exec(path)?.[1] ?? "";
  const settlements = await listPublicClaimForms(safeDecode(typed));
  const t = await getTranslations("portal.notFound");
  return (
    <div className="grid gap-4">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-base">
        {t("text")} <span className="font-mono">/settlements/name-of-the-case</span>.
      </p>
      {settlements.length > 0 && (
        <section aria-labelledby="settlements-title" className="grid gap-2">
          <h2 id="settlements-title" className="text-lg font-semibold">
            {t("list")}
          </h2>
          <ul className="grid gap-1" data-testid="closest-settlements">
            {settlements.map((s) => (
              <li key={s.slug}>
                <Link href={s.hasSite ? `/settlements/${s.slug}` : `/claim/${s.slug}`} className="text-primary underline">
                  {s.caption}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-sm text-muted-foreground">
        {t("alreadyFiled")}{" "}
        <Link href="/claims/sign-in" className="text-primary underline">
          {t("follow")}
        </Link>
        .
      </p>
    </div>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
