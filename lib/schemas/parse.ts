import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/app-error";

// Flattens zod issues into { "field.path": ["message"] } so forms can show each beside its field.
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// Parses untrusted input or throws a VALIDATION AppError naming each bad field.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(toFieldErrors(result.error));
  return result.data;
}

// FormData → plain object; empty strings become undefined so optional fields stay optional.
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const trimmed = value.trim();
    if (trimmed === "") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = trimmed;
    else out[key] = Array.isArray(existing) ? [...existing, trimmed] : [existing, trimmed];
  }
  return out;
}
