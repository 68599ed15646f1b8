import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { decode, encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

// Short-lived, encrypted tickets (Auth.js's own JWE, each kind under its own salt so one kind is
// never read as another) that carry a half-finished sign-in between two requests without the
// password travelling again:
// - "two-factor": the password was right; the holder may now offer a second factor for 5 minutes.
//   The sign-in form sets it as an httpOnly cookie; the code step sends it with the code.
// - "renewal": minted on the server for the server's own signIn() call right after a password
//   change ended every session (this browser's too); it never leaves the server and lives 60 s.
// Both carry the account's session version, so a sign-out, password change or reset voids them.
export type TicketKind = "two-factor" | "renewal";
const LIFETIME_SECONDS: Record<TicketKind, number> = { "two-factor": 5 * 60, renewal: 60 };
export const TWO_FACTOR_COOKIE = "proofline.two-factor";
export const TWO_FACTOR_TICKET_SECONDS = LIFETIME_SECONDS["two-factor"];

function secret(): string {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set");
  return env.AUTH_SECRET;
}

export async function issueTicket(kind: TicketKind, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return encode({ token: { sub: userId, sv: user.sessionVersion, kind }, secret: secret(), salt: `proofline.${kind}`, maxAge: LIFETIME_SECONDS[kind] });
}

// The account a ticket is for, or null when it is forged, expired, of another kind, or its
// account's sessions were ended since it was issued.
export async function readTicket(kind: TicketKind, ticket: unknown): Promise<{ userId: string } | null> {
  if (typeof ticket !== "string" || ticket.length === 0 || ticket.length > 4096) return null;
  const claims = await decode({ token: ticket, secret: secret(), salt: `proofline.${kind}` }).catch(() => null);
  if (!claims || claims.kind !== kind || typeof claims.sub !== "string" || typeof claims.sv !== "number") return null;
  const user = await db.user.findUnique({ where: { id: claims.sub }, select: { sessionVersion: true, disabledAt: true } });
  if (!user || user.disabledAt || user.sessionVersion !== claims.sv) return null;
  return { userId: claims.sub };
}

// Thrown by the password provider when the password is right but the account has two-factor
// sign-in: no session yet. A CredentialsSignin, so Auth.js hands it to the sign-in action as it
// is (and answers its bare callback endpoint like any refusal, without the ticket).
export class TwoFactorRequiredError extends CredentialsSignin {
  code = "two-factor";
  constructor(readonly ticket: string) {
    super();
    this.message = "Enter the code from your authenticator app.";
  }
}
