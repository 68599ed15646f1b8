import type { Metadata } from "next";
import { RevokeApiTokenForm } from "@/components/auth/api-token-forms";
import { CreateServiceTokenForm } from "@/components/auth/service-token-forms";
import { ServiceTokenTable } from "@/components/auth/service-token-table";
import { MatterDetailsForm } from "@/components/matters/matter-details-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { utcToZonedTime } from "@/lib/claims/dates";
import { BLANK } from "@/lib/reports/papers";
import { calendarFromDate } from "@/lib/schemas/common";
import { MATTER_DETAIL_LABELS } from "@/lib/schemas/matter";
import { listServiceTokens } from "@/lib/server/api-tokens/list-service-tokens";
import { getMatterDetails } from "@/lib/server/matters/get-matter-details";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createServiceTokenAction, revokeServiceTokenAction, updateMatterDetailsAction } from "./actions";

export const metadata: Metadata = { title: "Matter settings" };

export default async function MatterSettingsPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const { matter, access } = await loadOr404(() => getMatterDetails(actor, matterId));
  const feedTokens = access.can("claims.feed-tokens") ? await listServiceTokens(actor, matterId) : null;
  const values = {
    court: matter.court,
    docketNumber: matter.docketNumber,
    judge: matter.judge ?? undefined,
    plaintiffsCounsel: matter.plaintiffsCounsel ?? undefined,
    defendantsCounsel: matter.defendantsCounsel ?? undefined,
    trialDate: calendarFromDate(matter.trialDate),
    fre502dOrder: matter.fre502dOrder ?? undefined,
    protectiveOrder: matter.protectiveOrder ?? undefined,
    optOutDeadline: calendarFromDate(matter.optOutDeadline),
    objectionDeadline: calendarFromDate(matter.objectionDeadline),
    finalApprovalHearingAt: matter.finalApprovalHearingAt ? utcToZonedTime(matter.finalApprovalHearingAt, matter.timeZone) : undefined,
  };
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Matter settings"
        description="The facts the court papers cite: the exhibit list's AO 187 header, and the FRE 502(d) and protective orders named on productions, and the settlement dates the public settlement website shows. What is left empty prints as a blank to complete, never a guess."
      />
      {access.can("matter.edit") ? (
        <MatterDetailsForm action={updateMatterDetailsAction.bind(null, matterId)} initial={values} timeZone={matter.timeZone} expectedUpdatedAt={matter.updatedAt.toISOString()} />
      ) : (
        <>
          <Alert className="mb-4">
            <AlertDescription>Only an attorney on this matter can change these details.</AlertDescription>
          </Alert>
          <dl className="grid grid-cols-[14rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="matter-details">
            {(Object.keys(MATTER_DETAIL_LABELS) as (keyof typeof MATTER_DETAIL_LABELS)[]).map((k) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{MATTER_DETAIL_LABELS[k]}</dt>
                <dd className="whitespace-pre-wrap">{values[k] ?? BLANK}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {feedTokens && (
        <Card className="mt-8">
          <CardHeader>
            <CardTitle as="h2">Claim-feed tokens</CardTitle>
            <CardDescription>
              A notice administrator files claims into this matter by sending them, with one of these tokens, to <code className="font-mono">POST /api/v1/claims/{matter.slug}</code>. A claim-feed token
              does nothing else: it cannot read the matter or file into another. Each claim it files is audited with the token.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <ServiceTokenTable tokens={feedTokens} revoke={(t) => <RevokeApiTokenForm action={revokeServiceTokenAction.bind(null, matterId)} tokenId={t.id} name={t.name} />} />
            <CreateServiceTokenForm action={createServiceTokenAction.bind(null, matterId)} claimPath={`POST /api/v1/claims/${matter.slug}`} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
