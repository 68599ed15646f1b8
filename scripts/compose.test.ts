// compose.yaml is the deployment the cluster test runs (scripts/cluster.cluster.ts); Docker is not
// here to run it, so this checks what can be checked without it: it parses, it has the tested
// topology, every variable it gives the app is one the app reads (lib/server/env.ts, or one of
// the few read by the scripts themselves), and no secret has a default.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "@/scripts/lib/postgres";

type Compose = { services: Record<string, { environment?: Record<string, string>; command?: string[] | string; image?: string; build?: unknown }> };
const load = async (): Promise<Compose> => parse(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8"), { merge: true }) as Compose; // Compose reads YAML 1.1 merge keys (<<)

// Read outside lib/server/env.ts, each by the file named.
const READ_ELSEWHERE: Record<string, string> = {
  PORT: "scripts/web-server.ts",
  NODE_ENV: "scripts/start.ts",
  MIGRATION_DATABASE_URL: "scripts/migrate.ts",
  NEXT_TELEMETRY_DISABLED: "scripts/lib/postgres.ts",
};
const APP_SERVICES = ["web-a", "web-b", "worker"];
const SECRETS = ["DATABASE_URL", "AUTH_SECRET", "AUDIT_CHAIN_KEY", "PAYMENT_DETAILS_KEY", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "APP_URL"];

describe("compose.yaml", () => {
  it("runs the tested topology: PostgreSQL, S3 storage, two web instances without jobs behind one proxy, a worker, migrations once", async () => {
    const { services } = await load();
    expect(Object.keys(services).sort()).toEqual(["lb", "migrate", "minio", "minio-bucket", "postgres", "web-a", "web-b", "worker"]);
    for (const name of ["web-a", "web-b"]) {
      expect(services[name]!.environment).toMatchObject({ JOB_WORKERS: "off", TRUSTED_PROXY_HOPS: "1", BLOB_STORE: "s3" });
      expect(services[name]!.command).toContain("scripts/web-server.ts");
    }
    expect(services.worker!.command).toEqual(["npm", "run", "worker"]);
    expect(services.worker!.environment!.BLOB_STORE).toBe("s3");
    expect(services.migrate!.command).toEqual(["npm", "run", "db:migrate"]);
    for (const name of [...APP_SERVICES, "migrate"]) expect(services[name]!.build, `${name} is built from the Dockerfile`).toBe(".");
    expect(fs.existsSync(path.join(ROOT, "Dockerfile"))).toBe(true);
  });

  it("sets only variables the app reads, and secrets without defaults", async () => {
    const { services } = await load();
    const envSource = fs.readFileSync(path.join(ROOT, "lib/server/env.ts"), "utf8");
    const declared = new Set([...envSource.matchAll(/^ {2}([A-Z][A-Z0-9_]+): z\b/gm)].map((m) => m[1]!));
    expect(declared.size).toBeGreaterThan(20);
    for (const [name, file] of Object.entries(READ_ELSEWHERE)) expect(fs.readFileSync(path.join(ROOT, file), "utf8"), `${name} in ${file}`).toContain(name);
    for (const service of [...APP_SERVICES, "migrate"]) {
      for (const name of Object.keys(services[service]!.environment ?? {})) {
        expect(declared.has(name) || name in READ_ELSEWHERE, `${service} sets ${name}, which neither lib/server/env.ts nor the scripts read`).toBe(true);
      }
    }
    const text = fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8");
    for (const service of APP_SERVICES) {
      const env = services[service]!.environment!;
      for (const secret of SECRETS) expect(env[secret], `${service} ${secret}`).toMatch(/\$\{[A-Z_]+:\?/);
    }
    // Every ${VAR} with a default is a non-secret setting.
    for (const [, name] of text.matchAll(/\$\{([A-Z_]+):-/g)) expect(["SMTP_URL", "MAIL_FROM"]).toContain(name);
  });
});
