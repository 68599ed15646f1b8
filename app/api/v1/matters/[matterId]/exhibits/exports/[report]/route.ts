import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportProductionLog } from "@/lib/server/exhibits/export-production-log";
import { exportCertification } from "@/lib/server/reports/certification";
import { exportExhibitList, type ReportFile } from "@/lib/server/reports/exhibit-list";
import { exportPrivilegeLog } from "@/lib/server/reports/privilege-log";

const ids = (url: URL) => ({ exhibitIds: (url.searchParams.get("ids") ?? "").split(",").filter(Boolean) });
// Every query parameter goes to the schema, which refuses the ones it does not know.
const query = (url: URL) => Object.fromEntries(url.searchParams);

const REPORTS: Record<string, (actor: Actor, matterId: string, url: URL) => Promise<ReportFile>> = {
  // ?exhibits=<number>,<number>…&side=plaintiff|defendant (lib/schemas/reports.ts)
  "exhibit-list.csv": (a, m, url) => exportExhibitList(a, m, "csv", query(url)),
  "exhibit-list.pdf": (a, m, url) => exportExhibitList(a, m, "pdf", query(url)),
  "privilege-log.csv": (a, m) => exportPrivilegeLog(a, m, "csv"),
  "privilege-log.pdf": (a, m) => exportPrivilegeLog(a, m, "pdf"),
  "production-log.csv": (a, m) => exportProductionLog(a, m, "csv"),
  "production-log.pdf": (a, m) => exportProductionLog(a, m, "pdf"),
  // ?ids=<exhibit id>,<exhibit id>…
  "certification.pdf": (a, m, url) => exportCertification(a, m, ids(url), "pdf"),
  "certification.docx": (a, m, url) => exportCertification(a, m, ids(url), "docx"),
};

export const GET = sessionRoute<{ matterId: string; report: string }>(async ({ request, params, actor }) => {
  const make = Object.hasOwn(REPORTS, params.report) ? REPORTS[params.report] : undefined;
  if (!make) throw AppError.notFound("No such report");
  const file = await make(actor, params.matterId, new URL(request.url));
  return new Response(new Uint8Array(file.body), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition("attachment", file.fileName), "Cache-Control": "private, no-store" },
  });
});
