import "server-only";
import type { HeaderSource } from "@/lib/server/http/header-source";

// The client's IP as the request saw it: the production web server (scripts/web-server.ts) has
// already replaced X-Forwarded-For with the one address its trusted proxies vouch for. The
// request's host is deliberately not offered: links use APP_URL (lib/server/auth/sign-in-tokens.ts).
// No next/* import: the production web server's lean paths load this before Next.js.
export function fromHeaders(h: HeaderSource): { ip: string | null } {
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  return { ip };
}
