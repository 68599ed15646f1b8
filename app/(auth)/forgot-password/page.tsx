import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-subtle p-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight">Proofline</p>
        <Card>
          <CardHeader>
            <CardTitle>Reset your password</CardTitle>
            <CardDescription>Legal team accounts: enter your work e-mail and we will send you a link to choose a new password.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ForgotPasswordForm action={requestPasswordResetAction} />
            <p className="text-sm text-muted-foreground">
              Filed a claim? You need no password:{" "}
              <Link href="/claims/sign-in" className="text-primary underline">
                get a sign-in link
              </Link>
              . <Link href="/sign-in" className="text-primary underline">Back to sign-in</Link>
            </p>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
