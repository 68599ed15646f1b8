"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/(auth)/sign-out/actions";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/action-state";

// A plain form: it works before hydration too, so sign-out never depends on JavaScript.
export function SignOutForm() {
  const [, action, pending] = useActionState(signOutAction, IDLE);
  return (
    <form action={action}>
      <Button type="submit" className="w-full" disabled={pending}>
        Sign out
      </Button>
    </form>
  );
}
