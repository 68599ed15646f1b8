import "server-only";
import type { AccountRole, ApiTokenAccess, ApiTokenKind } from "@/lib/generated/prisma/enums";

// A SERVICE token (a claim feed) files claims on its one matter through the claim API and is
// refused everywhere else (api-actor.ts, policy.ts).
export type ApiTokenGrant = { id: string; access: ApiTokenAccess; matterIds: readonly string[]; kind: ApiTokenKind };

// Who is acting, re-read from the database on every request (see get-actor.ts).
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: AccountRole;
  // Staff who must set up two-factor sign-in (the administrators require it of all staff) and
  // have not: they may use their account page and nothing else until they do (policy.ts).
  mustEnrollTwoFactor?: boolean;
  // Recorded in audit rows; absent for scripts and tests.
  ip?: string;
  // Set when the request carried a personal access token instead of a session: the token limits
  // the actor to its matters (policy.ts) and, when read-only, to GET requests (the route wrapper).
  token?: ApiTokenGrant;
};
