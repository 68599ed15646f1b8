import * as React from "react";
import { CircleAlert } from "lucide-react";

import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** Ids Field gives its description and error, so other code (e.g. summaries) can point at them. */
export const fieldDescriptionId = (controlId: string) => `${controlId}-description`;
export const fieldErrorId = (controlId: string) => `${controlId}-error`;

/** Normalise `string | string[] | undefined` (zod's fieldErrors shape) to a list. */
export function toErrorList(error: string | readonly string[] | undefined | null): string[] {
  if (!error) return [];
  return (typeof error === "string" ? [error] : [...error]).filter((e) => e.trim() !== "");
}

/** Props Field wires onto its control; also handed to a render-prop child. */
export type FieldControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
};

export type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  /** Id of the control; also used to derive the description/error ids. */
  htmlFor: string;
  error?: string | readonly string[] | null;
  description?: React.ReactNode;
  required?: boolean;
  /** Visually hide the label (still read by screen readers), e.g. in dense filter bars. */
  hideLabel?: boolean;
  /**
   * A single control element (Input, Select, Textarea, ...) which receives id/aria props,
   * or a function receiving them for composite controls.
   */
  children: React.ReactElement | ((control: FieldControlProps) => React.ReactNode);
};

/**
 * Label + control + description + error in one place. The error renders directly
 * under the control and is linked through aria-describedby, so it is read when the
 * control is focused; FormErrorSummary does the one-off announcement on submit.
 */
export function Field({
  label,
  htmlFor,
  error,
  description,
  required = false,
  hideLabel = false,
  children,
  className,
  ...props
}: FieldProps) {
  const errors = toErrorList(error);
  const invalid = errors.length > 0;
  const descriptionId = description ? fieldDescriptionId(htmlFor) : undefined;
  const errorId = invalid ? fieldErrorId(htmlFor) : undefined;

  const control: FieldControlProps = {
    id: htmlFor,
    ...(invalid && { "aria-invalid": true as const }),
    ...(required && { "aria-required": true as const }),
  };

  let content: React.ReactNode;
  if (typeof children === "function") {
    const describedBy = [descriptionId, errorId].filter(Boolean).join(" ");
    content = children(describedBy ? { ...control, "aria-describedby": describedBy } : control);
  } else {
    const own = children.props as { "aria-describedby"?: string; required?: boolean };
    const describedBy = [own["aria-describedby"], descriptionId, errorId].filter(Boolean).join(" ");
    content = React.cloneElement(children as React.ReactElement<Record<string, unknown>>, {
      ...control,
      // A native `required` already implies aria-required.
      ...(own.required && { "aria-required": undefined }),
      ...(describedBy && { "aria-describedby": describedBy }),
    });
  }

  return (
    <div
      data-slot="field"
      data-invalid={invalid || undefined}
      className={cn("grid content-start gap-1.5", className)}
      {...props}
    >
      <Label htmlFor={htmlFor} className={cn(hideLabel && "sr-only")}>
        {label}
        {required && (
          <span aria-hidden className="ml-0.5 text-destructive">
            *
          </span>
        )}
      </Label>
      {description && (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {content}
      {invalid && (
        <div id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-destructive">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span className="sr-only">Error:</span>
          {errors.length === 1 ? (
            <p>{errors[0]}</p>
          ) : (
            <ul className="grid gap-0.5">
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
