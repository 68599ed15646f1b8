import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportAnalysisCertification } from "@/lib/server/reports/analysis-certification";
import type { ReportFile } from "@/lib/server/reports/exhibit-list";
import { exportMethodologyAppendix } from "@/lib/server/reports/methodology-appendix";

// The papers that describe one analysis (of a capture or of an app package).
const PAPERS: Record<string, (actor: Actor, matterId: string, analysisId: string) => Promise<ReportFile>> = {
  "certification-902-13.pdf": (a, m, id) => exportAnalysisCertification(a, m, id, "pdf"),
  "certification-902-13.docx": (a, m, id) => exportAnalysisCertification(a, m, id, "docx"),
  "methodology.pdf": (a, m, id) => exportMethodologyAppendix(a, m, id),
};

export const GET = sessionRoute<{ matterId: string; analysisId: string; paper: string }>(async ({ params, actor }) => {
  const make = Object.hasOwn(PAPERS, params.paper) ? PAPERS[params.paper] : undefined;
  if (!make) throw AppError.notFound("No such paper");
  const file = await make(actor, params.matterId, params.analysisId);
  return new Response(new Uint8Array(file.body), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition("attachment", file.fileName), "Cache-Control": "private, no-store" },
  });
});
