import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { calendarFromDate } from "@/lib/schemas/common";
import { ZClaimFormDefinition, type TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { ZSettlementSiteContent, type TSettlementSiteContent } from "@/lib/schemas/settlement-site";
import { db } from "@/lib/server/db";

export type PublicSettlementSite = {
  slug: string;
  caption: string;
  shortName: string;
  court: string;
  docketNumber: string;
  timeZone: string;
  // Calendar dates (YYYY-MM-DD), each closing at the end of its day in `timeZone`.
  claimDeadline: string | null;
  optOutDeadline: string | null;
  objectionDeadline: string | null;
  finalApprovalHearingAt: Date | null;
  classPeriod: { start: string; end: string } | null;
  takesClaims: boolean;
  content: TSettlementSiteContent;
  documents: { id: string; label: string; title: string; pageCount: number | null }[];
};

// What the public may read about a matter with a settlement website: its caption, court, dates,
// the staff-written texts and the court documents an attorney published — nothing else. A matter
// without a website (no texts saved) is "not found", like a mistyped address.
export async function getSettlementSite(slug: string): Promise<PublicSettlementSite> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw AppError.notFound("No settlement website here");
  const matter = await db.matter.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      caption: true,
      shortName: true,
      court: true,
      docketNumber: true,
      timeZone: true,
      claimDeadline: true,
      optOutDeadline: true,
      objectionDeadline: true,
      finalApprovalHearingAt: true,
      claimForm: true,
      settlementSite: true,
    },
  });
  const content = matter?.settlementSite ? ZSettlementSiteContent.safeParse(matter.settlementSite) : null;
  if (!matter || !content?.success) throw AppError.notFound("No settlement website here");
  const form: TClaimFormDefinition | null = matter.claimForm ? ZClaimFormDefinition.parse(matter.claimForm) : null;
  const documents = await db.exhibit.findMany({
    where: { matterId: matter.id, publishedOnSite: true, privilege: "NONE", confidentiality: "PUBLIC" },
    orderBy: { number: "asc" },
    select: { id: true, prefix: true, number: true, title: true, pageCount: true },
  });
  return {
    slug: matter.slug,
    caption: matter.caption,
    shortName: matter.shortName,
    court: matter.court,
    docketNumber: matter.docketNumber,
    timeZone: matter.timeZone,
    // The claim form's own deadline is the one the form enforces.
    claimDeadline: form?.claimDeadline ?? calendarFromDate(matter.claimDeadline) ?? null,
    optOutDeadline: calendarFromDate(matter.optOutDeadline) ?? null,
    objectionDeadline: calendarFromDate(matter.objectionDeadline) ?? null,
    finalApprovalHearingAt: matter.finalApprovalHearingAt,
    classPeriod: form?.classPeriod ?? null,
    takesClaims: form !== null,
    content: content.data,
    documents: documents.map((d) => ({ id: d.id, label: exhibitLabel(d.prefix, d.number), title: d.title, pageCount: d.pageCount })),
  };
}
