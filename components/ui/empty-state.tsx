import * as React from "react";

import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A lucide icon element, e.g. <FileSearch />; decorative. */
  icon?: React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Usually one Button (or Button asChild + Link) that resolves the emptiness. */
  action?: React.ReactNode;
  /** Heading level to fit the surrounding outline. */
  headingLevel?: "h2" | "h3" | "h4";
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  headingLevel: Heading = "h2",
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border-strong px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon && (
        <div
          aria-hidden
          className="mb-2 flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
        >
          {icon}
        </div>
      )}
      <Heading className="text-base font-semibold">{title}</Heading>
      {description && <p className="max-w-md text-sm text-muted-foreground">{description}</p>}
      {action && <div className="mt-4 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
