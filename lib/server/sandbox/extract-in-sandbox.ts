import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/server/env";
import type { ExtractedText } from "@/lib/server/exhibits/extract-file-text";

// Found from the working directory, not from this module's URL: inside Next's server bundle
// import.meta.url points into .next/, where the worker's source is not. The comment keeps
// Turbopack from bundling the worker (and tsx with it) as an asset of the route.
const WORKER_ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/server/sandbox/parse-worker.mjs");

export type SandboxLimits = { memoryMb: number; timeLimitSeconds: number };

export function parserLimits(): SandboxLimits {
  return { memoryMb: env.PARSER_MEMORY_MB, timeLimitSeconds: env.PARSER_TIME_LIMIT_SECONDS };
}

// The parse failed or was stopped; the message is written for the uploader.
export class ExtractionFailed extends Error {}

type WorkerReply<T> = { ok: true; result: T } | { ok: false; reason: string };

// What the worker can do with the bytes (parse-worker.mjs dispatches on it).
export type SandboxTask = "extract-text" | "split-complaint" | "redact-pdf" | "render-pages";

// Parses one file in a worker thread of its own. A hostile or broken file can exhaust only the
// worker's heap (V8 stops the worker at the cap) or its time budget (the worker is terminated);
// the process, and the requests and jobs it is serving, carry on. The bytes are moved to the
// worker, not copied: the caller must not use `bytes` afterwards.
export function extractInSandbox(mediaType: string, bytes: Buffer, limits: SandboxLimits = parserLimits()): Promise<ExtractedText> {
  return runInSandbox<ExtractedText>("extract-text", mediaType, bytes, limits);
}

// `options` reaches the task as plain data (structured-cloned), e.g. the tracker knowledge base.
export function runInSandbox<T>(task: SandboxTask, mediaType: string, bytes: Buffer, limits: SandboxLimits = parserLimits(), options: unknown = null): Promise<T> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const buffer = whole ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { task, mediaType, bytes: buffer, options },
      transferList: [buffer],
      execArgv: ["--conditions=react-server"],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new ExtractionFailed(`Text extraction took longer than ${limits.timeLimitSeconds} s and was stopped; the file was not parsed.`)));
      void worker.terminate();
    }, limits.timeLimitSeconds * 1000);
    worker.on("message", (reply: WorkerReply<T>) => {
      settle(() => (reply.ok ? resolve(reply.result) : reject(new ExtractionFailed(reply.reason))));
      void worker.terminate();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const reason =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `Text extraction ran out of its memory allowance (${limits.memoryMb} MiB) and was stopped; the file was not parsed.`
          : `Text extraction failed: ${error.message}`.slice(0, 500);
      settle(() => reject(new ExtractionFailed(reason)));
    });
    worker.on("exit", (code) => settle(() => reject(new ExtractionFailed(`Text extraction stopped unexpectedly (exit code ${code}); the file was not parsed.`))));
  });
}
