import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { COMPLAINT_MEDIA_TYPES } from "@/lib/server/complaints/complaint-media-types";
import { db } from "@/lib/server/db";

// The matter's complaint imports, newest first, and the exhibits a new one can start from.
export async function listComplaintImports(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const types = Object.values(COMPLAINT_MEDIA_TYPES);
  const [imports, exhibits] = await Promise.all([
    db.complaintImport.findMany({
      where: { matterId },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { exhibit: { select: { prefix: true, number: true, title: true } }, createdBy: { select: { name: true } }, _count: { select: { proposals: true } } },
    }),
    db.exhibit.findMany({
      where: { matterId, OR: [{ detectedType: { in: types } }, { detectedType: null, blob: { mediaType: { in: types } } }] },
      orderBy: { number: "asc" },
      select: { id: true, prefix: true, number: true, title: true },
      take: 500,
    }),
  ]);
  return {
    access,
    imports: imports.map((i) => ({ ...i, exhibitLabel: exhibitLabel(i.exhibit.prefix, i.exhibit.number) })),
    exhibits: exhibits.map((e) => ({ ...e, label: exhibitLabel(e.prefix, e.number) })),
  };
}
