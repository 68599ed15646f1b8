"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import type { TClaimStatus } from "@/lib/schemas/claim";
import { ClaimStatusBadge } from "@/components/claims/claim-status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Mono } from "@/components/ui/mono";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";

export type QueueRow = {
  id: string;
  number: string;
  status: TClaimStatus;
  name: string;
  email: string;
  state: string;
  subclass: string | null;
  fraudScore: number;
  signals: number;
  recommendation: string | null;
  filed: Date;
  deficientDays: number | null;
};

type Props = {
  matterId: string;
  rows: QueueRow[];
  threshold: number;
  canDecide: boolean;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

export function ClaimQueueTable({ matterId, rows, threshold, canDecide, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const all = rows.length > 0 && selected.size === rows.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form action={formAction} className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3 rounded-md border border-border bg-subtle p-3" data-print="hide">
        <span className="text-sm font-medium" aria-live="polite">
          {selected.size} selected
        </span>
        <div className="grid gap-1">
          <Label htmlFor="bulk-action" className="text-xs">
            Action
          </Label>
          <Select id="bulk-action" name="action" defaultValue="verify" className="h-8 w-40">
            <option value="verify">Verify</option>
            {canDecide && <option value="approve">Approve</option>}
            {canDecide && <option value="reject">Reject</option>}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="bulk-reason" className="text-xs">
            Reason (required to reject)
          </Label>
          <Input id="bulk-reason" name="reason" className="h-8 w-72" />
        </div>
        <Button type="submit" size="sm" disabled={pending || selected.size === 0}>
          {pending ? "Applying…" : "Apply to selected"}
        </Button>
        {state.status !== "idle" && (
          <Alert variant={state.status === "error" ? "destructive" : "success"} className="py-1.5">
            <AlertDescription>
              {state.message}
              {state.status === "error" && Object.values(state.fieldErrors).flat().join(" ")}
            </AlertDescription>
          </Alert>
        )}
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8">
              <Checkbox aria-label="Select all claims on this page" checked={all} onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} />
            </TableHead>
            <TableHead>Claim</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Claimant</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Subclass</TableHead>
            <TableHead className="text-right">Fraud score</TableHead>
            <TableHead>Recommendation</TableHead>
            <TableHead>Filed</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="claim-row">
              <TableCell>
                <Checkbox name="claimIds" value={r.id} aria-label={`Select claim ${r.number}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
              </TableCell>
              <TableCell>
                <Link href={`/matters/${matterId}/claims/${r.id}`} className="font-medium text-primary hover:underline">
                  <Mono>{r.number}</Mono>
                </Link>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <ClaimStatusBadge status={r.status} />
                {r.deficientDays !== null && <span className="ml-1 text-xs text-muted-foreground">{r.deficientDays} d</span>}
              </TableCell>
              <TableCell>
                <div>{r.name}</div>
                <div className="text-xs text-muted-foreground">{r.email}</div>
              </TableCell>
              <TableCell>{r.state}</TableCell>
              <TableCell>{r.subclass ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums">
                {r.fraudScore >= threshold ? (
                  <Badge variant="warning" title="At or above the review threshold">
                    {r.fraudScore} · review
                  </Badge>
                ) : (
                  <span>{r.fraudScore}</span>
                )}
                {r.signals > 0 && <span className="ml-1 text-xs text-muted-foreground">({r.signals} signals)</span>}
              </TableCell>
              <TableCell>{r.recommendation ? r.recommendation.toLowerCase() : "—"}</TableCell>
              <TableCell className="whitespace-nowrap"><Timestamp value={r.filed} dateOnly /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </form>
  );
}
