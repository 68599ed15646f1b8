import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CountForm } from "@/components/counts/count-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/server/auth/policy";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { createCountAction } from "../actions";

export const metadata: Metadata = { title: "Add count" };

export default async function NewCountPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  await loadOr404(() => requirePermission(actor, matterId, "counts.write"));
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Add count" breadcrumb={<Link href={`/matters/${matterId}/counts`} className="hover:underline">Counts</Link>} />
      <CountForm action={createCountAction.bind(null, matterId)} initial={{}} hidden={{ submissionKey: randomUUID() }} withElements submitLabel="Add count" />
    </div>
  );
}
