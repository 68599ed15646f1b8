import "server-only";
import { headers } from "next/headers";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";

// The client's IP for the request a server action or page is serving.
export async function requestContext(): Promise<{ ip: string | null }> {
  return fromHeaders(await headers());
}
