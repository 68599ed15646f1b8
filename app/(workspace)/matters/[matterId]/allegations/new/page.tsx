import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { AllegationForm } from "@/components/allegations/allegation-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/server/auth/policy";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createAllegationAction } from "../actions";
import { allegationFormOptions } from "../form-options";

export const metadata: Metadata = { title: "Add allegation" };

export default async function NewAllegationPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
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
        initial={{ kind: "DATA_TRANSFER" }}
        hidden={{ submissionKey: randomUUID() }}
        counts={choices}
        countries={countries}
        submitLabel="Add allegation"
        cancelHref={`/matters/${matterId}/allegations`}
      />
    </div>
  );
}
