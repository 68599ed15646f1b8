import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MailCheck } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Mono } from "@/components/ui/mono";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { ZClaimSubmittedQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.submitted"))("title") };
}

// Shows only what the filer already has (the number they were redirected with): nothing is looked up.
export default async function SubmittedPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { number: raw } = parseSearchParams(ZClaimSubmittedQuery, await searchParams);
  const number = raw ? normalizeClaimNumber(raw) : null;
  if (!number) notFound();
  const t = await getTranslations("portal.submitted");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="flex items-center gap-2 text-2xl">
          <MailCheck aria-hidden className="size-6 text-primary" /> {t("title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-base">
        <p>
          {t("number")}{" "}
          <Mono copy className="text-lg" data-testid="claim-number">
            {number}
          </Mono>
          . {t("keep")}
        </p>
        <p>
          <strong>{t("checkEmail")}</strong> {t("emailText")}
        </p>
      </CardContent>
    </Card>
  );
}
