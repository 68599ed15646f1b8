"use client";

import { useActionState, useState } from "react";
import { toast } from "@/components/ui/toaster";
import { IDLE, type ActionState } from "@/lib/action-state";

export type DialogAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

// A dialog form that closes itself and confirms with a toast once its action succeeds; on a
// refusal it stays open with the field errors and what was typed.
export function useDialogAction(action: DialogAction) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "success") {
      setOpen(false);
      toast.success(next.message);
    }
    return next;
  }, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values: Record<string, string> = state.status === "error" ? state.values : {};
  const formKey = state.status === "error" ? state.attempt : "initial";
  const message = state.status === "error" && Object.keys(errors).length === 0 ? state.message : undefined;
  return { open, setOpen, formAction, pending, errors, values, formKey, message };
}
