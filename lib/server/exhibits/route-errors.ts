import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/app-error";
import { logger } from "@/lib/server/logger";

export type JsonAnswer = { status: number; body: Record<string, unknown> };

// Route handlers answer expected failures with their status and a message people can act on;
// anything else is logged with an event id that the answer quotes.
export function errorAnswer(error: unknown): JsonAnswer {
  if (isAppError(error)) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } } };
  }
  const eventId = randomUUID();
  logger.error({ err: error, eventId }, "route handler failed");
  return { status: 500, body: { error: { code: "INTERNAL", message: `Something went wrong on our side and nothing was saved. Reference: ${eventId}` } } };
}

export function errorResponse(error: unknown): Response {
  const answer = errorAnswer(error);
  return Response.json(answer.body, { status: answer.status });
}
