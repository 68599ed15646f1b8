import { describe, expect, it } from "vitest";
import { v7 as uuidv7 } from "uuid";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { db } from "@/lib/server/db";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { supportOf } from "@/lib/server/ledger/support-status";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput } from "@/lib/server/testing/ledger-fixtures";

// The counts the status view reads are kept by triggers: they must always equal a fresh count of
// the active links, whatever changed (a link, its removal, an exhibit's privilege, many at once).
async function freshCounts(matterId: string) {
  return db.$queryRaw<{ allegationId: string; supportsOpen: number; supportsPrivileged: number; contradicts: number; context: number }[]>`
    SELECT a.id::text AS "allegationId",
      (count(el.id) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege = 'NONE'))::int AS "supportsOpen",
      (count(el.id) FILTER (WHERE el.relation = 'SUPPORTS' AND x.privilege <> 'NONE'))::int AS "supportsPrivileged",
      (count(el.id) FILTER (WHERE el.relation = 'CONTRADICTS'))::int AS contradicts,
      (count(el.id) FILTER (WHERE el.relation = 'CONTEXT'))::int AS context
    FROM "Allegation" a
    LEFT JOIN "EvidenceLink" el ON el."allegationId" = a.id AND el."removedAt" IS NULL
    LEFT JOIN "Exhibit" x ON x.id = el."exhibitId"
    WHERE a."matterId" = ${matterId}::uuid GROUP BY a.id ORDER BY a.id`;
}
async function viewCounts(matterId: string) {
  return db.$queryRaw<{ allegationId: string }[]>`
    SELECT "allegationId"::text AS "allegationId", "supportsOpen", "supportsPrivileged", contradicts, context
    FROM "AllegationSupport" WHERE "matterId" = ${matterId}::uuid ORDER BY "allegationId"`;
}

describe("kept link counts behind the support status", () => {
  it("follow links, removals, privilege changes and bulk statements", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const a1 = await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 1 }));
    const a2 = await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 2 }));
    const x1 = await makeLinkableExhibit(matter.id, paralegal);
    const x2 = await makeLinkableExhibit(matter.id, paralegal);
    const link = (allegationId: string, exhibitId: string, relation: string) =>
      linkEvidence(paralegal, matter.id, allegationId, { exhibitId, relation, submissionKey: crypto.randomUUID() });
    const check = async () => expect(await viewCounts(matter.id)).toEqual(await freshCounts(matter.id));

    await check();
    const l1 = await link(a1.id, x1.id, "SUPPORTS");
    await link(a1.id, x2.id, "CONTRADICTS");
    await link(a2.id, x1.id, "CONTEXT");
    await check();
    expect((await supportOf(db, [a1.id])).get(a1.id)!.status).toBe("SUPPORTED");

    // A privilege change moves the support to privileged: PARTIAL.
    await db.exhibit.update({ where: { id: x1.id }, data: { privilege: "WORK_PRODUCT" } });
    await check();
    expect((await supportOf(db, [a1.id])).get(a1.id)!.status).toBe("PARTIAL");
    // Other exhibit updates leave the counts alone.
    await db.exhibit.update({ where: { id: x2.id }, data: { title: "Renamed" } });
    await check();

    // Removing the link counts it no more: CONTRADICTED.
    await db.evidenceLink.update({ where: { id: l1.id }, data: { removedAt: new Date() } });
    await check();
    expect((await supportOf(db, [a1.id])).get(a1.id)!.status).toBe("CONTRADICTED");

    // Many rows in one statement, then a delete.
    await db.evidenceLink.createMany({
      data: [a1.id, a2.id, a2.id].map((allegationId) => ({ id: uuidv7(), matterId: matter.id, allegationId, exhibitId: x2.id, relation: "SUPPORTS" as const, createdById: paralegal.userId })),
    });
    await check();
    await db.evidenceLink.deleteMany({ where: { allegationId: a2.id, relation: "SUPPORTS" } });
    await check();
    expect((await supportOf(db, [a2.id])).get(a2.id)!.status).toBe("UNSUPPORTED");
  });

  it("stay right when links are written concurrently", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const a = await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 7 }));
    const exhibits = await Promise.all(Array.from({ length: 8 }, () => makeLinkableExhibit(matter.id, paralegal)));
    await Promise.all(
      exhibits.map((x, i) => linkEvidence(paralegal, matter.id, a.id, { exhibitId: x.id, relation: i % 2 ? "SUPPORTS" : "CONTEXT", submissionKey: crypto.randomUUID() })),
    );
    await Promise.all(exhibits.slice(0, 4).map((x) => db.exhibit.update({ where: { id: x.id }, data: { privilege: "ATTORNEY_CLIENT" } })));
    expect(await viewCounts(matter.id)).toEqual(await freshCounts(matter.id));
    expect((await supportOf(db, [a.id])).get(a.id)).toMatchObject({ supportsOpen: 2, supportsPrivileged: 2, context: 4 });
  });
});
