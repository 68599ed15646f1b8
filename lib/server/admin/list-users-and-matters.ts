import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission, staffTwoFactorRequired } from "@/lib/server/auth/policy";

// What the administration page shows: every account and every matter's team, and who must use
// two-factor sign-in. No matter content.
export async function listUsersAndMatters(actor: Actor) {
  requireAccountPermission(actor, "admin.users");
  const [users, matters, requireStaffTwoFactor] = await Promise.all([
    db.user.findMany({
      where: { role: { in: ["ADMIN", "STAFF"] } },
      orderBy: [{ role: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, disabledAt: true, totpEnabledAt: true, _count: { select: { memberships: true } } },
    }),
    db.matter.findMany({
      orderBy: { caption: "asc" },
      select: {
        id: true,
        caption: true,
        docketNumber: true,
        requireStaffTwoFactor: true,
        memberships: { orderBy: { role: "asc" }, select: { id: true, role: true, user: { select: { name: true, email: true, disabledAt: true } } } },
      },
    }),
    staffTwoFactorRequired(),
  ]);
  return { users, matters, requireStaffTwoFactor };
}
