// Expected failures, each with the HTTP status a route answers with. Anything that is not an
// AppError is a bug: routes show a generic message with an event id and log it.
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  // Staff whose matter (or the whole installation) requires two-factor sign-in they have not set up.
  | "TWO_FACTOR_REQUIRED"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors;
  // Set on RATE_LIMITED: answered as a Retry-After header.
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, fieldErrors: FieldErrors = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return STATUS[this.code];
  }

  // What a user may not see is indistinguishable from what does not exist.
  static notFound(what = "Not found"): AppError {
    return new AppError("NOT_FOUND", what);
  }

  static validation(fieldErrors: FieldErrors, message = "Some fields need attention."): AppError {
    return new AppError("VALIDATION", message, fieldErrors);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
