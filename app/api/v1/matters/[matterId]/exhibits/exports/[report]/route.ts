import { AppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { errorResponse } from "@/lib/server/exhibits/route-errors";
import { exportCertification } from "@/lib/server/reports/certification";
import { exportExhibitList, type ReportFile } from "@/lib/server/reports/exhibit-list";
import { exportPrivilegeLog } from "@/lib/server/reports/privilege-log";
import type { Actor } from "@/lib/server/auth/actor";

const REPORTS: Record<string, (actor: Actor, matterId: string, url: URL) => Promise<ReportFile>> = {
  "exhibit-list.csv": (a, m) => exportExhibitList(a, m, "csv"),
  "exhibit-list.pdf": (a, m) => exportExhibitList(a, m, "pdf"),
  "privilege-log.csv": (a, m) => exportPrivilegeLog(a, m, "csv"),
  "privilege-log.pdf": (a, m) => exportPrivilegeLog(a, m, "pdf"),
  // ?ids=<exhibit id>,<exhibit id>…
  "certification.pdf": (a, m, url) => exportCertification(a, m, { exhibitIds: (url.searchParams.get("ids") ?? "").split(",").filter(Boolean) }),
};

export async function GET(request: Request, { params }: { params: Promise<{ matterId: string; report: string }> }) {
  const { matterId, report } = await params;
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const make = REPORTS[report];
    if (!make) throw AppError.notFound("No such report");
    const file = await make(actor, matterId, new URL(request.url));
    return new Response(new Uint8Array(file.body), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
