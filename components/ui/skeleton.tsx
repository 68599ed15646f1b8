import * as React from "react";

import { cn } from "@/lib/utils/cn";

/** Placeholder shape; hidden from assistive tech, so mark the loading region with aria-busy. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden
      className={cn("rounded-md bg-muted motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
