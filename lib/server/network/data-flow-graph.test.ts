import { describe, expect, it } from "vitest";
import { DEMO_TEST_DEVICE, generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { unsafeAnalyzeCapture } from "@/lib/server/network/analyze-capture";
import { getDataFlowGraph } from "@/lib/server/network/get-data-flow-graph";
import { reanalyzeCapture } from "@/lib/server/network/reanalyze-capture";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

async function upload(actor: Parameters<typeof ingestExhibit>[0], matterId: string, text: string, fileName: string) {
  const { exhibit } = await ingestExhibit(actor, matterId, { body: [Buffer.from(text)], fileName });
  const analysis = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id }, orderBy: { createdAt: "desc" } });
  await unsafeAnalyzeCapture(analysis.id);
  return exhibit;
}

async function setup() {
  const team = await makeMatterWithTeam();
  await db.testDevice.create({ data: { matterId: team.matter.id, label: "Pixel test phone", ...DEMO_TEST_DEVICE } });
  // Two captures a day apart: 20 and 10 requests over the generator's ten destinations.
  const first = await upload(team.paralegal, team.matter.id, generateCaptureText({ entries: 20, start: new Date("2019-04-03T02:15:00Z") }), "first.har");
  const second = await upload(team.paralegal, team.matter.id, generateCaptureText({ entries: 10, start: new Date("2019-04-05T02:15:00Z") }), "second.har");
  return { ...team, first, second };
}

const edgeBetween = (graph: Awaited<ReturnType<typeof getDataFlowGraph>>, source: string, target: string) => graph.edges.find((e) => e.source === source && e.target === target);

describe("data-flow graph", () => {
  it("weights each hop by its observations and labels it with the data categories sent", async () => {
    const { matter, paralegal, first, second } = await setup();
    const graph = await getDataFlowGraph(paralegal, matter.id);
    expect(graph.totalObservations).toBe(30);
    expect(graph.totalObservations).toBe(await db.networkObservation.count({ where: { matterId: matter.id } }));

    const umengHost = graph.nodes.find((n) => n.id === "host:alog.umeng.com")!;
    expect(umengHost.observations).toBe(3); // entries 0 and 10 of the first capture, entry 0 of the second
    const toUmeng = edgeBetween(graph, "host:alog.umeng.com", "organisation:Umeng")!;
    expect(toUmeng.observations).toBe(3);
    expect(toUmeng.categories).toEqual(expect.arrayContaining(["IMEI", "ANDROID_ID", "MAC_ADDRESS"]));
    expect(edgeBetween(graph, "organisation:Umeng", "country:CN")!.observations).toBe(3);
    // Every observation leaves the app once and arrives in one country.
    const sum = (kind: string) => graph.nodes.filter((n) => n.kind === kind).reduce((s, n) => s + n.observations, 0);
    expect(sum("app")).toBe(30);
    expect(sum("country")).toBe(30);
    // A request that carried nothing detected has an edge with no categories.
    expect(edgeBetween(graph, "host:p16-va.tiktokcdn.com", graph.edges.find((e) => e.source === "host:p16-va.tiktokcdn.com")!.target)!.categories).toEqual([]);
    expect(graph.captures.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(graph.observations).toEqual([]);

    // Filters: capture, period, category; and the observations behind one host.
    expect((await getDataFlowGraph(paralegal, matter.id, { exhibitId: second.id })).totalObservations).toBe(10);
    expect((await getDataFlowGraph(paralegal, matter.id, { from: "2019-04-04", to: "2019-04-05" })).totalObservations).toBe(10);
    expect((await getDataFlowGraph(paralegal, matter.id, { to: "2019-04-03" })).totalObservations).toBe(20);
    const withLocation = await getDataFlowGraph(paralegal, matter.id, { category: "PRECISE_LOCATION" });
    expect(withLocation.totalObservations).toBe(3);
    expect(withLocation.nodes.filter((n) => n.kind === "host").map((n) => n.label)).toEqual(["log.byteoversea.com"]);
    const listed = await getDataFlowGraph(paralegal, matter.id, { host: "alog.umeng.com" });
    expect(listed.observations.map((o) => [o.exhibitId, o.entryIndex])).toEqual([
      [first.id, 0],
      [first.id, 10],
      [second.id, 0],
    ]);
    expect(listed.observations[0]!.dataCategories).toContain("IMEI");
  });

  it("counts only each capture's newest finished analysis", async () => {
    const { matter, paralegal, attorney, second } = await setup();
    await reanalyzeCapture(attorney, matter.id, second.id);
    const newest = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: second.id }, orderBy: { createdAt: "desc" } });
    await unsafeAnalyzeCapture(newest.id);
    expect(await db.networkObservation.count({ where: { matterId: matter.id } })).toBe(40);
    expect((await getDataFlowGraph(paralegal, matter.id)).totalObservations).toBe(30);
  });

  it("refuses non-members with 404, class members always, and bad filters by field", async () => {
    const { matter, outsider, member, admin, paralegal } = await setup();
    expect((await refusal(getDataFlowGraph(outsider, matter.id))).code).toBe("NOT_FOUND");
    expect((await refusal(getDataFlowGraph(admin, matter.id))).code).toBe("NOT_FOUND");
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(getDataFlowGraph(member, matter.id))).code);
    const bad = await refusal(getDataFlowGraph(paralegal, matter.id, { category: "SOUL", from: "2019-02-30", exhibitId: "x" }));
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["category", "exhibitId", "from"]);
    expect((await refusal(getDataFlowGraph(paralegal, matter.id, { from: "2019-04-05", to: "2019-04-03" }))).fieldErrors.to).toBeDefined();
  });
});
