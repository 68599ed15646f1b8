import * as React from "react";
import { CircleCheck, CircleX, Contrast, TriangleAlert, type LucideIcon } from "lucide-react";

import { SUPPORT_STATUS_LABELS, type SupportStatus } from "@/lib/ledger/support-status";
import { cn } from "@/lib/utils/cn";
import { badgeVariants } from "./badge";

/** Each status's word, icon and colour, also usable in legends and filters. */
export const STATUS_META: Record<
  SupportStatus,
  { label: string; icon: LucideIcon; variant: "supported" | "partial" | "unsupported" | "contradicted" }
> = {
  SUPPORTED: { label: SUPPORT_STATUS_LABELS.SUPPORTED, icon: CircleCheck, variant: "supported" },
  // Half-filled circle: some, not all, of the allegation is backed.
  PARTIAL: { label: SUPPORT_STATUS_LABELS.PARTIAL, icon: Contrast, variant: "partial" },
  UNSUPPORTED: { label: SUPPORT_STATUS_LABELS.UNSUPPORTED, icon: CircleX, variant: "unsupported" },
  CONTRADICTED: { label: SUPPORT_STATUS_LABELS.CONTRADICTED, icon: TriangleAlert, variant: "contradicted" },
};

export type StatusBadgeProps = Omit<React.ComponentProps<"span">, "children"> & {
  status: SupportStatus;
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
