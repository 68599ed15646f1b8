import "server-only";
import { LOCALES } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/schemas/parse";
import { SITE_SECTION_LABELS, SITE_SECTIONS, siteContentFrom, ZSettlementSiteContent, ZUpdateSettlementSite } from "@/lib/schemas/settlement-site";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// The website's FAQ, notice and contact texts in English and Spanish. Saving them the first time
// puts the website online; the audit names the sections that changed.
export async function updateSettlementSite(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "site.edit");
  const content = siteContentFrom(parseInput(ZUpdateSettlementSite, input));
  return db.$transaction(async (tx) => {
    const before = await tx.matter.findUniqueOrThrow({ where: { id: matterId }, select: { settlementSite: true } });
    const old = before.settlementSite ? ZSettlementSiteContent.safeParse(before.settlementSite) : null;
    const changed = SITE_SECTIONS.flatMap((s) =>
      LOCALES.filter((l) => !old?.success || old.data[l][s] !== content[l][s]).map((l) => `${SITE_SECTION_LABELS[s]} (${l})`),
    );
    await tx.matter.update({ where: { id: matterId }, data: { settlementSite: content } });
    await appendAudit(tx, actor, { matterId, action: "matter.update-settlement-site", entityId: matterId, details: { changed } });
    return content;
  });
}
