import * as React from "react";
import { LoaderCircle } from "lucide-react";

import { cn } from "@/lib/utils/cn";

export type SpinnerProps = Omit<React.ComponentProps<"svg">, "children"> & {
  /** Announced text. Pass `null` when the surrounding text already says what is happening. */
  label?: string | null;
};

export function Spinner({ label = "Loading", className, ...props }: SpinnerProps) {
  const icon = <LoaderCircle aria-hidden className={cn("size-4 animate-spin", className)} {...props} />;
  if (label === null) return icon;
  return (
    <span role="status" data-slot="spinner" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
