import { isAppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { gapReportCsv } from "@/lib/server/ledger/gap-report-csv";

export async function GET(_request: Request, { params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await getActor();
  if (!actor) return new Response("Not found", { status: 404 });
  try {
    const { filename, body } = await gapReportCsv(actor, matterId);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return new Response("Not found", { status: 404 });
    throw error;
  }
}
