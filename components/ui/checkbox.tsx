import * as React from "react";

import { cn } from "@/lib/utils/cn";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type">;

/**
 * Native checkbox: submits with the form without JS. Wrap it with a <Label> or
 * pair it via id/htmlFor; the `peer` class lets a following label dim when disabled.
 */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <input
      data-slot="checkbox"
      type="checkbox"
      className={cn(
        "peer size-4 shrink-0 cursor-pointer accent-primary disabled:cursor-not-allowed disabled:opacity-50",
        "aria-invalid:outline-2 aria-invalid:outline-destructive",
        className,
      )}
      {...props}
    />
  );
}
