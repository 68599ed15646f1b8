import "server-only";
import { db } from "@/lib/server/db";
import type { PasswordUser } from "@/lib/server/auth/authorize-password";
import { readTicket } from "@/lib/server/auth/sign-in-tickets";
import { throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { verifySecondFactor } from "@/lib/server/auth/two-factor";
import { twoFactorLimits } from "@/lib/server/rate-limit/limits";

// The second step of a two-factor sign-in (the "two-factor" provider, for the code form and the
// bare callback endpoint alike): a ticket from a right password, and a code from the
// authenticator or a recovery code. Wrong codes count per account and per address.
export async function authorizeSecondFactor(raw: Partial<Record<string, unknown>> | undefined, ip: string | null): Promise<PasswordUser | null> {
  const code = typeof raw?.code === "string" ? raw.code : "";
  if (code.length === 0 || code.length > 64) return null;
  const ticket = await readTicket("two-factor", raw?.ticket);
  if (!ticket) return null;
  return throttleSignIn(twoFactorLimits(ip ?? "unknown", ticket.userId), async () => {
    const user = await db.user.findUnique({ where: { id: ticket.userId } });
    if (!user || user.disabledAt || !user.totpEnabledAt) return null;
    const result = await verifySecondFactor(user, code, { userId: user.id, ip: ip ?? undefined });
    return result.ok ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
  });
}

// Signs this browser in again right after a password change ended every session: the server's
// own call, with a ticket it minted a moment before (sign-in-tickets.ts).
export async function authorizeRenewal(raw: Partial<Record<string, unknown>> | undefined): Promise<PasswordUser | null> {
  const ticket = await readTicket("renewal", raw?.ticket);
  if (!ticket) return null;
  const user = await db.user.findUnique({ where: { id: ticket.userId }, select: { id: true, email: true, name: true, role: true } });
  return user ?? null;
}
