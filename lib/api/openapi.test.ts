import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEAN_PATHS } from "@/lib/server/http/lean-paths";
import { openApiDocument } from "./openapi";

// Every /api/v1 route file, as an OpenAPI path ("[matterId]" → "{matterId}").
function routePaths(dir = path.join(process.cwd(), "app/api/v1"), prefix = "/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix] : [];
    const segment = entry.name.replace(/^\[(.+)\]$/, "{$1}");
    return routePaths(path.join(dir, entry.name), `${prefix}/${segment}`);
  });
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://proofline.example") as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

  it("describes every /api/v1 route, and nothing that does not exist", () => {
    // The web server's own paths count as routes (a path may have both: GET in Next.js, POST there).
    const routes = [...new Set([...routePaths().filter((p) => p !== "/api/v1/openapi.json"), ...Object.values(LEAN_PATHS).map((l) => l.openApiPath)])];
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
  });

  it("is OpenAPI 3.1 with JSON Schemas generated from the zod schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    const list = doc.paths["/api/v1/matters/{matterId}/allegations"]!.get as unknown as { parameters: { name: string; schema: { maximum?: number } }[]; responses: Record<string, { content: { "application/json": { schema: { properties: Record<string, unknown> } } } }> };
    expect(list.parameters.map((p) => p.name)).toEqual(["matterId", "cursor", "limit", "status"]);
    expect(list.parameters.find((p) => p.name === "limit")!.schema.maximum).toBe(500);
    expect(Object.keys(list.responses["200"]!.content["application/json"].schema.properties)).toEqual(["allegations", "nextCursor"]);
    expect(list.responses).toHaveProperty("422");
  });

  it("documents the Idempotency-Key on every POST under a matter, and cursor paging on the lists", () => {
    type Op = { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { oneOf?: unknown[]; properties?: Record<string, unknown> } }> } };
    const op = (p: string, m: string) => doc.paths[p]![m] as unknown as Op;
    for (const p of ["/api/v1/matters/{matterId}/allegations/{allegationId}/links", "/api/v1/matters/{matterId}/claims/{claimId}/decision"]) {
      expect(op(p, "post").parameters!.map((x) => x.name)).toContain("Idempotency-Key");
    }
    for (const p of ["/api/v1/matters/{matterId}/exhibits", "/api/v1/matters/{matterId}/claims"]) {
      expect(op(p, "get").parameters!.filter((x) => x.in === "query").map((x) => x.name)).toEqual(expect.arrayContaining(["cursor", "limit"]));
    }
    expect(op("/api/v1/matters/{matterId}/exhibits", "get").parameters!.map((x) => x.name)).toEqual(expect.arrayContaining(["q", "designation"]));
    expect(op("/api/v1/matters/{matterId}/claims/{claimId}/decision", "post").requestBody!.content["application/json"]!.schema.oneOf).toHaveLength(3);
    expect(Object.keys(op("/api/v1/matters/{matterId}/allegations/{allegationId}/links", "post").requestBody!.content["application/json"]!.schema.properties!)).not.toContain("submissionKey");
  });
});
