import type { Metadata } from "next";
import Link from "next/link";
import { Files } from "lucide-react";
import { ExhibitListBuilder } from "@/components/reports/exhibit-list-builder";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { exhibitLabel } from "@/lib/bates/format";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { getMatterDetails } from "@/lib/server/matters/get-matter-details";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Exhibit list" };

export default async function ExhibitListPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const [{ rows, access }, { matter }] = await loadOr404(() => Promise.all([listExhibits(actor, matterId, {}), getMatterDetails(actor, matterId)]));
  const missing = [
    ["presiding judge", matter.judge],
    ["plaintiff's attorneys", matter.plaintiffsCounsel],
    ["defendant's attorneys", matter.defendantsCounsel],
    ["trial date", matter.trialDate],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k as string);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/reports`} className="hover:underline">
            Reports
          </Link>
        }
        title="Exhibit list (AO 187)"
        description="Choose the exhibits and their order. Privileged exhibits are left out unless an attorney puts them on. Date offered, marked and admitted are left blank for trial."
      />
      {missing.length > 0 && (
        <Alert variant="warning" className="mb-4" data-testid="header-gaps">
          <AlertDescription>
            The list&apos;s header will print blanks for what the matter does not record: {missing.join(", ")}.{" "}
            <Link href={`/matters/${matterId}/settings`} className="font-medium underline">
              {access.can("matter.edit") ? "Record them in matter settings" : "An attorney can record them in matter settings"}
            </Link>
            .
          </AlertDescription>
        </Alert>
      )}
      {rows.length === 0 ? (
        <EmptyState icon={<Files />} title="No exhibits yet" description="Upload exhibits first; each can then be put on the list." />
      ) : (
        <ExhibitListBuilder
          exportBase={`/api/v1/matters/${matterId}/exhibits/exports`}
          canIncludePrivileged={access.can("exhibits.list-privileged")}
          exhibits={rows.map((r) => ({ number: r.number, label: exhibitLabel(r.prefix, r.number), title: r.title, confidentiality: r.confidentiality, privilege: r.privilege }))}
        />
      )}
    </div>
  );
}
