// The entry-point inventory: every server action (each export of an app/**/actions.ts, a
// "use server" file) and every route handler (each HTTP-method export of an app/**/route.ts) must
// have been built by the action client or the route wrapper (lib/server/actions/action-client.ts,
// lib/server/http/route.ts), which mark what they build. A new entry point written by hand fails
// here; so does a matter action whose permission is not in the table.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNT_PERMISSIONS, MATTER_PERMISSIONS } from "@/lib/permissions";
import { gateOf } from "@/lib/server/http/gate-marker";

const APP = path.join(import.meta.dirname, "../../../app");
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function find(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? find(full, name) : e.name === name ? [full] : [];
  });
}

const actionFiles = find(APP, "actions.ts");
const routeFiles = find(APP, "route.ts");

describe("entry-point inventory", () => {
  it("finds the app's entry points", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(10);
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
  });

  it("builds every server action with the action client", { timeout: 120_000 }, async () => {
    const ungated: string[] = [];
    let count = 0;
    for (const file of actionFiles) {
      expect(fs.readFileSync(file, "utf8").startsWith('"use server"'), `${file} must start with "use server"`).toBe(true);
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        count++;
        const gate = gateOf(value);
        if (!gate || !gate.kind.endsWith("-action")) ungated.push(`${path.relative(APP, file)} ${name}`);
        else if (gate.permission && !(gate.permission in MATTER_PERMISSIONS) && !(gate.permission in ACCOUNT_PERMISSIONS)) ungated.push(`${path.relative(APP, file)} ${name}: unknown permission ${gate.permission}`);
      }
    }
    console.log(`entry points: ${count} server actions in ${actionFiles.length} files`);
    expect(ungated).toEqual([]);
  });

  it("wraps every route handler", { timeout: 120_000 }, async () => {
    const ungated: string[] = [];
    let count = 0;
    for (const file of routeFiles) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!METHODS.has(name)) continue;
        count++;
        const gate = gateOf(value);
        if (!gate || !gate.kind.endsWith("-route")) ungated.push(`${path.relative(APP, file)} ${name}`);
      }
    }
    console.log(`entry points: ${count} route handlers in ${routeFiles.length} files`);
    expect(ungated).toEqual([]);
  });
});
