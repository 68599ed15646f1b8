import { isAppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { exportClaimsCsv } from "@/lib/server/claims/export-claims";

export async function GET(request: Request, { params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await getActor();
  if (!actor) return new Response("Sign in to continue.", { status: 401 });
  const filters = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  try {
    const body = await exportClaimsCsv(actor, matterId, filters);
    return new Response(body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="claims-${new Date().toISOString().slice(0, 10)}.csv"` },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.status === 403 ? 404 : error.status });
    throw error;
  }
}
