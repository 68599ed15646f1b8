import * as React from "react";

import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";

export type MonoProps = React.ComponentProps<"span"> & {
  /** Show a copy button. Needs `value` unless children is a plain string/number. */
  copy?: boolean;
  /** Text to copy when it differs from what is shown (e.g. full hash behind a truncated one). */
  value?: string;
  /** Accessible name for the copy button, e.g. "Copy SHA-256". */
  copyLabel?: string;
};

/**
 * Identifiers people cite or paste (¶ 41, PX-0012, SHA-256, claim numbers):
 * monospaced, tabular digits, and one click selects the whole value.
 */
export function Mono({ className, children, copy = false, value, copyLabel, ...props }: MonoProps) {
  const text =
    value ?? (typeof children === "string" || typeof children === "number" ? String(children) : undefined);
  const valueSpan = (
    <span
      data-slot="mono"
      className={cn("font-mono text-[0.9em] tabular-nums select-all", !copy && className)}
      {...(!copy && props)}
    >
      {children}
    </span>
  );
  if (!copy || text === undefined) return valueSpan;
  return (
    <span className={cn("inline-flex items-center gap-1 align-baseline", className)} {...props}>
      {valueSpan}
      <CopyButton value={text} label={copyLabel} />
    </span>
  );
}
