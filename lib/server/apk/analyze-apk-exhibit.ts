import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { analyzeApk, ApkAnalysisError, ZipError } from "@/lib/analyzer/apk/analyze-apk";
import { registrableDomain } from "@/lib/analyzer/domains";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";
import { openVerified } from "@/lib/server/storage/open-verified";

class AnalysisTimedOut extends Error {}

// Longer than a run's time budget (at most 10 minutes) and its job's expiry (15 minutes).
const STALE_RUN_MS = 16 * 60 * 1000;

// Text stored in PostgreSQL cannot hold NUL; a package's strings may.
function storable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\\u0000/g, "\uFFFD")) as T;
}

// The analyzer bounds its memory but keeps no clock: the run races a timer. It yields between
// archive entries, so the timer fires at the latest after the DEX file in hand; whatever it was
// still reading is discarded.
function withinTimeLimit<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnalysisTimedOut()), seconds * 1000);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Job handler (runs as the system on a package whose upload was authorised). Copies the stored,
// re-verified bytes to a private temporary file (the ZIP reader needs random access), reads them
// with the APK analyzer and stores the findings in one update; a package that is not a readable
// APK ends FAILED with the reader's one-line reason and no findings.
export async function unsafeAnalyzeApkExhibit(analysisId: string, options: { timeLimitSeconds?: number } = {}): Promise<void> {
  const analysis = await db.apkAnalysis.findUnique({ where: { id: analysisId } });
  if (!analysis || (analysis.status !== "QUEUED" && analysis.status !== "RUNNING")) return;
  const kb = await unsafeLoadKnowledgeBase(analysis.matterId);
  // Claimed in one statement: a waiting run, or one left RUNNING longer than any run may last.
  const { count } = await db.apkAnalysis.updateMany({
    where: { id: analysisId, OR: [{ status: "QUEUED" }, { status: "RUNNING", OR: [{ startedAt: null }, { startedAt: { lt: new Date(Date.now() - STALE_RUN_MS) } }] }] },
    data: { status: "RUNNING", error: null, kbVersion: kb.version, startedAt: new Date() },
  });
  if (count === 0) return;

  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "proofline-apk-"));
  try {
    const copy = path.join(dir, "package.apk");
    await pipeline(await openVerified(analysis.inputSha256), fs.createWriteStream(copy, { mode: 0o600 }));
    const seconds = options.timeLimitSeconds ?? Math.max(env.PARSER_TIME_LIMIT_SECONDS, 120);
    const result = await withinTimeLimit(analyzeApk(copy, { signatures: [...kb.signatures], registrableDomain }), seconds);
    // Each host is named with the organisation the KB in force gives it, frozen with the run.
    const findings = { ...result, hosts: result.hosts.map((h) => ({ ...h, organisation: kb.lookup(h.host)?.organisation ?? null })) };
    await db.apkAnalysis.update({ where: { id: analysisId }, data: { status: "DONE", findings: storable(findings), finishedAt: new Date() } });
  } catch (error) {
    const known = error instanceof ApkAnalysisError || error instanceof ZipError;
    const reason = known
      ? (error as Error).message.split("\n")[0]!.slice(0, 500)
      : error instanceof AnalysisTimedOut
        ? "The analysis took longer than its time budget and was stopped; no findings were kept."
        : `The analysis failed: ${error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error)}`;
    if (!known) logger.warn({ analysisId, err: error }, "APK analysis failed");
    await db.apkAnalysis.update({ where: { id: analysisId }, data: { status: "FAILED", error: reason, finishedAt: new Date() } });
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

// Runs left QUEUED or RUNNING by a crash or a lost enqueue; the worker re-sends them at start.
export async function unsafeFindLostApkAnalyses(): Promise<{ data: { analysisId: string }; singletonKey: string }[]> {
  const stale = await db.apkAnalysis.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true }, take: 10_000 });
  return stale.map((a) => ({ data: { analysisId: a.id }, singletonKey: a.id }));
}
