import type { Metadata } from "next";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign out" };

// A page of its own (not only the menu item) so a sign-out link works without JavaScript.
export default function SignOutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-subtle p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>Sign out</CardTitle>
          <CardDescription>You will need your password to come back.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutForm />
        </CardContent>
      </Card>
    </main>
  );
}
