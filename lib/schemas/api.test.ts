import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { ZApiError } from "@/lib/schemas/api";
import { errorAnswer } from "@/lib/server/http/json-error";
import { RateLimitedError } from "@/lib/server/rate-limit/rate-limit";

// Every refusal leaves in the one documented shape, whatever raised it.
describe("the API's error shape", () => {
  it("is the same for every expected failure and for a bug", () => {
    const answers = [
      errorAnswer(AppError.validation({ email: ["Enter a valid email address"] })),
      errorAnswer(AppError.notFound()),
      errorAnswer(new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON.")),
      errorAnswer(new RateLimitedError(42)),
      errorAnswer(new TypeError("Cannot read properties of undefined")),
    ];
    for (const a of answers) expect(ZApiError.safeParse(a.body).success).toBe(true);
    expect(answers.map((a) => a.status)).toEqual([422, 404, 415, 429, 500]);
    expect(answers[3]!.headers).toEqual({ "Retry-After": "42" });
    // A bug says nothing about the inside: no message, no stack, only a reference.
    expect(JSON.stringify(answers[4]!.body)).not.toMatch(/Cannot read|TypeError|at /);
  });
});
