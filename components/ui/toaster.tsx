"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

export { toast } from "sonner";

/** Mount once in the root layout. Toasts confirm actions; errors that block a task belong in Alert/Field. */
export function Toaster({ toastOptions, ...props }: ToasterProps) {
  return (
    <Sonner
      theme="light"
      position="bottom-right"
      closeButton
      containerAriaLabel="Notifications"
      toastOptions={{
        ...toastOptions,
        classNames: {
          // `!` beats sonner's own injected styles.
          toast: "rounded-md! border! border-border! bg-popover! text-popover-foreground! shadow-md! font-sans!",
          description: "text-muted-foreground!",
          success: "[&_[data-icon]]:text-success!",
          error: "[&_[data-icon]]:text-destructive!",
          warning: "[&_[data-icon]]:text-warning!",
          info: "[&_[data-icon]]:text-info!",
          ...toastOptions?.classNames,
        },
      }}
      {...props}
    />
  );
}
