import fs from "node:fs";
import path from "node:path";

// What `next build` put in .next: the server actions (server-reference-manifest.json: action id →
// source file, export name and the pages whose bundles carry it) and the app routes
// (app-paths-manifest.json: route key → compiled file). The security specs read these so that
// they cover what was built, not a list kept by hand.

const SERVER = path.resolve(".next/server");

export type BuiltAction = { id: string; filename: string; exportedName: string; pages: string[] };

export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(SERVER, "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
    edge: Record<string, unknown>;
  };
  if (Object.keys(manifest.edge ?? {}).length) throw new Error("edge server actions: the security specs only know the node runtime");
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename ?? "",
    exportedName: entry.exportedName ?? "",
    pages: Object.keys(entry.workers),
  }));
}

// Route keys such as "/(workspace)/matters/[matterId]/claims/export/route".
export function builtAppPaths(): string[] {
  return Object.keys(JSON.parse(fs.readFileSync(path.join(SERVER, "app-paths-manifest.json"), "utf8")) as Record<string, string>);
}

// "app/(workspace)/matters/[matterId]/allegations/new/page" → "/matters/<m>/allegations/new".
export function urlOf(key: string, params: Record<string, string>): string {
  const segments = key
    .replace(/^app\//, "/")
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const m = /^\[(?:\.\.\.)?(\w+)\]$/.exec(s);
      if (!m) return s;
      const value = params[m[1]!];
      if (value === undefined) throw new Error(`no value for ${s} in ${key}`);
      return encodeURIComponent(value);
    });
  return `/${segments.join("/")}`;
}
