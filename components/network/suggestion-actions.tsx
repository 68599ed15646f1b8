"use client";

import { useActionState } from "react";
import { Check, RotateCw, X } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

// A decided suggestion leaves the list when the page re-renders, taking its row with it: the
// confirmation goes to a toast, which outlives the row.
function confirmed(action: Action): Action {
  return async (prev, form) => {
    const result = await action(prev, form);
    if (result.status === "success") toast.success(result.message);
    return result;
  };
}

function Message({ state }: { state: ActionState }) {
  if (state.status === "idle") return null;
  const field = state.status === "error" ? Object.values(state.fieldErrors).flat()[0] : null;
  return (
    <span role={state.status === "error" ? "alert" : "status"} className={state.status === "error" ? "text-sm text-destructive-fg" : "text-sm text-muted-foreground"}>
      {field ?? state.message}
    </span>
  );
}

// Accept (a real SUPPORTS link) or dismiss with a reason: nothing enters the ledger unreviewed.
// `fields` names a suggestion of another kind (an app package's SDK) instead of an observation.
export function SuggestionActions({
  accept,
  dismiss,
  observationId,
  allegationId,
  fields,
  rowLabel,
}: {
  accept: Action;
  dismiss: Action;
  observationId?: string;
  allegationId: string;
  fields?: Record<string, string>;
  rowLabel: string;
}) {
  const [accepted, acceptAction, accepting] = useActionState(confirmed(accept), IDLE);
  const [dismissed, dismissAction, dismissing] = useActionState(confirmed(dismiss), IDLE);
  const ref = fields ?? { observationId: observationId ?? "", allegationId };
  const reasonId = `reason-${Object.values(ref).join("-").replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const hidden = Object.entries(ref).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <form action={acceptAction}>
          {hidden}
          <Button type="submit" size="sm" disabled={accepting} aria-label={`Accept: ${rowLabel}`}>
            <Check aria-hidden /> Accept
          </Button>
        </form>
        <form action={dismissAction} className="flex items-center gap-1.5">
          {hidden}
          <label htmlFor={reasonId} className="sr-only">
            Reason for dismissing {rowLabel}
          </label>
          <Input id={reasonId} name="reason" placeholder="Reason to dismiss" className="h-8 w-44" />
          <Button type="submit" size="sm" variant="outline" disabled={dismissing} aria-label={`Dismiss: ${rowLabel}`}>
            <X aria-hidden /> Dismiss
          </Button>
        </form>
      </div>
      <Message state={accepted.status === "error" ? accepted : dismissed.status === "error" ? dismissed : IDLE} />
    </div>
  );
}

export function ReanalyzeButton({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        <RotateCw aria-hidden /> Analyse again
      </Button>
      <Message state={state} />
    </form>
  );
}
