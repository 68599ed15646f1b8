import { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { errorResponse } from "@/lib/server/exhibits/route-errors";

export async function GET(_request: Request, { params }: { params: Promise<{ matterId: string; productionId: string }> }) {
  const { matterId, productionId } = await params;
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const { stream, fileName } = await openProductionZip(actor, matterId, productionId);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
