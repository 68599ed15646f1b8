import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEnrollmentForm, DisableTwoFactorForm, RegenerateCodesForm, StartEnrollmentForm } from "@/components/auth/two-factor-forms";
import { TotpQr } from "@/components/auth/totp-qr";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { AppHeader } from "@/components/workspace/app-header";
import { ACCOUNT_ROLE_LABELS } from "@/lib/roles";
import { ZTwoFactorSetupQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { getTwoFactorStatus } from "@/lib/server/auth/get-two-factor-status";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { confirmTwoFactorEnrollmentAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorEnrollmentAction } from "./actions";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// The secret in groups of four, as authenticator apps ask for it when typed by hand.
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(" ");
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await pageActor();
  const { required, enrolled } = parseSearchParams(ZTwoFactorSetupQuery, await searchParams);
  const status = await loadOr404(() => getTwoFactorStatus(actor));
  const on = status.enabledAt !== null;
  const reasons = [
    status.requiredForAllStaff ? "the administrators require it of all staff" : null,
    ...status.requiredByMatters.map((m) => `${m.caption} requires it of its team`),
  ].filter((r): r is string => r !== null);
  return (
    <>
      <AppHeader user={{ name: actor.name, email: actor.email, roleLabel: ACCOUNT_ROLE_LABELS[actor.role] }} isAdmin={actor.role === "ADMIN"} />
      <main className="mx-auto flex max-w-2xl flex-col gap-6 p-6">
        <PageHeader
          title="Two-factor sign-in"
          description="After your password, Proofline asks for a code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password, Authy…)."
        />
        <p className="text-sm">
          <Link href="/account" className="text-primary underline">
            ← Your account
          </Link>
        </p>
        {required && !on && (
          <Alert variant="warning">
            <AlertTitle>Set up two-factor sign-in to continue</AlertTitle>
            <AlertDescription>
              {required === "matter"
                ? "The matter you opened requires it of its team; it stays closed to you until it is on."
                : "Your administrators require it of every staff account. Until it is on, you can reach only your account pages."}
            </AlertDescription>
          </Alert>
        )}
        {enrolled && on && (
          <Alert variant="success">
            <AlertDescription>Two-factor sign-in is on. Next time you sign in, have your phone (or a recovery code) at hand.</AlertDescription>
          </Alert>
        )}

        {(on || !status.pending) && (
          <Card>
            <CardHeader>
              <CardTitle as="h2" className="flex items-center gap-2">
                Status {on ? <Badge variant="info">On</Badge> : <Badge variant="neutral">Off</Badge>}
              </CardTitle>
              <CardDescription>
                {on
                  ? <>On since <Timestamp value={status.enabledAt} dateOnly />. {status.recoveryCodesLeft} of 10 recovery codes unused.</>
                  : "Off: your password alone signs you in."}
                {reasons.length > 0 && ` Required: ${reasons.join("; ")}.`}
              </CardDescription>
            </CardHeader>
            {!on && (
              <CardContent>
                <StartEnrollmentForm action={startTwoFactorEnrollmentAction} label="Set up two-factor sign-in" />
              </CardContent>
            )}
          </Card>
        )}

        {status.pending && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{on ? "Move to a new authenticator app" : "Set up your authenticator app"}</CardTitle>
              <CardDescription>1. Scan this QR code with the app (or type the key below). 2. Enter the code it shows, with your password.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              <ConfirmEnrollmentForm
                action={confirmTwoFactorEnrollmentAction}
                intro={
                  <div className="flex flex-wrap items-start gap-6">
                    <TotpQr uri={status.pending.uri} label="QR code for your authenticator app" />
                    <div className="flex min-w-0 flex-col gap-2 text-sm">
                      <p className="font-medium">Can’t scan? Enter this key in the app:</p>
                      <Mono copy value={status.pending.secret} copyLabel="Copy the set-up key" className="text-base" data-testid="totp-secret">
                        {grouped(status.pending.secret)}
                      </Mono>
                      <p className="text-muted-foreground">Type: time-based · 6 digits · every 30 seconds · account {actor.email}</p>
                    </div>
                  </div>
                }
                restart={<StartEnrollmentForm action={startTwoFactorEnrollmentAction} label="Start over with a new key" variant="outline" />}
              />
            </CardContent>
          </Card>
        )}

        {on && (
          <>
            <Card>
              <CardHeader>
                <CardTitle as="h2">Recovery codes</CardTitle>
                <CardDescription>Each signs you in once without your phone. New codes replace all the old ones.</CardDescription>
              </CardHeader>
              <CardContent>
                <RegenerateCodesForm action={regenerateRecoveryCodesAction} />
              </CardContent>
            </Card>
            {!status.pending && (
              <Card>
                <CardHeader>
                  <CardTitle as="h2">New phone?</CardTitle>
                  <CardDescription>Move two-factor sign-in to another authenticator app. The old one keeps working until the new one is confirmed.</CardDescription>
                </CardHeader>
                <CardContent>
                  <StartEnrollmentForm action={startTwoFactorEnrollmentAction} label="Set up a new authenticator app" variant="outline" />
                </CardContent>
              </Card>
            )}
            {reasons.length === 0 && (
              <Card>
                <CardHeader>
                  <CardTitle as="h2">Turn off</CardTitle>
                  <CardDescription>Your password alone will sign you in again. Your recovery codes are deleted.</CardDescription>
                </CardHeader>
                <CardContent>
                  <DisableTwoFactorForm action={disableTwoFactorAction} />
                </CardContent>
              </Card>
            )}
          </>
        )}
      </main>
    </>
  );
}
