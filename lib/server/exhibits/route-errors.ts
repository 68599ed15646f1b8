import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/app-error";
import { logger } from "@/lib/server/logger";

// Route handlers answer expected failures with their status and a message people can act on;
// anything else is logged with an event id that the answer quotes.
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }, { status: error.status });
  }
  const eventId = randomUUID();
  logger.error({ err: error, eventId }, "route handler failed");
  return Response.json(
    { error: { code: "INTERNAL", message: `Something went wrong on our side and nothing was saved. Reference: ${eventId}` } },
    { status: 500 },
  );
}
