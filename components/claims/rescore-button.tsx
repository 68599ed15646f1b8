"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

// Batch re-scoring runs as a background job; while it runs the page refreshes itself every few
// seconds, so the state line (from the matter's audit trail) turns into the result on its own.
export function RescoreButton({
  action,
  running,
  statusText,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  running: boolean;
  statusText: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [running, router]);
  const busy = pending || running;
  const message = state.status === "error" ? state.message : (statusText ?? (state.status !== "idle" ? state.message : null));
  return (
    <form action={formAction} className="flex items-center gap-2">
      <Button type="submit" variant="outline" disabled={busy}>
        <RefreshCw aria-hidden className={busy ? "animate-spin" : undefined} /> {busy ? "Re-scoring…" : "Re-score all"}
      </Button>
      {message && (
        <span role="status" className="max-w-xs text-sm text-muted-foreground">
          {message}
        </span>
      )}
    </form>
  );
}
