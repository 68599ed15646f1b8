import "server-only";

// Anything with get(name): web Headers, or a Node request's headers through a small adapter.
// (No next/* import here: the production web server's lean claim path loads this before Next.js.)
export type HeaderSource = { get(name: string): string | null | undefined };

// The client's IP and the site's origin as the request saw them (behind a proxy that sets
// X-Forwarded-*, as the deployment's load balancer does).
export function fromHeaders(h: HeaderSource): { ip: string | null; origin: string | undefined } {
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return { ip, origin: host ? `${proto}://${host}` : undefined };
}
