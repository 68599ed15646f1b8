import type { ReactNode } from "react";
import { Mono } from "@/components/ui/mono";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

export type AuditTrailEvent = { id: bigint | string; at: Date; action: string; actor: { name: string } | null; details?: unknown };

// Who did what when, from the hash-chained audit log; the same table on every page that shows history.
export function AuditTrailTable<E extends AuditTrailEvent>({ events, detail }: { events: E[]; detail?: (event: E) => ReactNode }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Who</TableHead>
          <TableHead>What</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id.toString()}>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(e.at)}</TableCell>
            <TableCell>{e.actor?.name ?? "System"}</TableCell>
            <TableCell>
              <Mono className="text-xs">{e.action}</Mono>
              {detail && <> {detail(e)}</>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
