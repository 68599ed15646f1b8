import * as React from "react";

import { cn } from "@/lib/utils/cn";

// A native <label> rather than Radix Label: it needs no JS, so it works in
// server-rendered forms before hydration.
export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return (
    <label
      data-slot="label"
      className={cn(
        "text-sm leading-none font-medium text-foreground",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-70",
        className,
      )}
      {...props}
    />
  );
}
