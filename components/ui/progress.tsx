import * as React from "react";

import { cn } from "@/lib/utils/cn";

export type ProgressProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** Current value; `null` means indeterminate (no aria-valuenow). */
  value: number | null;
  max?: number;
  /** Accessible name; also shown above the bar unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  /** Human wording for the value, e.g. "12 of 40 exhibits"; defaults to a percentage. */
  valueText?: string;
};

export function Progress({
  value,
  max = 100,
  label,
  hideLabel = false,
  valueText,
  className,
  ...props
}: ProgressProps) {
  const labelId = React.useId();
  const clamped = value === null ? null : Math.min(Math.max(value, 0), max);
  const percent = clamped === null || max <= 0 ? null : Math.round((clamped / max) * 100);
  const text = valueText ?? (percent === null ? undefined : `${percent}%`);

  return (
    <div data-slot="progress" className={cn("grid gap-1.5", className)} {...props}>
      <div className={cn("flex items-baseline justify-between gap-4 text-sm", hideLabel && "sr-only")}>
        <span id={labelId} className="font-medium">
          {label}
        </span>
        {text && (
          <span aria-hidden className="text-muted-foreground tabular-nums">
            {text}
          </span>
        )}
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped ?? undefined}
        aria-valuetext={clamped === null ? undefined : text}
        // The transparent outline keeps the track visible in Windows forced-colours mode.
        className="h-2 w-full overflow-hidden rounded-full bg-muted outline outline-transparent print:border"
      >
        <div
          className={cn(
            "h-full rounded-full bg-primary transition-[width]",
            // Indeterminate: a sliding segment; a static dimmed bar when motion is reduced.
            percent === null &&
              "w-1/3 motion-safe:animate-progress-indeterminate motion-reduce:w-full motion-reduce:opacity-50",
          )}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
