import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ZSignInQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { getActor } from "@/lib/server/auth/get-actor";
import { readTicket, TWO_FACTOR_COOKIE } from "@/lib/server/auth/sign-in-tickets";
import { secondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// The second step: only after a right password (its ticket is in an httpOnly cookie).
export default async function TwoFactorSignInPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  if (await getActor()) redirect("/");
  const { callbackUrl } = parseSearchParams(ZSignInQuery, await searchParams);
  if (!(await readTicket("two-factor", (await cookies()).get(TWO_FACTOR_COOKIE)?.value))) redirect("/sign-in");
  return (
    <main className="flex min-h-screen items-center justify-center bg-subtle p-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">Proofline</p>
        <Card>
          <CardHeader>
            <CardTitle>Enter your code</CardTitle>
            <CardDescription>Open your authenticator app and enter the 6-digit code it shows for Proofline.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <TwoFactorForm action={secondFactorAction} callbackUrl={callbackUrl} />
            <p className="text-sm text-muted-foreground">
              No phone? Enter one of your recovery codes instead; each works once.{" "}
              <Link href="/sign-in" className="text-primary underline">
                Start again
              </Link>
            </p>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
