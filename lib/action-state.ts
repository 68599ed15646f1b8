import type { FieldErrors } from "@/lib/app-error";

// What a server action hands back to its form through useActionState.
export type ActionState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: Record<string, string> }
  | { status: "success"; message: string };

export const IDLE: ActionState = { status: "idle" };
