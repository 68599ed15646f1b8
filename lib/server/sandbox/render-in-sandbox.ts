import "server-only";
import type { PageRenderer, RenderPagesOutput } from "@/lib/productions/page-images";
import { ExtractionFailed, parserLimits, runInSandbox, type SandboxLimits } from "@/lib/server/sandbox/extract-in-sandbox";

// Page images rendered in the parser sandbox: a worker thread per call, its heap capped at the
// parser's memory allowance and stopped at its time limit, so one hostile page costs one worker.
// The caller asks for a few pages at a time (the canvas and the encoded pages stay small).
export function sandboxPageRenderer(limits: SandboxLimits = parserLimits()): PageRenderer {
  return async (pdf, input) => {
    try {
      return await runInSandbox<RenderPagesOutput>("render-pages", "application/pdf", Buffer.from(pdf), limits, input);
    } catch (error) {
      if (error instanceof ExtractionFailed) {
        throw new ExtractionFailed(error.message.replace(/^Text extraction/, "Page rendering").replace("the file was not parsed", "no page images were made"));
      }
      throw error;
    }
  };
}
