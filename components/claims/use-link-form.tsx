"use client";

import Link from "next/link";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function UseLinkForm({ token, action }: { token: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      {state.status === "error" && (
        <Alert variant="destructive">
          <AlertDescription>
            {state.message} <Link href="/claims/sign-in" className="underline">Get a new link</Link>
          </AlertDescription>
        </Alert>
      )}
      <div>
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? "Confirming…" : "Confirm my email and see my claim"}
        </Button>
      </div>
    </form>
  );
}
