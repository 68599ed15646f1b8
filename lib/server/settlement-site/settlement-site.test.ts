import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { getSettlementSite } from "@/lib/server/settlement-site/get-settlement-site";
import { getSettlementSiteSettings } from "@/lib/server/settlement-site/get-settlement-site-settings";
import { listSettlementSites } from "@/lib/server/settlement-site/list-settlement-sites";
import { openPublishedDocument } from "@/lib/server/settlement-site/open-published-document";
import { setExhibitPublished } from "@/lib/server/settlement-site/set-exhibit-published";
import { updateSettlementSite } from "@/lib/server/settlement-site/update-settlement-site";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const TEXTS = { faq_en: "Q?\n\nA.", notice_en: "Notice", contact_en: "Call us", faq_es: "¿P?", notice_es: "Aviso", contact_es: "Llámenos" };

async function siteWithPdf() {
  const team = await makeMatterWithTeam();
  await updateSettlementSite(team.attorney, team.matter.id, TEXTS);
  const { exhibit } = await makeExhibit(team.attorney, team.matter.id, { bytes: await makePdf(["Order granting preliminary approval"]), fileName: "order.pdf" });
  await db.exhibit.update({ where: { id: exhibit.id }, data: { confidentiality: "PUBLIC" } });
  return { ...team, exhibit };
}

describe("settlement website", () => {
  it("is online once an attorney saves its texts, audited, and listed publicly", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    await expect(getSettlementSite(matter.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await code(updateSettlementSite(paralegal, matter.id, TEXTS))).toBe("FORBIDDEN");
    await updateSettlementSite(attorney, matter.id, TEXTS);
    const site = await getSettlementSite(matter.slug);
    expect(site.content.es.faq).toBe("¿P?");
    expect((await listSettlementSites()).map((s) => s.slug)).toContain(matter.slug);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "matter.update-settlement-site" } });
    expect(audit.actorId).toBe(attorney.userId);
  });

  it("publishes a public PDF (attorney only, audited) and serves it publicly, verified", async () => {
    const { matter, attorney, paralegal, exhibit } = await siteWithPdf();
    await expect(openPublishedDocument(matter.slug, exhibit.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await code(setExhibitPublished(paralegal, matter.id, exhibit.id, { published: "on" }))).toBe("FORBIDDEN");
    await setExhibitPublished(attorney, matter.id, exhibit.id, { published: "on" });
    expect((await getSettlementSite(matter.slug)).documents.map((d) => d.id)).toEqual([exhibit.id]);
    const file = await openPublishedDocument(matter.slug, exhibit.id, "198.51.100.1");
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "exhibit.publish-on-site", entityId: exhibit.id } })).toBe(1);
    // Unpublished again: gone from the public side.
    await setExhibitPublished(attorney, matter.id, exhibit.id, { published: "off" });
    await expect(openPublishedDocument(matter.slug, exhibit.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses privileged and confidential exhibits, and hides one designated privileged after publishing", async () => {
    const { matter, attorney, exhibit } = await siteWithPdf();
    await db.exhibit.update({ where: { id: exhibit.id }, data: { privilege: "WORK_PRODUCT" } });
    expect(await code(setExhibitPublished(attorney, matter.id, exhibit.id, { published: "on" }))).toBe("FORBIDDEN");
    await db.exhibit.update({ where: { id: exhibit.id }, data: { privilege: "NONE", confidentiality: "CONFIDENTIAL" } });
    expect(await code(setExhibitPublished(attorney, matter.id, exhibit.id, { published: "on" }))).toBe("FORBIDDEN");
    expect(await db.exhibit.count({ where: { id: exhibit.id, publishedOnSite: true } })).toBe(0);

    await db.exhibit.update({ where: { id: exhibit.id }, data: { confidentiality: "PUBLIC" } });
    await setExhibitPublished(attorney, matter.id, exhibit.id, { published: "on" });
    await db.exhibit.update({ where: { id: exhibit.id }, data: { privilege: "ATTORNEY_CLIENT" } });
    await expect(openPublishedDocument(matter.slug, exhibit.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getSettlementSite(matter.slug)).documents).toEqual([]);
    expect((await getSettlementSiteSettings(attorney, matter.id)).exhibits[0]).toMatchObject({ published: false, blockedBecause: "Privileged" });
  });

  it("refuses a document that is not a PDF", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(attorney, matter.id);
    await db.exhibit.update({ where: { id: exhibit.id }, data: { confidentiality: "PUBLIC" } });
    expect(await code(setExhibitPublished(attorney, matter.id, exhibit.id, { published: "on" }))).toBe("VALIDATION");
  });

  it("is not found for another matter's staff, and another matter's slug does not serve this exhibit", async () => {
    const a = await siteWithPdf();
    const b = await makeMatterWithTeam();
    await updateSettlementSite(b.attorney, b.matter.id, TEXTS);
    await setExhibitPublished(a.attorney, a.matter.id, a.exhibit.id, { published: "on" });
    expect(await code(setExhibitPublished(b.attorney, a.matter.id, a.exhibit.id, { published: "off" }))).toBe("NOT_FOUND");
    expect(await code(updateSettlementSite(b.attorney, a.matter.id, TEXTS))).toBe("NOT_FOUND");
    expect(await code(getSettlementSiteSettings(b.attorney, a.matter.id))).toBe("NOT_FOUND");
    // The exhibit id under the wrong matter's address, and through the wrong matter's use case.
    await expect(openPublishedDocument(b.matter.slug, a.exhibit.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await code(setExhibitPublished(b.attorney, b.matter.id, a.exhibit.id, { published: "on" }))).toBe("NOT_FOUND");
  });
});
