// GET and HEAD of /api/v1 answered by the web server (scripts/web-server.ts) calling the route
// handler itself, before Next.js. Why: a JSON read does ~3–5 ms of work and Next.js's per-request
// pipeline added ~6 ms more to each (bench/api.ts); at 20 concurrent scripts on a small machine
// that queueing was most of the latency. The route files under app/api/v1 stay the one
// implementation: this module finds them on disk and calls their GET export with a Web Request,
// exactly as Next.js would, so no route exists twice. Every other method (the handlers' writes)
// is still answered by Next.js. (No next/* import: this loads before Next.js.)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

type Route = {
  // Path segments after /api/v1: a literal, or a dynamic segment's name ({ param: "matterId" }).
  segments: ({ literal: string } | { param: string })[];
  file: string;
  handler?: Promise<RouteHandler | null>;
};

export type ReadMatch = { handler: RouteHandler; params: Record<string, string> };

const PREFIX = "/api/v1/";

// Every app/api/v1/**/route.ts, most literal first: where Next.js would prefer
// exhibits/linkable over exhibits/[exhibitId], so does this (literal before dynamic, segment by
// segment). Catch-all segments ([...x]) and route groups are left to Next.js.
export function apiReadRoutes(appDir: string): Route[] {
  const root = path.join(appDir, "api", "v1");
  const routes: Route[] = [];
  const walk = (dir: string, segments: Route["segments"]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === "route.ts") routes.push({ segments, file: path.join(dir, entry.name) });
      if (!entry.isDirectory() || entry.name.startsWith("(") || entry.name.startsWith("[...") || entry.name.startsWith("[[")) continue;
      const dynamic = /^\[(\w+)\]$/.exec(entry.name);
      walk(path.join(dir, entry.name), [...segments, dynamic ? { param: dynamic[1]! } : { literal: entry.name }]);
    }
  };
  if (fs.existsSync(root)) walk(root, []);
  const rank = (r: Route) => r.segments.map((s) => ("literal" in s ? "0" : "1")).join("");
  return routes.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

export function matchApiRead(routes: Route[], pathname: string): { route: Route; params: Record<string, string> } | null {
  // A trailing slash, an empty segment or a path outside /api/v1 is Next.js's to answer (it
  // redirects or says 404) — this only takes what it can match exactly.
  if (!pathname.startsWith(PREFIX)) return null;
  const parts = pathname.slice(PREFIX.length).split("/");
  if (parts.some((p) => p === "")) return null;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const segment = route.segments[i]!;
      if ("literal" in segment) ok = segment.literal === parts[i];
      else {
        try {
          params[segment.param] = decodeURIComponent(parts[i]!);
        } catch {
          ok = false;
        }
      }
    }
    if (ok) return { route, params };
  }
  return null;
}

// The route's GET export, imported once on first use; null when the route has none (Next.js then
// answers 405 as before).
export async function readHandlerOf(route: Route): Promise<RouteHandler | null> {
  route.handler ??= import(pathToFileURL(route.file).href).then((mod: { GET?: RouteHandler }) => (typeof mod.GET === "function" ? mod.GET : null));
  return route.handler;
}
