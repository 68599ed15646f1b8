import "server-only";
import { AppError } from "@/lib/app-error";
import type { Tx } from "@/lib/server/db";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/server/auth/policy";

// The exhibit, looked up inside the matter the URL names: another matter's exhibit is "not found".
export async function findExhibitInMatter(matterId: string, exhibitId: string, client: Tx | typeof db = db) {
  if (!isUuid(exhibitId)) throw AppError.notFound("Exhibit not found");
  const exhibit = await client.exhibit.findFirst({ where: { id: exhibitId, matterId }, include: { blob: true } });
  if (!exhibit) throw AppError.notFound("Exhibit not found");
  return exhibit;
}
