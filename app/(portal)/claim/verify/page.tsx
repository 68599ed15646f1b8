import type { Metadata } from "next";
import Link from "next/link";
import { UseLinkForm } from "@/components/claims/use-link-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { redeemLinkAction } from "./actions";
import { ZVerifyQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { token } = parseSearchParams(ZVerifyQuery, await searchParams);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Confirm your email
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-base">
        {token ? (
          <>
            <p>Press the button to confirm your email address and sign in to see your claim.</p>
            <UseLinkForm token={token} action={redeemLinkAction} />
          </>
        ) : (
          <p>
            This link is incomplete. Copy the whole link from the email, or <Link href="/claims/sign-in" className="text-primary underline">ask for a new one</Link>.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
