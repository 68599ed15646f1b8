import * as React from "react";
import { CircleCheckBig, CircleAlert, Info, OctagonAlert, type LucideIcon } from "lucide-react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils/cn";

export const alertVariants = cva(
  [
    // The icon column collapses to 0 when there is no icon, so text always sits in column 2.
    "grid grid-cols-[0_1fr] items-start gap-y-1 rounded-md border p-4 text-sm has-[>svg]:grid-cols-[auto_1fr] has-[>svg]:gap-x-3",
    "[&>svg]:size-5 [&>:not(svg)]:col-start-2",
  ],
  {
    variants: {
      variant: {
        info: "border-info-border bg-info-bg text-info-fg",
        success: "border-success-border bg-success-bg text-success-fg",
        warning: "border-warning-border bg-warning-bg text-warning-fg",
        destructive: "border-destructive-border bg-destructive-bg text-destructive-fg",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;

const ICONS: Record<AlertVariant, LucideIcon> = {
  info: Info,
  success: CircleCheckBig,
  warning: CircleAlert,
  destructive: OctagonAlert,
};

// Errors interrupt (alert); confirmations are polite (status); info/warning are
// usually static page content, so they get no live role unless the caller adds one.
const ROLES: Partial<Record<AlertVariant, React.AriaRole>> = {
  destructive: "alert",
  success: "status",
};

export type AlertProps = React.ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Replace the variant's icon, or `false` to omit it. */
    icon?: React.ReactElement | false;
  };

export function Alert({ className, variant, icon, role, children, ...props }: AlertProps) {
  const v: AlertVariant = variant ?? "info";
  const Icon = ICONS[v];
  return (
    <div
      data-slot="alert"
      data-variant={v}
      role={role ?? ROLES[v]}
      className={cn(alertVariants({ variant: v }), className)}
      {...props}
    >
      {icon === false ? null : (icon ?? <Icon aria-hidden />)}
      {children}
    </div>
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"p">) {
  return <p data-slot="alert-title" className={cn("leading-5 font-semibold", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("leading-5 [&_a]:font-medium [&_a]:underline [&_p+p]:mt-2", className)}
      {...props}
    />
  );
}
