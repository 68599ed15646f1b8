import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MailCheck } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Mono } from "@/components/ui/mono";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { ZClaimSubmittedQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Claim received" };

// Shows only what the filer already has (the number they were redirected with): nothing is looked up.
export default async function SubmittedPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { number: raw } = parseSearchParams(ZClaimSubmittedQuery, await searchParams);
  const number = raw ? normalizeClaimNumber(raw) : null;
  if (!number) notFound();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="flex items-center gap-2 text-2xl">
          <MailCheck aria-hidden className="size-6 text-primary" /> Your claim was received
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-base">
        <p>
          Your claim number is{" "}
          <Mono copy className="text-lg" data-testid="claim-number">
            {number}
          </Mono>
          . Keep it: you need it if you contact the settlement administrator.
        </p>
        <p>
          <strong>Check your email.</strong> We sent you a link to confirm your email address. Open it to see your claim&apos;s status and answer any
          questions about it. The link works once and expires in 72 hours.
        </p>
      </CardContent>
    </Card>
  );
}
