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
          <Link href={`/matters/${matterId}/reports/exhibit-list`} className="font-medium text-primary hover:underline">
            Exhibit list (AO 187)
          </Link>
          <p className="text-muted-foreground">Choose the exhibits and their order; privileged exhibits are left out unless an attorney includes them. PDF with the AO 187 header, or CSV.</p>
        </li>
        <li>
          <a href={`/api/v1/matters/${matterId}/exhibits/exports/privilege-log.pdf`} className="font-medium text-primary hover:underline">
            Privilege log PDF
          </a>{" "}
          ·{" "}
          <a href={`/api/v1/matters/${matterId}/exhibits/exports/privilege-log.csv`} className="font-medium text-primary hover:underline">
            CSV
          </a>
          <p className="text-muted-foreground">Every privileged exhibit (FRCP 26(b)(5)(A)); e-mails with author, recipients, cc, date and subject from their own headers, and each attachment inside on a line of its own.</p>
        </li>
        <li>
          <Link href={`/matters/${matterId}/settings`} className="font-medium text-primary hover:underline">
            Matter settings
          </Link>
          <p className="text-muted-foreground">Court, case number, judge, counsel, trial date and the orders the papers cite.</p>
        </li>
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
