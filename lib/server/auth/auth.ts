import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { AccountRole } from "@/lib/generated/prisma/enums";
import { ZSignIn } from "@/lib/schemas/auth";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { logger } from "@/lib/server/logger";
import { redeemSignInToken } from "@/lib/server/claims/redeem-sign-in-token";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: AccountRole } & DefaultSession["user"];
  }
  interface User {
    role?: AccountRole;
  }
}

if (!env.AUTH_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
  throw new Error("AUTH_SECRET is not set: npm start generates one; a deployment must provide it");
}

// Auth.js builds its URLs and redirects from AUTH_URL when set, else from the request's Host and
// X-Forwarded-Host, which the sender writes. The deployment's origin (APP_URL) is the one to use.
if (env.APP_URL) process.env.AUTH_URL ??= env.APP_URL;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // Needed under `next start`; with APP_URL set (required outside the demo) the host is not read.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  // A wrong password is an expected outcome, not an error with a stack trace in the log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin") logger.info({ event: "sign-in refused" }, "sign-in refused");
      else logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = ZSignIn.pick({ email: true, password: true }).safeParse({
          email: raw?.email,
          password: raw?.password,
        });
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok || user.disabledAt) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
    // Class members: the one-time link mailed after filing a claim (or asked for on /claims/sign-in).
    Credentials({
      id: "email-link",
      credentials: { token: {} },
      authorize: (raw, request) =>
        redeemSignInToken(String(raw?.token ?? ""), request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as AccountRole;
      return session;
    },
  },
});
