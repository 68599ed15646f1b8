import "server-only";
import { headers } from "next/headers";

// The client's IP and the site's origin as the request saw them (behind a proxy that sets
// X-Forwarded-*, as `next start` and the deployment's load balancer do).
export async function requestContext(): Promise<{ ip: string | null; origin: string | undefined }> {
  const h = await headers();
  return fromHeaders(h);
}

export function fromHeaders(h: Headers): { ip: string | null; origin: string | undefined } {
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return { ip, origin: host ? `${proto}://${host}` : undefined };
}
