import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Scale } from "lucide-react";
import { countLabel, elementLabel } from "@/lib/ledger/labels";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listCounts } from "@/lib/server/counts/list-counts";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Counts" };

export default async function CountsPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const counts = await loadOr404(() => listCounts(actor, matterId));
  const addButton = (
    <Button asChild>
      <Link href={`/matters/${matterId}/counts/new`}>
        <Plus aria-hidden /> Add count
      </Link>
    </Button>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Counts" description="The causes of action and the elements each must prove. Allegations are tied to elements." actions={addButton} />
      {counts.length === 0 ? (
        <EmptyState icon={<Scale />} title="No counts yet" description="Add the complaint's causes of action with their elements." action={addButton} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Count</TableHead>
              <TableHead>Elements</TableHead>
              <TableHead className="text-right">Allegations</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {counts.map((c) => (
              <TableRow key={c.id} data-testid="count-row">
                <TableCell className="w-80">
                  <Link href={`/matters/${matterId}/counts/${c.id}`} className="font-medium text-primary hover:underline">
                    {countLabel(c.number)} — {c.title}
                  </Link>
                  {c.statute && <div className="text-xs text-muted-foreground">{c.statute}</div>}
                </TableCell>
                <TableCell>
                  <ol className="grid gap-0.5">
                    {c.elements.map((e) => (
                      <li key={e.id}>
                        <span className="mr-1 font-mono text-xs text-muted-foreground">{elementLabel(`${c.number}.${e.position}`)}</span>
                        {e.text}
                      </li>
                    ))}
                  </ol>
                </TableCell>
                <TableCell className="text-right">
                  <ol className="grid gap-0.5">
                    {c.elements.map((e) => (
                      <li key={e.id}>
                        <Link href={`/matters/${matterId}/allegations?element=element:${e.id}`} className="hover:underline">
                          {e._count.allegations}
                        </Link>
                      </li>
                    ))}
                  </ol>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
