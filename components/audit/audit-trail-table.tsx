import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { describeAuditEvent } from "@/lib/audit/events";

export type AuditTrailEvent = { id: bigint | string; at: Date; action: string; actor: { name: string } | null; details?: unknown };

// Who did what when, from the hash-chained audit log; the same table on every page that shows history.
export function AuditTrailTable({ events }: { events: AuditTrailEvent[] }) {
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
        {events.map((e) => {
          const { label, sentence } = describeAuditEvent(e);
          return (
            <TableRow key={e.id.toString()}>
              <TableCell className="whitespace-nowrap text-muted-foreground"><Timestamp value={e.at} /></TableCell>
              <TableCell>{e.actor?.name ?? "System"}</TableCell>
              <TableCell>
                <span className="font-medium">{label}</span> <span className="text-xs text-muted-foreground">{sentence}</span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
