import "server-only";
import type { AccountRole } from "@/lib/generated/prisma/enums";
import { ZSignIn } from "@/lib/schemas/auth";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { issueTicket, TwoFactorRequiredError } from "@/lib/server/auth/sign-in-tickets";
import { throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { signInLimits } from "@/lib/server/rate-limit/limits";

export type PasswordUser = { id: string; email: string; name: string; role: AccountRole };

// The staff sign-in behind both the form and Auth.js's bare callback endpoint, so neither can be
// used to guess passwords faster than signInLimits allow. An account with two-factor sign-in is
// never signed in by its password alone: a right password yields a ticket for the code step.
export async function authorizePassword(raw: Partial<Record<string, unknown>> | undefined, ip: string | null): Promise<PasswordUser | null> {
  const parsed = ZSignIn.pick({ email: true, password: true }).safeParse({ email: raw?.email, password: raw?.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await throttleSignIn(signInLimits(ip ?? "unknown", email), async () => {
    const row = await db.user.findUnique({ where: { email } });
    const ok = await verifyPassword(row?.passwordHash, password);
    return row && ok && !row.disabledAt ? row : null;
  });
  if (!user) return null;
  if (user.totpEnabledAt) throw new TwoFactorRequiredError(await issueTicket("two-factor", user.id));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
