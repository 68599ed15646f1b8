import "server-only";
import { AppError } from "@/lib/app-error";
import type { JsonAnswer } from "@/lib/server/http/json-error";

// API request bodies are small JSON objects; anything far larger is not one.
export const API_BODY_LIMIT_BYTES = 64 * 1024;

// The body as sent (the idempotency check compares it) and as an object: 413 over the limit,
// 400 when it is not a JSON object.
export async function readJsonBody(request: Request): Promise<{ raw: string; body: Record<string, unknown> }> {
  if (Number(request.headers.get("content-length") ?? 0) > API_BODY_LIMIT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A request body is at most 64 KiB.");
  const raw = await request.text();
  if (Buffer.byteLength(raw) > API_BODY_LIMIT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A request body is at most 64 KiB.");
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    // answered below
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("BAD_REQUEST", "Send the request body as a JSON object.");
  return { raw, body: body as Record<string, unknown> };
}

export function answerResponse(answer: JsonAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store", ...answer.headers } });
}
