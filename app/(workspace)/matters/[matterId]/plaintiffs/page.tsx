import type { Metadata } from "next";
import Link from "next/link";
import { CheckCircle2, Plus, Users } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateRange } from "@/lib/format";
import { ACCOUNT_STATUS_LABELS } from "@/lib/schemas/plaintiff";
import { listPlaintiffs } from "@/lib/server/plaintiffs/list-plaintiffs";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { ZSavedQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Plaintiffs" };

export default async function PlaintiffsPage({
  params,
  searchParams,
}: {
  params: Promise<{ matterId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { matterId } = await params;
  const { saved } = parseSearchParams(ZSavedQuery, await searchParams);
  const actor = await pageActor();
  const plaintiffs = await loadOr404(() => listPlaintiffs(actor, matterId));
  const savedName = plaintiffs.find((p) => p.id === saved)?.name;
  const addButton = (
    <Button asChild>
      <Link href={`/matters/${matterId}/plaintiffs/new`}>
        <Plus aria-hidden /> Add plaintiff
      </Link>
    </Button>
  );

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Plaintiffs"
        description="Named plaintiffs and putative class members whose facts the complaint pleads."
        actions={plaintiffs.length > 0 ? addButton : undefined}
      />
      {savedName && (
        <Alert variant="success" className="mb-4" icon={<CheckCircle2 aria-hidden />}>
          <AlertDescription>Saved {savedName}.</AlertDescription>
        </Alert>
      )}
      {plaintiffs.length === 0 ? (
        <EmptyState
          icon={<Users />}
          title="No plaintiffs yet"
          description="Add the named plaintiffs from the complaint: who they are, where they live, how they used the app."
          action={addButton}
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Kind</TableHead>
              <TableHead>Residence</TableHead>
              <TableHead>First used the app</TableHead>
              <TableHead>Account</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plaintiffs.map((p) => (
              <TableRow key={p.id} data-testid="plaintiff-row">
                <TableCell>
                  <Link href={`/matters/${matterId}/plaintiffs/${p.id}`} className="font-medium text-primary hover:underline">
                    {p.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <Badge variant={p.kind === "NAMED" ? "info" : "outline"}>{p.kind === "NAMED" ? "Named" : "Putative"}</Badge>
                </TableCell>
                <TableCell>{[p.residenceCity, p.residenceState].filter(Boolean).join(", ")}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateRange(p.firstUseFrom, p.firstUseTo)}</TableCell>
                <TableCell>{ACCOUNT_STATUS_LABELS[p.accountStatus]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
