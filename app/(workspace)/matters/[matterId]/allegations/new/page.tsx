import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { AllegationForm } from "@/components/allegations/allegation-form";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { isStorableText, ZCalendarDate } from "@/lib/schemas/common";
import { requirePermission } from "@/lib/server/auth/policy";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createAllegationAction } from "../actions";
import { allegationFormOptions } from "../form-options";

export const metadata: Metadata = { title: "Add allegation" };

// A draft from "possible new allegations" on a capture (lib/server/network): the destination and
// period the capture showed, for a person to complete and confirm. Anything malformed is dropped.
const ZDraft = z
  .object({
    destinationHost: z.string().max(253).regex(/^[a-z0-9.-]+$/i),
    recipientOrg: z.string().max(200).refine(isStorableText),
    destinationCountry: z.string().regex(/^[A-Z]{2}$/),
    observedFrom: ZCalendarDate,
    observedTo: ZCalendarDate,
  })
  .partial();

export default async function NewAllegationPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { matterId } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string"));
  const draft = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k in ZDraft.shape && ZDraft.shape[k as keyof typeof ZDraft.shape].safeParse(v).success));
  const actor = await pageActor();
  const { choices, countries } = await loadOr404(async () => {
    await requirePermission(actor, matterId, "allegations.write");
    return allegationFormOptions(actor, matterId);
  });
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Add allegation" breadcrumb={<Link href={`/matters/${matterId}/allegations`} className="hover:underline">Allegations</Link>} />
      <AllegationForm
        action={createAllegationAction.bind(null, matterId)}
        initial={{ kind: "DATA_TRANSFER", ...draft }}
        hidden={{ submissionKey: randomUUID() }}
        counts={choices}
        countries={countries}
        submitLabel="Add allegation"
        cancelHref={`/matters/${matterId}/allegations`}
      />
    </div>
  );
}
