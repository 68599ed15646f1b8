import type { Metadata } from "next";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AppHeader } from "@/components/workspace/app-header";
import { ACCOUNT_ROLE_LABELS } from "@/lib/roles";
import { pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { changed } = await searchParams;
  const actor = await pageActor();
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin={actor.role === "ADMIN"} />
      <main className="mx-auto flex max-w-xl flex-col gap-6 p-6">
        <PageHeader title="Your account" description={`${actor.name} · ${actor.email}`} />
        {changed === "1" && (
          <Alert variant="success">
            <AlertDescription>Password changed. You were signed out everywhere else.</AlertDescription>
          </Alert>
        )}
        <Card>
          <CardHeader>
            <CardTitle as="h2">Change password</CardTitle>
            <CardDescription>Changing it signs you out on every other browser and device.</CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm />
          </CardContent>
        </Card>
      </main>
    </>
  );
}
