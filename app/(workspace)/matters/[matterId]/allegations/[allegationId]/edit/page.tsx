import type { Metadata } from "next";
import Link from "next/link";
import { AllegationForm } from "@/components/allegations/allegation-form";
import { PageHeader } from "@/components/ui/page-header";
import { calendarFromDate } from "@/lib/schemas/common";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { updateAllegationAction } from "../../actions";
import { allegationFormOptions } from "../../form-options";

export const metadata: Metadata = { title: "Edit allegation" };

export default async function EditAllegationPage({ params }: { params: Promise<{ matterId: string; allegationId: string }> }) {
  const { matterId, allegationId } = await params;
  const actor = await pageActor();
  const { allegation: a } = await loadOr404(() => getAllegation(actor, matterId, allegationId));
  const { choices, countries } = await allegationFormOptions(actor, matterId);
  const dt = a.dataTransfer;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={`Edit ¶ ${a.paragraph}`}
        breadcrumb={<Link href={`/matters/${matterId}/allegations/${a.id}`} className="hover:underline">¶ {a.paragraph}</Link>}
      />
      <AllegationForm
        action={updateAllegationAction.bind(null, matterId, a.id)}
        initial={{
          paragraph: String(a.paragraph),
          text: a.text,
          kind: a.kind,
          elementIds: a.elements.map((e) => e.elementId),
          dataCategories: dt?.dataCategories,
          destinationHost: dt?.destinationHost,
          recipientOrg: dt?.recipientOrg ?? undefined,
          destinationCountry: dt?.destinationCountry ?? undefined,
          sdk: dt?.sdk ?? undefined,
          observedFrom: calendarFromDate(dt?.observedFrom),
          observedTo: calendarFromDate(dt?.observedTo),
          appPlatform: dt?.appPlatform,
          appVersion: dt?.appVersion ?? undefined,
          sdkPrefixes: a.sdkPrefixes.join(", ") || undefined,
        }}
        hidden={{ expectedUpdatedAt: a.updatedAt.toISOString() }}
        counts={choices}
        countries={countries}
        submitLabel="Save changes"
        cancelHref={`/matters/${matterId}/allegations/${a.id}`}
      />
    </div>
  );
}
