import "server-only";

// Anything with get(name): web Headers, or a Node request's headers through a small adapter.
// (No next/* import here: the production web server's lean claim path loads this before Next.js.)
export type HeaderSource = { get(name: string): string | null | undefined };

// The client's IP as the request saw it: the production web server (scripts/web-server.ts) has
// already replaced X-Forwarded-For with the one address its trusted proxies vouch for. The
// request's host is deliberately not offered: links use APP_URL (lib/server/claims/tokens.ts).
export function fromHeaders(h: HeaderSource): { ip: string | null } {
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  return { ip };
}
