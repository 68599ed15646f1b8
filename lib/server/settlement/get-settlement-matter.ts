import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";

export type SettlementMatter = {
  id: string;
  slug: string;
  caption: string;
  timeZone: string;
  optOutDeadline: string | null;
  objectionDeadline: string | null;
  finalApprovalHearingAt: Date | null;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

// Public: what the opt-out and objection forms need of a matter, by its public slug. A matter
// with neither deadline set has no such forms (404), like a matter with no claim form.
export async function getSettlementMatter(slug: string): Promise<SettlementMatter> {
  const matter = /^[a-z0-9-]{1,80}$/.test(slug)
    ? await db.matter.findUnique({
        where: { slug },
        select: { id: true, slug: true, caption: true, timeZone: true, optOutDeadline: true, objectionDeadline: true, finalApprovalHearingAt: true },
      })
    : null;
  if (!matter || (!matter.optOutDeadline && !matter.objectionDeadline)) throw AppError.notFound("No settlement forms here");
  return { ...matter, optOutDeadline: day(matter.optOutDeadline), objectionDeadline: day(matter.objectionDeadline) };
}
