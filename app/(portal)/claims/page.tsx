import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FileText } from "lucide-react";
import { ClaimStatusBadge } from "@/components/claims/claim-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { formatLocalDate, formatLocalDay } from "@/lib/i18n/dates";
import { listMyClaims } from "@/lib/server/claims/list-my-claims";
import { pageActor } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal"))("yourClaims") };
}

// A class member's whole world in Proofline: their own claims.
export default async function MyClaimsPage() {
  const actor = await pageActor();
  if (actor.role !== "CLASS_MEMBER") notFound();
  const claims = await listMyClaims(actor);
  const t = await getTranslations("portal");
  const locale = await getLocale();
  const day = (d: Date | null) => (d ? formatLocalDate(d.toISOString().slice(0, 10), locale) : "—");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("yourClaims")}</h1>
      <p className="mb-6 text-muted-foreground">{t("myClaims.signedInAs", { email: actor.email })}</p>
      {claims.length === 0 ? (
        <EmptyState
          icon={<FileText />}
          title={t("myClaims.emptyTitle")}
          description={t("myClaims.emptyText")}
        />
      ) : (
        <ul className="grid gap-3" aria-label={t("yourClaims")}>
          {claims.map((c) => (
            <li key={c.id} className="rounded-lg border border-border bg-background p-4" data-testid="my-claim">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/claims/${c.number}`} className="text-lg font-medium text-primary underline-offset-4 hover:underline">
                  {t("myClaims.claim")} <Mono>{c.number}</Mono>
                </Link>
                <ClaimStatusBadge status={c.status} label={t(`myClaim.status.${c.status}`)} />
              </div>
              <p className="mt-1 text-sm text-muted-foreground">
                {c.matter.caption} · {t("myClaims.filed", { date: formatLocalDay(c.createdAt, c.matter.timeZone, locale) })}
              </p>
              {c.status === "DEFICIENT" && (
                <p className="mt-2 text-sm font-medium">{t("myClaims.actionNeeded", { date: day(c.deficiencyDueOn) })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
