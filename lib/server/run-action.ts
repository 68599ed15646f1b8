import "server-only";
import { randomUUID } from "node:crypto";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { isAppError } from "@/lib/app-error";
import { logger } from "@/lib/server/logger";

// Runs a server action's use case and turns expected failures into form state: field errors
// beside their fields, the typed values kept so nothing the user wrote is lost. Unexpected
// errors become a generic message with an event id that is in the log.
export async function runAction(form: FormData, fn: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await fn()) ?? { status: "success", message: "Saved." };
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
    return {
      status: "error",
      message: `Something went wrong on our side and nothing was saved. Reference: ${eventId}`,
      fieldErrors: {},
      values,
      attempt: eventId,
    };
  }
}

function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && key !== "password") out[key] = value;
  }
  return out;
}
