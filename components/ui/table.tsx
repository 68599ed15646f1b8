import * as React from "react";

import { cn } from "@/lib/utils/cn";

export type TableProps = React.ComponentProps<"table"> & {
  /**
   * Keep the header row visible while scrolling. The container becomes the vertical
   * scroll area (default max height 75% of the viewport; override via containerClassName).
   */
  stickyHeader?: boolean;
  containerClassName?: string;
  /**
   * Accessible name for the scroll container. When set, the container is a focusable
   * region so keyboard users can scroll wide/tall tables that contain no links.
   */
  scrollLabel?: string;
};

export function Table({
  className,
  containerClassName,
  stickyHeader = false,
  scrollLabel,
  ...props
}: TableProps) {
  return (
    <div
      data-slot="table-container"
      {...(scrollLabel && { role: "region", "aria-label": scrollLabel, tabIndex: 0 })}
      className={cn(
        "relative w-full overflow-x-auto",
        stickyHeader && "max-h-[75svh] overflow-y-auto",
        containerClassName,
      )}
    >
      <table
        data-slot="table"
        data-sticky-header={stickyHeader || undefined}
        className={cn("group/table w-full caption-top border-collapse text-sm", className)}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />
  );
}

export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("border-t bg-subtle font-medium [&>tr]:last:border-b-0", className)}
      {...props}
    />
  );
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn(
        "border-b transition-colors hover:bg-subtle data-[state=selected]:bg-muted",
        className,
      )}
      {...props}
    />
  );
}

export function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        "h-9 bg-background px-3 text-left align-middle text-xs font-semibold whitespace-nowrap text-muted-foreground",
        // Sticky cells need an opaque background and a shadow-line, since borders scroll away.
        "group-data-sticky-header/table:sticky group-data-sticky-header/table:top-0 group-data-sticky-header/table:z-10 group-data-sticky-header/table:shadow-[inset_0_-1px_0_var(--color-border)]",
        "[&:has([type=checkbox])]:w-px",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td
      data-slot="table-cell"
      className={cn("px-3 py-1.5 align-top tabular-nums [&:has([type=checkbox])]:w-px", className)}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("pb-2 text-left text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}
