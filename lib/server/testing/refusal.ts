import "server-only";
import { expect } from "vitest";
import { AppError } from "@/lib/app-error";

// Awaits a promise that must fail with an AppError, and returns that error.
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
