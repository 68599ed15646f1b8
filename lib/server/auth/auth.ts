import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { AccountRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { buildingApp, env } from "@/lib/server/env";
import { authLogger } from "@/lib/server/auth/auth-logger";
import { authorizePassword } from "@/lib/server/auth/authorize-password";
import { authorizeRenewal, authorizeSecondFactor } from "@/lib/server/auth/authorize-second-factor";
import { isWithinMaxAge } from "@/lib/server/auth/load-actor";
import { throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { logger } from "@/lib/server/logger";
import { redeemSignInToken } from "@/lib/server/auth/redeem-sign-in-token";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";
import { signInLinkRedeemLimits } from "@/lib/server/rate-limit/limits";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: AccountRole; sessionVersion?: number; signedInAt?: number } & DefaultSession["user"];
  }
  interface User {
    role?: AccountRole;
  }
}

if (!env.AUTH_SECRET && !buildingApp) {
  throw new Error("AUTH_SECRET is not set: npm start generates one; a deployment must provide it");
}

// Auth.js builds its URLs and redirects from AUTH_URL when set, else from the request's Host and
// X-Forwarded-Host, which the sender writes. The deployment's origin (APP_URL) is the one to use.
if (env.APP_URL) process.env.AUTH_URL ??= env.APP_URL;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // Needed under `next start`; with APP_URL set (required outside the demo) the host is not read.
  trustHost: true,
  // The cookie's expiry is the idle timeout: every read of /api/auth/session (the workspace pings
  // it on activity) re-issues it. The absolute lifetime is checked against signedInAt.
  session: { strategy: "jwt", maxAge: env.SESSION_IDLE_MINUTES * 60 },
  pages: { signIn: "/sign-in" },
  logger: authLogger(logger),
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      authorize: (raw, request) => authorizePassword(raw, fromHeaders(request.headers).ip),
    }),
    // Staff with two-factor sign-in: the ticket a right password gave, and a code.
    Credentials({
      id: "two-factor",
      credentials: { ticket: {}, code: {} },
      authorize: (raw, request) => authorizeSecondFactor(raw, fromHeaders(request.headers).ip),
    }),
    // This browser, signed in again by the server after a password change ended every session.
    Credentials({
      id: "session-renewal",
      credentials: { ticket: {} },
      authorize: (raw) => authorizeRenewal(raw),
    }),
    // Class members: the one-time link mailed after filing a claim (or asked for on /claims/sign-in).
    Credentials({
      id: "email-link",
      credentials: { token: {} },
      authorize: (raw, request) => {
        const ip = fromHeaders(request.headers).ip;
        return throttleSignIn(signInLinkRedeemLimits(ip ?? "unknown"), () => redeemSignInToken(String(raw?.token ?? ""), ip));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.sub = user.id;
        token.role = user.role;
        token.sv = row?.sessionVersion;
        token.signedInAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // Past its lifetime a session is not re-issued; load-actor.ts refuses it either way.
      return isWithinMaxAge(token.signedInAt) ? token : null;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as AccountRole;
      session.user.sessionVersion = token.sv as number | undefined;
      session.user.signedInAt = token.signedInAt as number | undefined;
      return session;
    },
  },
});
