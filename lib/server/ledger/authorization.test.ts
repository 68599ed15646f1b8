import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { clearFlag } from "@/lib/server/allegations/clear-flag";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { updateAllegation } from "@/lib/server/allegations/update-allegation";
import { addElement } from "@/lib/server/counts/add-element";
import { createCount } from "@/lib/server/counts/create-count";
import { getCount } from "@/lib/server/counts/get-count";
import { listCounts } from "@/lib/server/counts/list-counts";
import { reorderElements } from "@/lib/server/counts/reorder-elements";
import { updateCount } from "@/lib/server/counts/update-count";
import { updateElement } from "@/lib/server/counts/update-element";
import { cancelEvidenceRequest } from "@/lib/server/evidence/cancel-evidence-request";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { listRequestAssignees } from "@/lib/server/evidence/list-request-assignees";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { getCoverage } from "@/lib/server/ledger/get-coverage";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";
import { listLedger } from "@/lib/server/ledger/list-ledger";
import { addMember, makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

// Every use case of the ledger, run by each kind of actor. Each call makes what it acts on fresh,
// so a refusal is about who asks, never about state left by an earlier call.
type Ctx = Awaited<ReturnType<typeof world>>;
async function world() {
  const team = await makeMatterWithTeam();
  const m = team.matter.id;
  const allegation = await createAllegation(team.paralegal, m, validAllegationInput());
  const count = await createCount(team.paralegal, m, validCountInput());
  const elements = (await getCount(team.paralegal, m, count.id)).elements;
  const exhibit = await makeLinkableExhibit(m, team.attorney);
  const fresh = {
    link: () => linkEvidence(team.attorney, m, allegation.id, { exhibitId: exhibit.id, relation: "CONTEXT", submissionKey: crypto.randomUUID() }),
    request: () => createEvidenceRequest(team.paralegal, m, allegation.id, { description: "Capture", submissionKey: crypto.randomUUID() }),
  };
  return { ...team, m, allegation, count, elements, exhibit, fresh };
}

const USE_CASES: [string, (c: Ctx, a: Actor) => Promise<unknown>][] = [
  ["listLedger", (c, a) => listLedger(a, c.m, {})],
  ["getCoverage", (c, a) => getCoverage(a, c.m)],
  ["getGapReport", (c, a) => getGapReport(a, c.m)],
  ["getAllegation", (c, a) => getAllegation(a, c.m, c.allegation.id)],
  ["createAllegation", (c, a) => createAllegation(a, c.m, validAllegationInput({ paragraph: 1000 + Math.floor(Math.random() * 90_000) }))],
  [
    "updateAllegation",
    async (c, a) => {
      const fields: Record<string, unknown> = validAllegationInput({ paragraph: 2000 + Math.floor(Math.random() * 90_000) });
      delete fields.submissionKey;
      const fresh = await createAllegation(c.paralegal, c.m, validAllegationInput({ paragraph: 100_000 - Math.floor(Math.random() * 5000) }));
      return updateAllegation(a, c.m, fresh.id, { ...fields, expectedUpdatedAt: fresh.updatedAt.toISOString() });
    },
  ],
  ["flagAllegation", (c, a) => flagAllegation(a, c.m, c.allegation.id, { severity: "WEAK", reason: "Thin" })],
  [
    "clearFlag",
    async (c, a) => {
      await flagAllegation(c.paralegal, c.m, c.allegation.id, { severity: "WEAK", reason: "Thin" });
      return clearFlag(a, c.m, c.allegation.id, { reason: "Resolved" });
    },
  ],
  ["linkEvidence", (c, a) => linkEvidence(a, c.m, c.allegation.id, { exhibitId: c.exhibit.id, relation: "SUPPORTS", submissionKey: crypto.randomUUID() })],
  ["unlinkEvidence", async (c, a) => unlinkEvidence(a, c.m, (await c.fresh.link()).id, { reason: "Wrong exhibit" })],
  ["createEvidenceRequest", (c, a) => createEvidenceRequest(a, c.m, c.allegation.id, { description: "Capture", submissionKey: crypto.randomUUID() })],
  ["cancelEvidenceRequest", async (c, a) => cancelEvidenceRequest(a, c.m, (await c.fresh.request()).id, { reason: "Not needed" })],
  ["findLinkableExhibits", (c, a) => findLinkableExhibits(a, c.m, {})],
  ["listRequestAssignees", (c, a) => listRequestAssignees(a, c.m)],
  ["listCounts", (c, a) => listCounts(a, c.m)],
  ["getCount", (c, a) => getCount(a, c.m, c.count.id)],
  ["createCount", (c, a) => createCount(a, c.m, validCountInput({ number: 2 + Math.floor(Math.random() * 900) }))],
  ["updateCount", (c, a) => updateCount(a, c.m, c.count.id, { number: 1, title: "CFAA" })],
  ["addElement", (c, a) => addElement(a, c.m, c.count.id, { text: "Damage" })],
  ["updateElement", (c, a) => updateElement(a, c.m, c.elements[0]!.id, { text: "Access to a protected computer" })],
  ["reorderElements", (c, a) => reorderElements(a, c.m, c.count.id, { elementIds: c.elements.map((e) => e.id) })],
];

describe("ledger authorization: every use case", () => {
  it.each(USE_CASES)("%s: attorney and paralegal may; outsider, non-member admin and class member get 404", async (_name, run) => {
    const c = await world();
    await expect(run(c, c.attorney)).resolves.toBeDefined();
    await expect(run(c, c.paralegal)).resolves.toBeDefined();
    for (const stranger of [c.outsider, c.admin, c.member]) {
      const error = await refusal(run(c, stranger));
      expect(error.code, stranger.name).toBe("NOT_FOUND");
    }
  });

  it("an id of this matter reached through another matter's URL is 404 for a member of both", async () => {
    const c = await world();
    const other = await makeMatterWithTeam();
    await addMember(c.paralegal, other.matter.id, "PARALEGAL");
    for (const call of [
      () => getAllegation(c.paralegal, other.matter.id, c.allegation.id),
      () => flagAllegation(c.paralegal, other.matter.id, c.allegation.id, { severity: "WEAK", reason: "x y z" }),
      () => getCount(c.paralegal, other.matter.id, c.count.id),
      () => linkEvidence(c.paralegal, other.matter.id, c.allegation.id, { exhibitId: c.exhibit.id, relation: "SUPPORTS", submissionKey: crypto.randomUUID() }),
      () => getAllegation(c.paralegal, c.m, "not-a-uuid"),
    ]) {
      expect((await refusal(call())).code).toBe("NOT_FOUND");
    }
  });
});
