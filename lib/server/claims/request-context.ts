import "server-only";
import { headers } from "next/headers";
import { fromHeaders } from "@/lib/server/claims/forwarded-headers";

// The client's IP and the site's origin for the request a server action or page is serving.
export async function requestContext(): Promise<{ ip: string | null; origin: string | undefined }> {
  return fromHeaders(await headers());
}
