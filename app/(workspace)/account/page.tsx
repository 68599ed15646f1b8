import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AppHeader } from "@/components/workspace/app-header";
import { accountHas } from "@/lib/permissions";
import { ACCOUNT_ROLE_LABELS } from "@/lib/roles";
import { getTwoFactorStatus } from "@/lib/server/auth/get-two-factor-status";
import { pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { changed } = await searchParams;
  const actor = await pageActor();
  const twoFactor = accountHas(actor.role, "account.two-factor") ? await getTwoFactorStatus(actor) : null;
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
        {twoFactor && (
          <Card>
            <CardHeader>
              <CardTitle as="h2" className="flex items-center gap-2">
                Two-factor sign-in {twoFactor.enabledAt ? <Badge variant="info">On</Badge> : <Badge variant="neutral">Off</Badge>}
              </CardTitle>
              <CardDescription>
                {twoFactor.enabledAt
                  ? `A code from your authenticator app is asked after your password. ${twoFactor.recoveryCodesLeft} recovery codes unused.`
                  : actor.mustEnrollTwoFactor
                    ? "Required for your account: set it up to reach your matters."
                    : "Ask for a code from your phone after your password, so a stolen password is not enough."}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <Button asChild variant={twoFactor.enabledAt ? "outline" : "default"}>
                <Link href="/account/two-factor">{twoFactor.enabledAt ? "Manage two-factor sign-in" : "Set up two-factor sign-in"}</Link>
              </Button>
            </CardContent>
          </Card>
        )}
        {accountHas(actor.role, "account.tokens") && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">API tokens</CardTitle>
              <CardDescription>Let scripts and other systems use the JSON API as you, on the matters you choose.</CardDescription>
            </CardHeader>
            <CardContent>
              <Button asChild variant="outline">
                <Link href="/account/tokens">Manage API tokens</Link>
              </Button>
            </CardContent>
          </Card>
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
