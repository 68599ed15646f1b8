import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { auth } from "@/lib/server/auth/auth";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid } from "@/lib/server/auth/policy";

// The session only says who signed in; the user row says whether they still may act. Re-reading
// it on every request means a disabled account is out at once, not when its cookie expires.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || !isUuid(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || undefined;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return actor;
}
