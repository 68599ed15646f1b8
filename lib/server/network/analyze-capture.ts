import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { analyzeHar, HarFormatError, type HarObservation } from "@/lib/analyzer/har/analyze-har";
import { ipCountryLookup } from "@/lib/analyzer/ip-country";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { unsafeLoadKnowledgeBase } from "@/lib/server/network/load-knowledge-base";
import { openVerified } from "@/lib/server/storage/open-verified";

// Observations go to the database in batches as the capture streams past: memory holds one batch.
const BATCH = 500;

class AnalysisTimedOut extends Error {}

function row(analysis: { id: string; matterId: string; exhibitId: string }, o: HarObservation): Prisma.NetworkObservationCreateManyInput {
  return {
    analysisId: analysis.id,
    matterId: analysis.matterId,
    exhibitId: analysis.exhibitId,
    entryIndex: o.entryIndex,
    startedAt: o.startedAt,
    method: o.method,
    url: o.url,
    host: o.host,
    registrableDomain: o.registrableDomain,
    serverIp: o.serverIp,
    serverIpCountry: o.serverIpCountry,
    status: o.status,
    requestBytes: o.requestBytes,
    responseBytes: o.responseBytes,
    kbDomain: o.kbDomain,
    organisation: o.organisation,
    parent: o.parent,
    country: o.country,
    trackerCategory: o.trackerCategory,
    dataCategories: o.dataCategories,
    detections: o.detections as unknown as Prisma.InputJsonValue,
    truncated: o.truncated,
  };
}

// Text stored in PostgreSQL cannot hold NUL; a capture may (in a URL or a header value).
function storable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\\u0000/g, "\uFFFD")) as T;
}

// Job handler (runs as the system on a capture whose upload was authorised). Streams the stored,
// re-verified bytes through the analyzer; a capture that is not a well-formed HAR ends FAILED with
// the reason and leaves no observation behind.
export async function unsafeAnalyzeCapture(analysisId: string, options: { timeLimitSeconds?: number } = {}): Promise<void> {
  const analysis = await db.captureAnalysis.findUnique({ where: { id: analysisId }, include: { exhibit: { select: { collectedBy: true, custodian: true } } } });
  // Only waiting or interrupted runs go ahead: a duplicate job finds the work done.
  if (!analysis || (analysis.status !== "QUEUED" && analysis.status !== "RUNNING")) return;
  // A run interrupted by a crash left a partial set: start again from nothing.
  await db.networkObservation.deleteMany({ where: { analysisId } });

  const [kb, device] = await Promise.all([
    unsafeLoadKnowledgeBase(analysis.matterId),
    db.testDevice.findFirst({ where: { matterId: analysis.matterId }, orderBy: [{ createdAt: "asc" }, { label: "asc" }] }),
  ]);
  await db.captureAnalysis.update({
    where: { id: analysisId },
    data: { status: "RUNNING", error: null, kbVersion: kb.version, startedAt: new Date(), testDeviceLabel: device?.label ?? null, capturedBy: analysis.exhibit.custodian ?? analysis.exhibit.collectedBy },
  });

  const deadline = Date.now() + (options.timeLimitSeconds ?? Math.max(env.PARSER_TIME_LIMIT_SECONDS, 120)) * 1000;
  const lookup = ipCountryLookup();
  let batch: Prisma.NetworkObservationCreateManyInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.networkObservation.createMany({ data: storable(rows) });
  };
  try {
    const intake = await analyzeHar(await openVerified(analysis.inputSha256), {
      kb,
      device,
      ipCountry: lookup?.country ?? null,
      onObservation: async (observation) => {
        if (Date.now() > deadline) throw new AnalysisTimedOut();
        batch.push(row(analysis, observation));
        if (batch.length >= BATCH) await flush();
      },
    });
    await flush();
    await db.captureAnalysis.update({
      where: { id: analysisId },
      data: storable({
        status: "DONE" as const,
        harVersion: intake.harVersion,
        creatorName: intake.creatorName,
        creatorVersion: intake.creatorVersion,
        browserName: intake.browserName,
        browserVersion: intake.browserVersion,
        firstRequestAt: intake.firstRequestAt,
        lastRequestAt: intake.lastRequestAt,
        timeZones: intake.timeZones,
        entryCount: intake.entryCount,
        observationCount: intake.observationCount,
        device: intake.device,
        appVersion: intake.appVersion,
        compressed: intake.compressed,
        finishedAt: new Date(),
      }),
    });
  } catch (error) {
    const reason =
      error instanceof HarFormatError
        ? error.message
        : error instanceof AnalysisTimedOut
          ? `The analysis took longer than its time budget and was stopped; no observations were kept.`
          : `The analysis failed: ${error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error)}`;
    if (!(error instanceof HarFormatError)) logger.warn({ analysisId, err: error }, "capture analysis failed");
    await db.$transaction([
      db.networkObservation.deleteMany({ where: { analysisId } }),
      db.captureAnalysis.update({ where: { id: analysisId }, data: { status: "FAILED", error: reason, finishedAt: new Date() } }),
    ]);
  }
}

// Analyses left QUEUED or RUNNING by a crash or a lost enqueue; the worker re-sends them at start.
export async function unsafeFindLostAnalyses(): Promise<{ data: { analysisId: string }; singletonKey: string }[]> {
  const stale = await db.captureAnalysis.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true }, take: 10_000 });
  return stale.map((a) => ({ data: { analysisId: a.id }, singletonKey: a.id }));
}
