"use client";

import { useActionState } from "react";
import { RotateCw } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

export function RetryExtractionButton({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        <RotateCw aria-hidden /> Retry extraction
      </Button>
      {state.status !== "idle" && <span className="text-sm text-muted-foreground">{state.message}</span>}
    </form>
  );
}
