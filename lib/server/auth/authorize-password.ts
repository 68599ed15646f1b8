import "server-only";
import type { AccountRole } from "@/lib/generated/prisma/enums";
import { ZSignIn } from "@/lib/schemas/auth";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { signInLimits } from "@/lib/server/rate-limit/limits";

export type PasswordUser = { id: string; email: string; name: string; role: AccountRole };

// The staff sign-in behind both the form and Auth.js's bare callback endpoint, so neither can be
// used to guess passwords faster than signInLimits allow.
export async function authorizePassword(raw: Partial<Record<string, unknown>> | undefined, ip: string | null): Promise<PasswordUser | null> {
  const parsed = ZSignIn.pick({ email: true, password: true }).safeParse({ email: raw?.email, password: raw?.password });
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  return throttleSignIn(signInLimits(ip ?? "unknown", email), async () => {
    const user = await db.user.findUnique({ where: { email } });
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || user.disabledAt) return null;
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}
