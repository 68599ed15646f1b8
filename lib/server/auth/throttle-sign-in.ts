import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { db } from "@/lib/server/db";
import { hit, type Limit } from "@/lib/server/rate-limit/rate-limit";

// A CredentialsSignin, so Auth.js hands it to the form's action as it is (and answers the bare
// callback endpoint like any refused sign-in) instead of wrapping it as a server error.
export class SignInThrottledError extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
    const minutes = Math.ceil(retryAfterSeconds / 60);
    this.message = `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
}

// Counts the attempt before checking the secret, so parallel guesses are counted too; a
// success gives its own count back, so only failures add up. It gives back one, not the window:
// a right password in between does not reset an attacker's count. Windows are fixed (limits.ts),
// so a refused account opens again when its window ends.
export async function throttleSignIn<T>(limits: Limit[], attempt: () => Promise<T | null>): Promise<T | null> {
  const result = await hit(limits);
  if (!result.ok) throw new SignInThrottledError(result.retryAfterSeconds);
  const user = await attempt();
  if (user) {
    const keys = limits.map((l) => l.key);
    await db.$executeRaw`UPDATE "RateLimit" SET count = count - 1 WHERE key = ANY(${keys}::text[]) AND count > 0 AND "resetAt" > now()`;
  }
  return user;
}
