import * as React from "react";
import { ChevronDown } from "lucide-react";

import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

export type SelectProps = React.ComponentProps<"select"> & {
  /** Classes for the wrapper; use e.g. "w-auto inline-grid" for compact filters. */
  containerClassName?: string;
};

/**
 * Native <select>: works without JS in server-rendered forms, and gives phones
 * their own picker UI. Pass <option>/<optgroup> children as usual.
 */
export function Select({ className, containerClassName, multiple, ...props }: SelectProps) {
  return (
    <div data-slot="select-container" className={cn("relative grid", containerClassName)}>
      <select
        data-slot="select"
        multiple={multiple}
        className={cn(
          controlClasses,
          "col-start-1 row-start-1 appearance-none",
          multiple ? "py-1" : "h-9 pr-9",
          className,
        )}
        {...props}
      />
      {!multiple && (
        <ChevronDown
          aria-hidden
          className="pointer-events-none col-start-1 row-start-1 mr-3 size-4 self-center justify-self-end text-muted-foreground"
        />
      )}
    </div>
  );
}
