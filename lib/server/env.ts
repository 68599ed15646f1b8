import "server-only";
import path from "node:path";
import { z } from "zod";

// Every setting the server reads, validated once at boot: a bad value stops start-up with the
// variable's name instead of failing later inside a request.
const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Required by the web server (auth.ts checks); CLIs and tests that never sign anyone in run without it.
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  // A session ends this many hours after sign-in however active it is, and after this many
  // minutes without activity (see auth.ts).
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  BLOB_ROOT: z.string().default(path.resolve(".data/blobs")),
  // Per-file upload limit in bytes (2 GiB); lower it for tests or small deployments.
  EXHIBIT_MAX_BYTES: z.coerce.number().int().min(1).max(2 * 1024 ** 3, "EXHIBIT_MAX_BYTES cannot exceed 2 GiB").default(2 * 1024 ** 3),
  // "off" makes a web-only instance: background jobs then run on separate worker instances.
  JOB_WORKERS: z.enum(["on", "off"]).default("on"),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  // Mail goes to the outbox table always; with SMTP_URL (smtp://user:pass@host:587) it is also sent.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("Proofline claims <claims@proofline.invalid>"),
  // Public origin for links in mail (https://claims.example.com); defaults to the request's origin.
  APP_URL: z.url("APP_URL must be a URL").optional(),
  // Proxies in front of the web server that append to X-Forwarded-For (a load balancer: 1). With 0
  // the socket's peer is the client and a client-sent X-Forwarded-For is ignored (lib/server/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
}).refine((e) => e.SESSION_IDLE_MINUTES <= e.SESSION_MAX_AGE_HOURS * 60, {
  path: ["SESSION_IDLE_MINUTES"],
  message: "SESSION_IDLE_MINUTES cannot exceed SESSION_MAX_AGE_HOURS",
});

export type Env = z.infer<typeof ZEnv>;

function loadEnv(): Env {
  // `next build` evaluates server modules without serving anything; it needs no database.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const source = building ? { DATABASE_URL: "postgresql://build-phase/unused", ...process.env } : process.env;
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = loadEnv();
