import * as React from "react";
import { CircleCheck, CircleX, Contrast, TriangleAlert, type LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils/cn";
import { badgeVariants } from "./badge";

export const EVIDENCE_STATUSES = ["SUPPORTED", "PARTIAL", "UNSUPPORTED", "CONTRADICTED"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** Single source for each status's word, icon and colour, also usable in legends and filters. */
export const STATUS_META: Record<
  EvidenceStatus,
  { label: string; icon: LucideIcon; variant: "supported" | "partial" | "unsupported" | "contradicted" }
> = {
  SUPPORTED: { label: "Supported", icon: CircleCheck, variant: "supported" },
  // Half-filled circle: some, not all, of the allegation is backed.
  PARTIAL: { label: "Partial", icon: Contrast, variant: "partial" },
  UNSUPPORTED: { label: "Unsupported", icon: CircleX, variant: "unsupported" },
  CONTRADICTED: { label: "Contradicted", icon: TriangleAlert, variant: "contradicted" },
};

export type StatusBadgeProps = Omit<React.ComponentProps<"span">, "children"> & {
  status: EvidenceStatus;
  /** Override the word (e.g. "Partially supported"); colour and icon stay fixed. */
  label?: string;
};

/** Evidence status as colour + icon + word, so it never relies on colour alone. */
export function StatusBadge({ status, label, className, ...props }: StatusBadgeProps) {
  const meta = STATUS_META[status];
  const Icon = meta.icon;
  return (
    <span
      data-slot="status-badge"
      data-status={status}
      className={cn(badgeVariants({ variant: meta.variant }), className)}
      {...props}
    >
      <Icon aria-hidden />
      {label ?? meta.label}
    </span>
  );
}
