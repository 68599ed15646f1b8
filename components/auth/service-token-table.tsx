import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";

export type ServiceTokenRow = {
  id: string;
  name: string;
  matter: { shortName: string } | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  state: "active" | "expired" | "revoked";
};

const STATE_BADGE = { active: { variant: "info", label: "Active" }, expired: { variant: "neutral", label: "Expired" }, revoked: { variant: "neutral", label: "Revoked" } } as const;

// Claim-feed tokens with who made them and when they were last used; `revoke` renders the
// action for an active one.
export function ServiceTokenTable({ tokens, showMatter, revoke }: { tokens: ServiceTokenRow[]; showMatter?: boolean; revoke: (t: ServiceTokenRow) => ReactNode }) {
  if (tokens.length === 0) return <EmptyState title="No claim-feed tokens" description="Create one below for the notice administrator; it is shown once." />;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          {showMatter && <TableHead>Matter</TableHead>}
          <TableHead>Made by</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>State</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((t) => (
          <TableRow key={t.id}>
            <TableCell className="font-medium">{t.name}</TableCell>
            {showMatter && <TableCell>{t.matter?.shortName ?? "—"}</TableCell>}
            <TableCell>{t.createdBy}</TableCell>
            <TableCell><Timestamp value={t.createdAt} /></TableCell>
            <TableCell><Timestamp value={t.expiresAt} /></TableCell>
            <TableCell>{t.lastUsedAt ? <Timestamp value={t.lastUsedAt} /> : "Never"}</TableCell>
            <TableCell>
              <Badge variant={STATE_BADGE[t.state].variant}>{STATE_BADGE[t.state].label}</Badge>
            </TableCell>
            <TableCell>{t.state === "active" && revoke(t)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
