import "server-only";
import { randomFillSync } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { analyzeHar, HarFormatError, type HarObservation } from "@/lib/analyzer/har/analyze-har";
import { ipCountryLookup } from "@/lib/analyzer/ip-country";
import { db } from "@/lib/server/db";
import { bulkCopyFrom } from "@/lib/server/db-bulk";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";
import { openVerified } from "@/lib/server/storage/open-verified";

// Observations go to the database in batches as the capture streams past. Up to WRITERS batches
// are written at once (each on its own pooled connection) while the analyzer reads on, so the
// database's work overlaps the parsing and uses a second core when there is one; memory holds at
// most WRITERS + 1 batches.
const BATCH = 1000;
const WRITERS = 2;

class AnalysisTimedOut extends Error {}

// Longer than a run's time budget (at most 10 minutes) and its job's expiry (15 minutes).
const STALE_RUN_MS = 16 * 60 * 1000;

// Each observation is serialised once, as it arrives, to its line of COPY text (tab-separated
// columns, \N for null, with backslash, tab, newline and carriage return escaped); the batch is then
// only joined. Text that PostgreSQL cannot store (NUL) is replaced, in the columns and in the
// detections' JSON (where JSON.stringify writes it as \u0000, which jsonb refuses).
const COPY_SPECIAL = /[\\\t\n\r\0]/;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\uFFFD" };
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r\0]/g, (c) => COPY_ESCAPES[c]!) : value;
}
const copyNumber = (value: number | null) => (value === null ? "\\N" : String(value));

function rowLine(analysis: { id: string; matterId: string; exhibitId: string }, o: HarObservation): string {
  return [
    observationId(),
    analysis.id,
    analysis.matterId,
    analysis.exhibitId,
    String(o.entryIndex),
    o.startedAt.toISOString(),
    copyText(o.method),
    copyText(o.url),
    copyText(o.host),
    copyText(o.registrableDomain),
    copyText(o.serverIp),
    copyText(o.serverIpCountry),
    copyNumber(o.status),
    copyNumber(o.requestBytes),
    copyNumber(o.responseBytes),
    copyText(o.kbDomain),
    copyText(o.organisation),
    copyText(o.parent),
    copyText(o.country),
    copyText(o.trackerCategory),
    `{${o.dataCategories.join(",")}}`,
    copyText(JSON.stringify(o.detections).replace(/\\u0000/g, "\\uFFFD")),
    o.truncated ? "t" : "f",
  ].join("\t");
}

// Version 7 ids like the rest of the schema's, minted without asking WebCrypto for 16 bytes per
// id (uuid's default, which cost more than serialising the row): random bytes are drawn for 1024
// ids at a time, and ids minted in the same millisecond count up from a random start, as uuid's own.
const randomPool = new Uint8Array(16 * 1024);
let randomAt = randomPool.length;
let idClock = { msecs: -1, seq: 0 };
function observationId(): string {
  if (randomAt >= randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  const random = randomPool.subarray(randomAt, (randomAt += 16));
  const now = Date.now();
  if (now > idClock.msecs) idClock = { msecs: now, seq: ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]! };
  else if ((idClock.seq = (idClock.seq + 1) | 0) === 0) idClock.msecs++;
  return uuidv7({ random, msecs: idClock.msecs, seq: idClock.seq });
}

// One COPY per batch: PostgreSQL reads the rows as they come, with less work per row than any
// INSERT (the JSON-parameter form it replaced cost the database about a third more CPU), for the
// tens of thousands of requests a long capture holds. All of a batch's rows land, or none.
const COPY_OBSERVATIONS = `COPY "NetworkObservation" (id, "analysisId", "matterId", "exhibitId", "entryIndex", "startedAt", method, url, host,
  "registrableDomain", "serverIp", "serverIpCountry", status, "requestBytes", "responseBytes", "kbDomain", organisation, parent, country,
  "trackerCategory", "dataCategories", detections, truncated) FROM STDIN`;

async function insertBatch(lines: string[]): Promise<void> {
  await bulkCopyFrom(COPY_OBSERVATIONS, Buffer.from(`${lines.join("\n")}\n`, "utf8"));
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
  if (!analysis || (analysis.status !== "QUEUED" && analysis.status !== "RUNNING")) return;
  const [kb, device] = await Promise.all([
    unsafeLoadKnowledgeBase(analysis.matterId),
    db.testDevice.findFirst({ where: { matterId: analysis.matterId }, orderBy: [{ createdAt: "asc" }, { label: "asc" }] }),
  ]);
  // Claimed in one statement: a waiting run, or one left RUNNING longer than any run may last (its
  // process died). A duplicate job for a run in progress claims nothing and leaves it alone.
  const { count } = await db.captureAnalysis.updateMany({
    where: { id: analysisId, OR: [{ status: "QUEUED" }, { status: "RUNNING", OR: [{ startedAt: null }, { startedAt: { lt: new Date(Date.now() - STALE_RUN_MS) } }] }] },
    data: { status: "RUNNING", error: null, kbVersion: kb.version, startedAt: new Date(), testDeviceLabel: device?.label ?? null, capturedBy: analysis.exhibit.custodian ?? analysis.exhibit.collectedBy },
  });
  if (count === 0) return;
  // A run interrupted by a crash left a partial set: start again from nothing.
  await db.networkObservation.deleteMany({ where: { analysisId } });

  const deadline = Date.now() + (options.timeLimitSeconds ?? Math.max(env.PARSER_TIME_LIMIT_SECONDS, 120)) * 1000;
  const lookup = ipCountryLookup();
  let batch: string[] = [];
  // Batches being written while the analyzer reads on. A flush with WRITERS in flight waits for
  // the oldest (and rethrows its failure); `drain` waits for all of them.
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    while (inFlight.length >= WRITERS) await inFlight.shift();
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const writing = insertBatch(rows);
    writing.catch(() => undefined);
    inFlight.push(writing);
  };
  const drain = async () => {
    while (inFlight.length > 0) await inFlight.shift();
  };
  try {
    const intake = await analyzeHar(await openVerified(analysis.inputSha256), {
      kb,
      device,
      ipCountry: lookup?.country ?? null,
      // openVerified re-hashes the stored bytes and fails the read if they no longer match.
      verifiedSha256: analysis.inputSha256,
      onObservation: async (observation) => {
        if (Date.now() > deadline) throw new AnalysisTimedOut();
        batch.push(rowLine(analysis, observation));
        if (batch.length >= BATCH) await flush();
      },
    });
    await flush();
    await drain();
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
    // A batch still being written must land before the cleanup, or it would outlive it.
    await Promise.allSettled(inFlight);
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
