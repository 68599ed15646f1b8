"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export function WithdrawClaimButton({ number, action }: { number: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">Withdraw this claim</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Withdraw claim {number}?</DialogTitle>
          <DialogDescription>A withdrawn claim is not paid. You can file a new claim before the deadline.</DialogDescription>
        </DialogHeader>
        {state.status === "error" && (
          <Alert variant="destructive">
            <AlertDescription>{state.message}</AlertDescription>
          </Alert>
        )}
        <form action={formAction}>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep my claim</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? "Withdrawing…" : "Withdraw claim"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
