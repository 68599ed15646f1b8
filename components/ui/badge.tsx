import * as React from "react";
import { Lock } from "lucide-react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils/cn";

export const badgeVariants = cva(
  [
    "inline-flex w-fit shrink-0 items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
    "[&_svg]:pointer-events-none [&_svg]:size-3.5 [&_svg]:shrink-0",
  ],
  {
    variants: {
      variant: {
        neutral: "border-transparent bg-muted text-foreground",
        outline: "border-border-strong bg-background text-foreground",
        // Status colours: only for evidence status. Prefer <StatusBadge>, which adds the icon.
        supported: "border-supported-border bg-supported-bg text-supported-fg",
        partial: "border-partial-border bg-partial-bg text-partial-fg",
        unsupported: "border-unsupported-border bg-unsupported-bg text-unsupported-fg",
        contradicted: "border-contradicted-border bg-contradicted-bg text-contradicted-fg",
        info: "border-info-border bg-info-bg text-info-fg",
        warning: "border-warning-border bg-warning-bg text-warning-fg",
        // Sealed / locked records: dark so it stands apart from every status tone.
        lock: "border-transparent bg-locked text-locked-foreground",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

export type BadgeProps = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, children, ...props }: BadgeProps) {
  return (
    <span data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props}>
      {variant === "lock" && <Lock aria-hidden />}
      {children ?? (variant === "lock" ? "Locked" : null)}
    </span>
  );
}
