import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequestLinkForm } from "@/components/claims/request-link-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requestLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.signIn"))("title") };
}

export default async function ClaimsSignInPage() {
  const t = await getTranslations("portal.signIn");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          {t("title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-base">
        <p>{t("text")}</p>
        <RequestLinkForm action={requestLinkAction} labels={{ email: t("email"), send: t("send"), sending: t("sending") }} />
        <p className="text-sm text-muted-foreground">
          {t("password")}{" "}
          <Link href="/sign-in?callbackUrl=/claims" className="text-primary underline">
            {t("passwordLink")}
          </Link>
          .
        </p>
      </CardContent>
    </Card>
  );
}
