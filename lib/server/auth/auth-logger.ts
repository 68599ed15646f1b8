import "server-only";
import type { AuthError, CredentialsSignin } from "@auth/core/errors";
import type { Logger } from "pino";

// Auth.js's logger. A refused sign-in (wrong password, throttled) is an expected outcome, not an
// error with a stack trace. It is told apart by `type`, a string Auth.js sets from each error
// class: `name` is the class's own name, which the minified build renames.
export function authLogger(log: Logger) {
  return {
    error(error: Error) {
      if ((error as AuthError).type === "CredentialsSignin") {
        log.info({ event: "sign-in refused", code: (error as CredentialsSignin).code }, "sign-in refused");
      } else {
        log.error({ err: error }, "auth error");
      }
    },
    warn(code: string) {
      log.warn({ code }, "auth warning");
    },
  };
}
