import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getActor } from "@/lib/server/auth/get-actor";
import { ZSignInQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  if (await getActor()) redirect("/");
  const { callbackUrl, reset } = parseSearchParams(ZSignInQuery, await searchParams);
  return (
    <main className="flex min-h-screen items-center justify-center bg-subtle p-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">Proofline</p>
        {reset && (
          <Alert variant="success" className="mb-4">
            <AlertDescription>Your password was changed and you were signed out everywhere. Sign in with the new one.</AlertDescription>
          </Alert>
        )}
        <Card>
          <CardHeader>
            <CardTitle>Sign in</CardTitle>
            <CardDescription>Legal team and class members use the same sign-in.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
            <p className="text-sm">
              <Link href="/forgot-password" className="text-primary underline">
                Forgot password?
              </Link>
            </p>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
