import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import { ZSettlementSiteContent, type TSettlementSiteContent } from "@/lib/schemas/settlement-site";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

const EMPTY = { faq: "", notice: "", contact: "" };

// The staff page behind the website: its texts, and the matter's PDF exhibits with whether each
// is published and, if it cannot be, why.
export async function getSettlementSiteSettings(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { slug: true, settlementSite: true } });
  const parsed = matter.settlementSite ? ZSettlementSiteContent.safeParse(matter.settlementSite) : null;
  const content: TSettlementSiteContent = parsed?.success ? parsed.data : { en: EMPTY, es: EMPTY };
  const exhibits = await db.exhibit.findMany({
    where: { matterId, OR: [{ detectedType: "application/pdf" }, { detectedType: null, blob: { mediaType: "application/pdf" } }] },
    orderBy: { number: "asc" },
    select: { id: true, prefix: true, number: true, title: true, privilege: true, confidentiality: true, publishedOnSite: true },
    take: 500,
  });
  return {
    access,
    slug: matter.slug,
    online: Boolean(parsed?.success),
    content,
    exhibits: exhibits.map((e) => ({
      id: e.id,
      label: exhibitLabel(e.prefix, e.number),
      title: e.title,
      published: e.publishedOnSite && e.privilege === "NONE" && e.confidentiality === "PUBLIC",
      blockedBecause: e.privilege !== "NONE" ? "Privileged" : e.confidentiality !== "PUBLIC" ? "Not designated public" : null,
    })),
  };
}
