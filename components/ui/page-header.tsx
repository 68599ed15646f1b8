import * as React from "react";

import { cn } from "@/lib/utils/cn";

export type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  /** Rendered as the page's single <h1>. */
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons/menus aligned right on wide screens, wrapped below on phones. */
  actions?: React.ReactNode;
  /** A <nav aria-label="Breadcrumb"> (or similar) shown above the title. */
  breadcrumb?: React.ReactNode;
};

export function PageHeader({
  title,
  description,
  actions,
  breadcrumb,
  className,
  children,
  ...props
}: PageHeaderProps) {
  return (
    <header data-slot="page-header" className={cn("grid gap-2 pb-6", className)} {...props}>
      {breadcrumb && <div className="text-sm text-muted-foreground">{breadcrumb}</div>}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid min-w-0 gap-1">
          <h1 className="text-2xl font-semibold tracking-tight text-balance">{title}</h1>
          {description && <p className="max-w-prose text-sm text-muted-foreground">{description}</p>}
        </div>
        {actions && (
          <div data-print="hide" className="flex flex-wrap items-center gap-2">
            {actions}
          </div>
        )}
      </div>
      {children}
    </header>
  );
}
