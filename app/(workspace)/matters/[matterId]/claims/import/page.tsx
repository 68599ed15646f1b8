import type { Metadata } from "next";
import Link from "next/link";
import { NoticeImport } from "@/components/claims/notice-import";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/server/auth/policy";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Import notice list" };

export default async function ImportNoticesPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  await loadOr404(() => requirePermission(actor, matterId, "claims.import"));
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/claims`} className="hover:underline">
            Claims
          </Link>
        }
        title="Import notice list"
        description="The settlement administrator's list of people sent a notice. Rows are upserted by notice ID; bad rows are listed by line and skipped."
      />
      <NoticeImport uploadUrl={`/matters/${matterId}/claims/import/upload`} />
    </div>
  );
}
