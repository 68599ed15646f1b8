import * as React from "react";

import { cn } from "@/lib/utils/cn";

/** Shared by Input, Textarea and Select so all controls look and behave alike. */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-input bg-background px-3 text-foreground shadow-xs",
  // 16px on phones stops iOS zooming into the field; dense 14px from sm up.
  "text-base sm:text-sm",
  "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-offset-0",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive",
);

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        controlClasses,
        "h-9 py-1",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
