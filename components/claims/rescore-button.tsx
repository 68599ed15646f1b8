"use client";

import { useActionState } from "react";
import { RefreshCw } from "lucide-react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

export function RescoreButton({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <Button type="submit" variant="outline" disabled={pending}>
        <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} /> {pending ? "Re-scoring…" : "Re-score all"}
      </Button>
      {state.status !== "idle" && (
        <span role="status" className="text-sm text-muted-foreground">
          {state.message}
        </span>
      )}
    </form>
  );
}
