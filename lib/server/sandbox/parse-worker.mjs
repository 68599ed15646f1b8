// Entry of the parser sandbox (extract-in-sandbox.ts starts it as a worker thread). Plain
// JavaScript, loaded from the source tree rather than from Next's bundle, so the same file serves
// tests, scripts and the production server. tsx compiles the TypeScript parsers it imports; the
// worker is started with --conditions=react-server so their "server-only" guard lets them in.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();

if (workerData.task === "split-complaint") {
  // pdf.js prints warnings with console.log; the worker's stdout is the process's.
  console.log = () => {};
  const { splitComplaintFile } = await import("../complaints/split-complaint-file.ts");
  const { ComplaintFileError } = await import("../../complaint/read-pdf.ts");
  try {
    const result = await splitComplaintFile(workerData.mediaType, Buffer.from(workerData.bytes), workerData.options?.trackers ?? undefined);
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    const reason = error instanceof ComplaintFileError ? error.message : `The complaint could not be read: ${error instanceof Error ? error.message : String(error)}`;
    parentPort.postMessage({ ok: false, reason: reason.slice(0, 500) });
  }
} else if (workerData.task === "redact-pdf") {
  const { runRedactTask } = await import("../../redaction/redact-task.ts");
  try {
    const result = await runRedactTask(new Uint8Array(workerData.bytes), workerData.options);
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: `The PDF could not be redacted: ${error instanceof Error ? error.message : String(error)}`.split("\n")[0].slice(0, 300) });
  }
} else if (workerData.task === "render-pages") {
  console.log = () => {};
  const { renderPdfPages, RendererMissing } = await import("../../productions/render-pages.ts");
  try {
    const result = await renderPdfPages(new Uint8Array(workerData.bytes), workerData.options);
    parentPort.postMessage({ ok: true, result }, result.pages.map((p) => p.bytes.buffer));
  } catch (error) {
    const reason = error instanceof RendererMissing ? error.message : `The PDF's pages could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
    parentPort.postMessage({ ok: false, reason: reason.split("\n")[0].slice(0, 400) });
  }
} else {
  const { extractFileText, extractionFailureReason } = await import("../exhibits/extract-file-text.ts");
  try {
    const result = await extractFileText(workerData.mediaType, Buffer.from(workerData.bytes));
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: extractionFailureReason(error) });
  }
}
