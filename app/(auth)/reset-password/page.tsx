import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ZResetPasswordQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { isPasswordResetLinkUsable, RESET_LINK_UNUSABLE } from "@/lib/server/accounts/reset-password";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

// Opened from the mailed link. Looking uses nothing up; the token goes back with the form
// (it is the link's own secret, not a password) and is used up when the new password is set.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { token } = parseSearchParams(ZResetPasswordQuery, await searchParams);
  const usable = await isPasswordResetLinkUsable(token);
  return (
    <main className="flex min-h-screen items-center justify-center bg-subtle p-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">Proofline</p>
        <Card>
          <CardHeader>
            <CardTitle>Choose a new password</CardTitle>
            <CardDescription>Setting it signs you out on every browser and device.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {usable && token ? (
              <ResetPasswordForm action={resetPasswordAction} token={token} />
            ) : (
              <Alert variant="destructive">
                <AlertTitle>This link cannot be used</AlertTitle>
                <AlertDescription>{RESET_LINK_UNUSABLE}</AlertDescription>
              </Alert>
            )}
            <p className="text-sm">
              <Link href="/forgot-password" className="text-primary underline">
                Ask for a new link
              </Link>
            </p>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
