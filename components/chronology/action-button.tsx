"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

// A one-button form (build from captures, add an exhibit date) that says what it did.
export function ActionButton({
  action,
  label,
  hidden = {},
  variant = "outline",
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  hidden?: Record<string, string>;
  variant?: "outline" | "default";
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Working…" : label}
      </Button>
      {state.status !== "idle" && (
        <p className={state.status === "success" ? "text-sm text-success" : "text-sm text-destructive"} role={state.status === "success" ? "status" : "alert"}>
          {state.status === "error" && Object.keys(state.fieldErrors).length ? Object.values(state.fieldErrors).flat().join(" ") : state.message}
        </p>
      )}
    </form>
  );
}
