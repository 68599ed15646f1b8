import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UseLinkForm } from "@/components/claims/use-link-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { redeemLinkAction } from "./actions";
import { ZVerifyQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.verify"))("title") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { token } = parseSearchParams(ZVerifyQuery, await searchParams);
  const t = await getTranslations("portal.verify");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          {t("title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-base">
        {token ? (
          <>
            <p>{t("text")}</p>
            <UseLinkForm token={token} action={redeemLinkAction} />
          </>
        ) : (
          <p>
            {t("incomplete")}{" "}
            <Link href="/claims/sign-in" className="text-primary underline">
              {t("askNew")}
            </Link>
            .
          </p>
        )}
      </CardContent>
    </Card>
  );
}
