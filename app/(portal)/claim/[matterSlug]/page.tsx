import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CalendarClock } from "lucide-react";
import { PublicClaimForm } from "@/components/claims/public-claim-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatCalendarDate, todayIn } from "@/lib/claims/dates";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { prefillFromNotice } from "@/lib/server/claims/prefill-from-notice";
import { requestContext } from "@/lib/server/http/request-context";
import { loadOr404 } from "@/lib/server/page-guard";
import { submitClaimAction } from "./actions";
import { ZClaimFormQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "File a claim" };

export default async function ClaimFormPage({ params, searchParams }: { params: Promise<{ matterSlug: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterSlug } = await params;
  const { notice, code } = parseSearchParams(ZClaimFormQuery, await searchParams);
  const form = await loadOr404(() => getClaimForm(matterSlug));
  const prefill = await prefillFromNotice(form.matterId, notice, code, await requestContext());
  const def = form.definition;
  const closed = todayIn(form.timeZone) > def.claimDeadline;
  return (
    <>
      <p className="text-sm text-muted-foreground">{form.caption}</p>
      <h1 className="mb-3 text-3xl font-semibold tracking-tight">File a claim</h1>
      <p className="mb-4 text-base">{def.intro}</p>
      <Alert variant={closed ? "destructive" : "info"} className="mb-6" icon={<CalendarClock aria-hidden />}>
        <AlertTitle>{closed ? "The claim deadline has passed" : `File by ${formatCalendarDate(def.claimDeadline)}`}</AlertTitle>
        <AlertDescription>
          Class period: {formatCalendarDate(def.classPeriod.start)} to {formatCalendarDate(def.classPeriod.end)}. It takes about 5 minutes; fields marked * are required.
        </AlertDescription>
      </Alert>
      {prefill.limited && (
        <Alert variant="info" className="mb-6" data-testid="prefill-limited">
          <AlertTitle>We could not fill in your details from the notice just now</AlertTitle>
          <AlertDescription>Too many tries were made with this notice. You can still file: type your details below, or open the link from your notice again later.</AlertDescription>
        </Alert>
      )}
      {!closed && <PublicClaimForm definition={def} action={submitClaimAction.bind(null, matterSlug)} submissionKey={randomUUID()} prefill={prefill.values} />}
    </>
  );
}
