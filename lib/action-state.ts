import type { FieldErrors } from "@/lib/app-error";

// What a server action hands back to its form through useActionState.
export type ActionState =
  | { status: "idle" }
  | {
      status: "error";
      message: string;
      fieldErrors: FieldErrors;
      // What the user typed, to re-render the form with it.
      values: Record<string, string>;
      // New on every refusal: forms use it as their React key, so they re-mount with `values` as
      // defaults (React's post-action form reset would otherwise restore the first defaults).
      attempt: string;
    }
  | {
      status: "success";
      message: string;
      // Secrets shown once and never again (new recovery codes): only in this answer, never stored
      // where the page could load them.
      reveal?: readonly string[];
    };

export const IDLE: ActionState = { status: "idle" };
