import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { PlaintiffForm } from "@/components/plaintiffs/plaintiff-form";
import { PageHeader } from "@/components/ui/page-header";
import { getMatterHeader } from "@/lib/server/matters/get-matter-header";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createPlaintiffAction } from "../actions";

export const metadata: Metadata = { title: "Add plaintiff" };

export default async function NewPlaintiffPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  await loadOr404(() => getMatterHeader(actor, matterId));
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Add plaintiff"
        breadcrumb={<Link href={`/matters/${matterId}/plaintiffs`} className="hover:underline">Plaintiffs</Link>}
      />
      <PlaintiffForm
        action={createPlaintiffAction.bind(null, matterId)}
        initial={{}}
        hidden={{ submissionKey: randomUUID() }}
        submitLabel="Add plaintiff"
        cancelHref={`/matters/${matterId}/plaintiffs`}
      />
    </div>
  );
}
