import "server-only";
import { randomUUID } from "node:crypto";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { isAppError } from "@/lib/app-error";
import type { AccountPermission, Permission } from "@/lib/permissions";
import { formDataToObject } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/get-actor";
import { requireAccountPermission, requirePermission, type MatterAccess } from "@/lib/server/auth/policy";
import { requestContext } from "@/lib/server/http/request-context";
import { markGated } from "@/lib/server/http/gate-marker";
import { logger } from "@/lib/server/logger";
import type { Limit } from "@/lib/server/rate-limit/rate-limit";
import { enforce } from "@/lib/server/rate-limit/rate-limit";

// The one way server actions are built. Each kind runs the same steps — read the form (a
// malformed payload is a refusal, not a 500), sign-in, the gate, the use case, and the answer —
// and turns expected failures into form state: field errors beside their fields and the typed
// values kept. Unexpected errors become a generic message with an event id that is in the log.
// The use case still authorises against the resource's own matter and writes its audit row in
// its transaction; the gate here refuses early and names the permission for the inventory test.

export type FormInput = Record<string, unknown>;
type Result = Promise<ActionState | void>;
type RequestContext = Awaited<ReturnType<typeof requestContext>>;
// useActionState calls an action with (previous state, form data) after any bound arguments.
type Tail = [prev: ActionState, form: FormData];

export const done = (message: string): ActionState => ({ status: "success", message });

// Actions on one matter's content; the matter id is the first bound argument.
export function matterAction<B extends string[]>(
  permission: Permission,
  run: (ctx: { actor: Actor; access: MatterAccess; form: FormData; input: FormInput }, matterId: string, ...bound: B) => Result,
) {
  const action = async (matterId: string, ...args: [...B, ...Tail]): Promise<ActionState> => {
    // The matter id is one more bound argument.
    const { bound, form } = split<[string, ...B]>([matterId, ...args], 1 + boundParams(run, 2));
    const [id, ...rest] = bound;
    return answer(form, async (input) => {
      const actor = await requireActor();
      const access = await requirePermission(actor, id, permission);
      return run({ actor, access, form: form!, input }, id, ...(rest as unknown as B));
    });
  };
  return markGated(action, { kind: "matter-action", permission });
}

// Account-level actions (administration).
export function accountAction<B extends string[]>(permission: AccountPermission, run: (ctx: { actor: Actor; form: FormData; input: FormInput }, ...bound: B) => Result) {
  const action = async (...args: [...B, ...Tail]): Promise<ActionState> => {
    const { bound, form } = split<B>(args, boundParams(run, 1));
    return answer(form, async (input) => {
      const actor = await requireActor();
      requireAccountPermission(actor, permission);
      return run({ actor, form: form!, input }, ...bound);
    });
  };
  return markGated(action, { kind: "account-action", permission });
}

// Any signed-in user acting on their own account (sign-out, password change).
export function signedInAction<B extends string[]>(run: (ctx: { actor: Actor; form: FormData; input: FormInput }, ...bound: B) => Result) {
  const action = async (...args: [...B, ...Tail]): Promise<ActionState> => {
    const { bound, form } = split<B>(args, boundParams(run, 1));
    return answer(form, async (input) => run({ actor: await requireActor(), form: form!, input }, ...bound));
  };
  return markGated(action, { kind: "signed-in-action" });
}

// The public entry points (claim form, sign-in, e-mail links): no session, a rate limit first.
export function publicAction<B extends string[]>(
  limits: (ctx: RequestContext, input: FormInput) => Limit[],
  run: (ctx: { request: RequestContext; form: FormData; input: FormInput }, ...bound: B) => Result,
) {
  const action = async (...args: [...B, ...Tail]): Promise<ActionState> => {
    const { bound, form } = split<B>(args, boundParams(run, 1));
    return answer(form, async (input) => {
      const request = await requestContext();
      await enforce(limits(request, input));
      return run({ request, form: form!, input }, ...bound);
    });
  };
  return markGated(action, { kind: "public-action" });
}

// How many bound arguments an action's function declares: its parameters after the leading
// ones (ctx, and the matter id of a matter action). Minifiers keep unused parameters.
const boundParams = (run: (...args: never[]) => unknown, leading: number) => Math.max(0, run.length - leading);

// The arguments a page bound (ids, slugs, claim numbers) come back from the browser with the
// form, so they are input like any other: the call is read only when it has exactly the bound
// arguments the action declares (its parameters after ctx), each a string, then the previous
// state and a FormData. Anything else is refused as an unreadable form before the use case runs.
function split<B extends string[]>(args: unknown[], boundCount: number): { bound: B; form: FormData | null } {
  const form = args.at(-1);
  const bound = args.slice(0, -2);
  const readable = form instanceof FormData && args.length === boundCount + 2 && bound.every((value) => typeof value === "string");
  return { bound: bound as B, form: readable ? form : null };
}

async function answer(form: FormData | null, fn: (input: FormInput) => Result): Promise<ActionState> {
  // Server actions can be called with any payload the framework decodes; only forms are ours.
  if (!form) return refusal("The form could not be read. Reload the page and try again.", {});
  try {
    return (await fn(formDataToObject(form))) ?? done("Saved.");
  } catch (error) {
    unstable_rethrow(error);
    const values = echoValues(form);
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "UNAUTHENTICATED") redirect("/sign-in");
      return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values, attempt: randomUUID() };
    }
    const eventId = randomUUID();
    logger.error({ err: error, eventId }, "server action failed");
    return refusal(`Something went wrong on our side and nothing was saved. Reference: ${eventId}`, values, eventId);
  }
}

function refusal(message: string, values: Record<string, string>, attempt = randomUUID()): ActionState {
  return { status: "error", message, fieldErrors: {}, values, attempt };
}

function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // Secrets never travel back to the page (nor a bank account number).
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password|token|code|accountNumber/i.test(key)) out[key] = value;
  }
  return out;
}
