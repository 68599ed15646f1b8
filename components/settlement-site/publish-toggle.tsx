"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; published: boolean; label: string };

// One button per exhibit: publish on the website, or take it off.
export function PublishToggle({ action, published, label }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="published" value={published ? "off" : "on"} />
      <Button type="submit" size="sm" variant={published ? "outline" : "secondary"} disabled={pending} aria-label={`${published ? "Unpublish" : "Publish"} ${label}`}>
        {published ? "Unpublish" : "Publish"}
      </Button>
      {state.status === "error" && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {state.message}
        </p>
      )}
    </form>
  );
}
