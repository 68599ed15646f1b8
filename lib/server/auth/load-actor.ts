import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid } from "@/lib/server/auth/policy";

// The session only says who signed in; the user row says whether they still may act. Re-reading
// it on every request means a disabled account is out at once, not when its cookie expires.
// (No next/* import: the production web server's lean paths use this before Next.js loads.)
export async function loadActor(userId: string | null | undefined, ip: string | undefined): Promise<Actor | null> {
  if (!userId || !isUuid(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip };
}
