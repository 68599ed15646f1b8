"use client";

import * as React from "react";
import { CircleAlert } from "lucide-react";

import { cn } from "@/lib/utils/cn";
import { toErrorList } from "./field";

export type FormErrorItem = { fieldId: string; message: string; label?: string };

export type FormErrorSummaryProps = Omit<React.ComponentProps<"div">, "title"> & {
  /**
   * Either zod-style `{ fieldId: string | string[] }` (object order = form order)
   * or an explicit ordered list. Keys/fieldIds must match the controls' ids.
   */
  errors?: Record<string, string | readonly string[] | undefined> | readonly FormErrorItem[];
  /** Optional human labels per field id, prefixed to each message ("Email: ..."). */
  labels?: Record<string, string>;
  /** Errors not tied to a field (zod's formErrors); shown without a link. */
  formErrors?: readonly string[];
  title?: React.ReactNode;
};

function toItems(
  errors: FormErrorSummaryProps["errors"],
  labels: Record<string, string> | undefined,
): FormErrorItem[] {
  if (!errors) return [];
  if (Array.isArray(errors)) return [...(errors as readonly FormErrorItem[])];
  return Object.entries(errors as Record<string, string | readonly string[] | undefined>).flatMap(
    ([fieldId, value]) =>
      toErrorList(value).map((message) => ({ fieldId, message, label: labels?.[fieldId] })),
  );
}

/**
 * The list of problems at the top of a form. It takes focus when it appears so
 * screen-reader and keyboard users land on it, and each link moves focus to its field.
 * Without JS the links still jump to the field via the #fragment.
 */
export function FormErrorSummary({
  errors,
  labels,
  formErrors,
  title = "There is a problem",
  className,
  ...props
}: FormErrorSummaryProps) {
  const ref = React.useRef<HTMLDivElement>(null);
  const titleId = React.useId();
  const items = toItems(errors, labels);
  const general = toErrorList(formErrors);
  const count = items.length + general.length;
  // Re-focus whenever the set of errors changes (i.e. after each failed submit).
  const signature = JSON.stringify([items, general]);

  React.useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [signature, count]);

  if (count === 0) return null;

  function focusField(event: React.MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const target = document.getElementById(fieldId);
    if (!target) return;
    event.preventDefault();
    // Scroll the label into view too, not just the control.
    const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (label ?? target).scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      data-slot="form-error-summary"
      className={cn(
        "rounded-md border-2 border-destructive bg-destructive-bg p-4 text-destructive-fg",
        className,
      )}
      {...props}
    >
      <h2 id={titleId} className="flex items-center gap-2 text-base font-semibold">
        <CircleAlert aria-hidden className="size-5 shrink-0" />
        {title}
      </h2>
      <ul className="mt-2 grid gap-1 pl-7 text-sm">
        {general.map((message) => (
          <li key={`form:${message}`}>{message}</li>
        ))}
        {items.map(({ fieldId, message, label }) => (
          <li key={`${fieldId}:${message}`}>
            <a
              href={`#${fieldId}`}
              onClick={(event) => focusField(event, fieldId)}
              className="font-medium underline underline-offset-2 hover:decoration-2"
            >
              {label ? `${label}: ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
