import { describe, expect, it } from "vitest";
import { buildApk } from "@/lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";
import { DEMO_TEST_DEVICE, generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { unsafeAnalyzeApkExhibit } from "@/lib/server/apk/analyze-apk-exhibit";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { unsafeAnalyzeCapture } from "@/lib/server/network/analyze-capture";
import { getDataFlowGraph, INFERRED_SAME_ORGANISATION } from "@/lib/server/network/get-data-flow-graph";
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

async function uploadApk(actor: Parameters<typeof ingestExhibit>[0], matterId: string, body: Buffer, fileName = "app.apk") {
  const { exhibit } = await ingestExhibit(actor, matterId, { body: [body], fileName });
  const analysis = await db.apkAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id }, orderBy: { createdAt: "desc" } });
  await unsafeAnalyzeApkExhibit(analysis.id);
  return { exhibit, analysis };
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

  it("adds the SDK layer from the matter's app packages: app → SDK, and SDK → captured host inferred from the KB, each with its evidence", async () => {
    const { matter, paralegal, first } = await setup();
    const { exhibit: apk, analysis } = await uploadApk(paralegal, matter.id, await buildApk(demoApkSpec()));
    const graph = await getDataFlowGraph(paralegal, matter.id);

    // The package's app node (its own version) and one node per SDK found in its code.
    const sdks = graph.nodes.filter((n) => n.kind === "sdk");
    expect(sdks.map((n) => n.sdk!.prefix).sort()).toEqual(["com.baidu.android.pushservice", "com.igexin", "com.tencent.bugly", "com.umeng"]);
    const umeng = sdks.find((n) => n.sdk!.prefix === "com.umeng")!;
    expect(umeng.sdk).toMatchObject({
      organisation: "Umeng (Alibaba Group)",
      classCount: 7,
      analysisId: analysis.id,
      exhibitId: apk.id,
      apkSha256: apk.blobSha256,
      package: "com.example.tiktoklike",
      versionName: "30.1.4",
    });
    expect(umeng.sdk!.exhibitLabel).toMatch(/^PX-\d{4}$/);
    const embeds = edgeBetween(graph, "app:App 30.1.4", umeng.id)!;
    expect(embeds).toMatchObject({ kind: "embeds", observations: 0, hosts: [] });
    expect(embeds.sdk!.analysisId).toBe(analysis.id);
    // SDK nodes carry no requests: the captures' totals are unchanged.
    expect(graph.totalObservations).toBe(30);
    expect(graph.nodes.filter((n) => n.kind === "app").reduce((s, n) => s + n.observations, 0)).toBe(30);

    // Umeng's SDK → alog.umeng.com (the KB names the host's organisation "Umeng"), marked as an
    // inference with the KB fact's source, and leading to the requests behind the host.
    const inferred = edgeBetween(graph, umeng.id, "host:alog.umeng.com")!;
    expect(inferred.kind).toBe("inferred");
    expect(inferred.inference).toMatchObject({ basis: INFERRED_SAME_ORGANISATION, sdkOrganisation: "Umeng (Alibaba Group)", hostOrganisation: "Umeng", kbDomain: "umeng.com", layer: "OURS", namedInCode: true });
    expect(inferred.inference!.source).toContain("umeng.com");
    expect(inferred.hosts).toEqual(["alog.umeng.com"]);
    expect(inferred.observations).toBe(3);
    expect(inferred.categories).toEqual(expect.arrayContaining(["IMEI", "ANDROID_ID"]));
    const listed = await getDataFlowGraph(paralegal, matter.id, { host: inferred.hosts[0] });
    expect(listed.observations.map((o) => o.entryIndex)).toContain(0);
    expect(listed.observations.every((o) => o.host === "alog.umeng.com")).toBe(true);
    expect(listed.observations.map((o) => o.exhibitId)).toContain(first.id);
    // Tencent's Bugly SDK reaches the Bugly host; Baidu push its push host.
    expect(edgeBetween(graph, `sdk:${apk.id}:com.tencent.bugly`, "host:android.bugly.qq.com")?.kind).toBe("inferred");
    expect(edgeBetween(graph, `sdk:${apk.id}:com.baidu.android.pushservice`, "host:api.tuisong.baidu.com")?.kind).toBe("inferred");
    // Never across organisations: no SDK of the package is inferred to reach a ByteDance or Google host.
    const inferredTargets = graph.edges.filter((e) => e.kind === "inferred").map((e) => e.target);
    expect(inferredTargets).not.toContain("host:api-va.tiktokv.com");
    expect(inferredTargets).not.toContain("host:www.google-analytics.com");
  });

  it("keeps the SDK layer inside its matter: another matter's package never appears, and its team gets 404", async () => {
    const { matter, paralegal } = await setup();
    const other = await makeMatterWithTeam();
    await uploadApk(other.paralegal, other.matter.id, await buildApk(demoApkSpec()), "other.apk");
    const graph = await getDataFlowGraph(paralegal, matter.id);
    expect(graph.nodes.filter((n) => n.kind === "sdk")).toEqual([]);
    expect(graph.edges.filter((e) => e.kind !== "request")).toEqual([]);
    expect((await getDataFlowGraph(other.paralegal, other.matter.id)).nodes.filter((n) => n.kind === "sdk").length).toBe(4);
    // A user of the other matter asking for this one's graph learns nothing.
    expect((await refusal(getDataFlowGraph(other.attorney, matter.id))).code).toBe("NOT_FOUND");
    expect((await refusal(getDataFlowGraph(other.paralegal, matter.id, { host: "alog.umeng.com" }))).code).toBe("NOT_FOUND");
  });
});
