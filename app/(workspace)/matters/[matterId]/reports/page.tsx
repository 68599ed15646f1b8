import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getMatterHeader } from "@/lib/server/matters/get-matter-header";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  await loadOr404(() => getMatterHeader(actor, matterId));
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Reports" />
      <ul className="grid gap-3 text-sm">
        <li>
          <Link href={`/matters/${matterId}/reports/gaps`} className="font-medium text-primary hover:underline">
            Gap report
          </Link>
          <p className="text-muted-foreground">Every allegation not yet proven — unsupported, contradicted, partial or flagged — with its open evidence requests. Printable, or as CSV.</p>
        </li>
      </ul>
    </div>
  );
}
