import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiReadRoutes, matchApiRead, readHandlerOf } from "@/lib/server/http/api-read-router";

// The app's own route files: what the web server will answer itself must be what Next.js would
// route there.
const routes = apiReadRoutes(path.join(process.cwd(), "app"));
const where = (pathname: string) => {
  const m = matchApiRead(routes, pathname);
  return m && { file: path.relative(path.join(process.cwd(), "app"), m.route.file), params: m.params };
};

describe("the web server's router for /api/v1 reads", () => {
  it("finds every route file under app/api/v1", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(where("/api/v1/matters")).toEqual({ file: "api/v1/matters/route.ts", params: {} });
    expect(where("/api/v1/openapi.json")).toEqual({ file: "api/v1/openapi.json/route.ts", params: {} });
  });

  it("prefers a literal segment over a dynamic one, as Next.js does", () => {
    expect(where("/api/v1/matters/m1/exhibits/linkable")?.file).toBe("api/v1/matters/[matterId]/exhibits/linkable/route.ts");
    expect(where("/api/v1/matters/m1/exhibits/e1")).toEqual({ file: "api/v1/matters/[matterId]/exhibits/[exhibitId]/route.ts", params: { matterId: "m1", exhibitId: "e1" } });
    expect(where("/api/v1/matters/m1/exhibits/exports/privilege-log")).toEqual({
      file: "api/v1/matters/[matterId]/exhibits/exports/[report]/route.ts",
      params: { matterId: "m1", report: "privilege-log" },
    });
  });

  it("decodes parameters and leaves what it cannot match exactly to Next.js", () => {
    expect(where("/api/v1/settlements/hong%20v.%20b/documents/x")?.params).toEqual({ matterSlug: "hong v. b", exhibitId: "x" });
    expect(where("/api/v1/matters/")).toBeNull();
    expect(where("/api/v1/matters//exhibits")).toBeNull();
    expect(where("/api/v1/nothing-here")).toBeNull();
    expect(where("/api/v1/matters/%E0%A4%A/exhibits")).toBeNull();
    expect(where("/api/auth/session")).toBeNull();
  });

  it("hands over a route's GET, and nothing for a route without one", async () => {
    const read = matchApiRead(routes, "/api/v1/matters/m1/allegations")!;
    expect(typeof (await readHandlerOf(read.route))).toBe("function");
    const writeOnly = matchApiRead(routes, "/api/v1/matters/m1/claims/c1/decision")!;
    expect(await readHandlerOf(writeOnly.route)).toBeNull();
  });
});
