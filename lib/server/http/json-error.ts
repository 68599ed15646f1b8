import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError, type AppErrorCode, type FieldErrors } from "@/lib/app-error";
import { ZApiError, type TApiError } from "@/lib/schemas/api";
import { logger } from "@/lib/server/logger";

// The one JSON error shape of every API answer, route handler and lean path alike:
// { error: { code, message, fieldErrors? } }. Clients switch on `code`; people read `message`.
export type JsonErrorBody = TApiError;
export type JsonAnswer = { status: number; headers?: Record<string, string>; body: Record<string, unknown> };

export function jsonError(code: AppErrorCode | "INTERNAL", message: string, fieldErrors?: FieldErrors): JsonErrorBody {
  return ZApiError.parse({ error: { code, message, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}) } });
}

// Expected failures answer with their status and a message people can act on; anything else is
// logged with an event id that the answer quotes, and says nothing about the inside.
export function errorAnswer(error: unknown): JsonAnswer {
  if (isAppError(error)) {
    const headers = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
    return { status: error.status, headers, body: jsonError(error.code, error.message, error.fieldErrors) };
  }
  const eventId = randomUUID();
  logger.error({ err: error, eventId }, "request failed");
  return { status: 500, body: jsonError("INTERNAL", `Something went wrong on our side and nothing was saved. Reference: ${eventId}`) };
}

export function errorResponse(error: unknown): Response {
  const answer = errorAnswer(error);
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store", ...answer.headers } });
}
