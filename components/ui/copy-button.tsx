"use client";

import * as React from "react";
import { Check, Copy } from "lucide-react";

import { cn } from "@/lib/utils/cn";

export type CopyButtonProps = Omit<React.ComponentProps<"button">, "value" | "children" | "onClick"> & {
  value: string;
  /** Accessible name, e.g. "Copy exhibit number PX-0012". Defaults to `Copy ${value}`. */
  label?: string;
};

export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // navigator.clipboard is missing on plain-http intranet hosts; fall back to execCommand.
    const el = document.createElement("textarea");
    el.value = text;
    el.setAttribute("readonly", "");
    el.style.position = "fixed";
    el.style.opacity = "0";
    document.body.appendChild(el);
    el.select();
    const ok = document.execCommand("copy");
    el.remove();
    return ok;
  }
}

export function CopyButton({ value, label, className, ...props }: CopyButtonProps) {
  const [state, setState] = React.useState<"idle" | "copied" | "failed">("idle");

  React.useEffect(() => {
    if (state === "idle") return;
    const t = window.setTimeout(() => setState("idle"), 2000);
    return () => window.clearTimeout(t);
  }, [state]);

  return (
    <>
      <button
        type="button"
        data-slot="copy-button"
        data-print="hide"
        aria-label={label ?? `Copy ${value}`}
        onClick={async () => setState((await writeClipboard(value)) ? "copied" : "failed")}
        className={cn(
          "inline-flex size-6 shrink-0 items-center justify-center rounded-sm text-muted-foreground hover:bg-accent hover:text-foreground",
          className,
        )}
        {...props}
      >
        {state === "copied" ? (
          <Check aria-hidden className="size-3.5 text-success" />
        ) : (
          <Copy aria-hidden className="size-3.5" />
        )}
      </button>
      {/* Announce the outcome; the icon swap alone is invisible to screen readers. */}
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </>
  );
}
