// Entry of the parser sandbox (extract-in-sandbox.ts starts it as a worker thread). Plain
// JavaScript, loaded from the source tree rather than from Next's bundle, so the same file serves
// tests, scripts and the production server. tsx compiles the TypeScript parsers it imports; the
// worker is started with --conditions=react-server so their "server-only" guard lets them in.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { extractFileText, extractionFailureReason } = await import("../exhibits/extract-file-text.ts");

try {
  const result = await extractFileText(workerData.mediaType, Buffer.from(workerData.bytes));
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  parentPort.postMessage({ ok: false, reason: extractionFailureReason(error) });
}
