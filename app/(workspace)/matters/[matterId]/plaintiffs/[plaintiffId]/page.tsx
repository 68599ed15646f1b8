import type { Metadata } from "next";
import Link from "next/link";
import { PlaintiffForm } from "@/components/plaintiffs/plaintiff-form";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { calendarFromDate } from "@/lib/schemas/common";
import { getPlaintiff } from "@/lib/server/plaintiffs/get-plaintiff";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { updatePlaintiffAction } from "../actions";

export const metadata: Metadata = { title: "Plaintiff" };

export default async function PlaintiffPage({ params }: { params: Promise<{ matterId: string; plaintiffId: string }> }) {
  const { matterId, plaintiffId } = await params;
  const actor = await pageActor();
  const p = await loadOr404(() => getPlaintiff(actor, matterId, plaintiffId));
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={p.name}
        description={<>Last changed <Timestamp value={p.updatedAt} /></>}
        breadcrumb={<Link href={`/matters/${matterId}/plaintiffs`} className="hover:underline">Plaintiffs</Link>}
      />
      <PlaintiffForm
        action={updatePlaintiffAction.bind(null, matterId, p.id)}
        initial={{
          name: p.name,
          kind: p.kind,
          residenceCity: p.residenceCity ?? undefined,
          residenceState: p.residenceState,
          appUsage: p.appUsage,
          firstUseFrom: calendarFromDate(p.firstUseFrom),
          firstUseTo: calendarFromDate(p.firstUseTo),
          accountStatus: p.accountStatus,
          notes: p.notes ?? undefined,
        }}
        hidden={{ expectedUpdatedAt: p.updatedAt.toISOString() }}
        submitLabel="Save changes"
        cancelHref={`/matters/${matterId}/plaintiffs`}
      />
    </div>
  );
}
