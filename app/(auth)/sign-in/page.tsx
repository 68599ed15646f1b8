import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getActor } from "@/lib/server/auth/get-actor";
import { ZSignInQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  if (await getActor()) redirect("/");
  const { callbackUrl } = parseSearchParams(ZSignInQuery, await searchParams);
  return (
    <main className="flex min-h-screen items-center justify-center bg-subtle p-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">Proofline</p>
        <Card>
          <CardHeader>
            <CardTitle>Sign in</CardTitle>
            <CardDescription>Legal team and class members use the same sign-in.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
