import "server-only";
import type { AccountRole } from "@/lib/generated/prisma/enums";

// Who is acting, re-read from the database on every request (see get-actor.ts).
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: AccountRole;
  // Recorded in audit rows; absent for scripts and tests.
  ip?: string;
};
