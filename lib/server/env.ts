import "server-only";
import path from "node:path";
import { z } from "zod";
import { AUDIT_KEY_MIN_LENGTH } from "@/lib/audit/chain-hash";

// Every setting the server reads, validated once at boot: a bad value stops start-up with the
// variable's name instead of failing later inside a request.
const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Required by the web server (auth.ts checks); CLIs and tests that never sign anyone in run without it.
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  // Encrypts staff TOTP secrets at rest (AES-256-GCM, key derived by HKDF). Unset, the key is
  // derived from AUTH_SECRET; set it (to the old AUTH_SECRET's value, say) so that rotating
  // AUTH_SECRET does not leave every enrolled authenticator unreadable.
  TWO_FACTOR_KEY: z.string().min(32, "TWO_FACTOR_KEY must be at least 32 characters").optional(),
  // Encrypts the ACH account numbers class members give for their payment (AES-256-GCM, key
  // derived by HKDF; lib/server/payments/payment-crypto.ts). Kept outside the database and apart
  // from AUTH_SECRET, so rotating the session secret leaves the account numbers readable;
  // `npm start` refuses a deployment without it.
  PAYMENT_DETAILS_KEY: z.string().min(32, "PAYMENT_DETAILS_KEY must be at least 32 characters").optional(),
  // The originator of ACH payment files (NACHA): the bank's routing number (ODFI), the company's
  // identification and name as the bank set them up. Unset fields are left blank in the file for
  // the bank's portal to fill.
  NACHA_ODFI_ROUTING: z.string().regex(/^\d{9}$/, "NACHA_ODFI_ROUTING must be a 9-digit routing number").optional(),
  NACHA_COMPANY_ID: z.string().regex(/^[\x20-\x7e]{1,10}$/, "NACHA_COMPANY_ID must be at most 10 characters").optional(),
  NACHA_COMPANY_NAME: z.string().regex(/^[\x20-\x7e]{1,16}$/, "NACHA_COMPANY_NAME must be at most 16 characters").optional(),
  NACHA_DESTINATION_NAME: z.string().regex(/^[\x20-\x7e]{1,23}$/, "NACHA_DESTINATION_NAME must be at most 23 characters").optional(),
  // A session ends this many hours after sign-in however active it is, and after this many
  // minutes without activity (see auth.ts).
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  BLOB_ROOT: z.string().default(path.resolve(".data/blobs")),
  // "s3": blobs go to an S3-compatible bucket (AWS S3, MinIO, Ceph, R2) instead of BLOB_ROOT.
  BLOB_STORE: z.enum(["local", "s3"], "BLOB_STORE must be local or s3").default("local"),
  // Unset for AWS itself; MinIO and others: http://minio:9000.
  S3_ENDPOINT: z.url("S3_ENDPOINT must be a URL").optional(),
  S3_BUCKET: z.string().min(3, "S3_BUCKET must be a bucket name").optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  // Most self-hosted servers (MinIO, s3rver) want http://host/bucket/key, not bucket.host.
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"], "S3_FORCE_PATH_STYLE must be true or false").default("false").transform((v) => v === "true"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Per-file upload limit in bytes (2 GiB); lower it for tests or small deployments.
  EXHIBIT_MAX_BYTES: z.coerce.number().int().min(1).max(2 * 1024 ** 3, "EXHIBIT_MAX_BYTES cannot exceed 2 GiB").default(2 * 1024 ** 3),
  // "off" makes a web-only instance: background jobs then run on separate worker instances.
  JOB_WORKERS: z.enum(["on", "off"]).default("on"),
  // Each exhibit's file is parsed in a worker thread with this heap cap and wall-clock budget;
  // past either the parse is stopped and the exhibit's extraction FAILED with the reason.
  PARSER_MEMORY_MB: z.coerce.number().int().min(16).max(16_384).default(512),
  // At most 10 minutes: the extraction job expires after 15 (lib/server/jobs/queues.ts).
  PARSER_TIME_LIMIT_SECONDS: z.coerce.number().int().min(1).max(600).default(120),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  // Keys the audit chain (HMAC-SHA-256). Kept outside the database, so whoever can edit audit rows
  // still cannot reseal them; `npm start` refuses a deployment without it, the sealer will not run.
  AUDIT_CHAIN_KEY: z.string().min(AUDIT_KEY_MIN_LENGTH, `AUDIT_CHAIN_KEY must be at least ${AUDIT_KEY_MIN_LENGTH} characters`).optional(),
  // Where the signed chain heads are exported every ten minutes (audit:verify checks against the newest).
  AUDIT_HEADS_DIR: z.string().default(path.resolve(".data/audit-heads")),
  // Mail is recorded in the outbox table and sent by SMTP_URL (smtp://user:pass@host:587); without
  // it each message is written as an .eml file into MAIL_SINK_DIR, the demo's and the tests' mailbox.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  MAIL_SINK_DIR: z.string().default(path.resolve(".data/mail")),
  MAIL_FROM: z.string().default("Proofline claims <claims@proofline.invalid>"),
  // The one public origin (https://claims.example.com) for links in mail and for Auth.js. Never
  // taken from a request: its Host and X-Forwarded-Host are whatever the sender wrote.
  APP_URL: z
    .url("APP_URL must be a URL")
    .refine((u) => /^https?:$/.test(new URL(u).protocol) && new URL(u).pathname === "/" && !new URL(u).search, "APP_URL must be an origin such as https://claims.example.com, with no path")
    .transform((u) => new URL(u).origin)
    .optional(),
  // Proxies in front of the web server that append to X-Forwarded-For (a load balancer: 1). With 0
  // the socket's peer is the client and a client-sent X-Forwarded-For is ignored (lib/server/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
}).superRefine((e, ctx) => {
  if (e.SESSION_IDLE_MINUTES > e.SESSION_MAX_AGE_HOURS * 60) {
    ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_MINUTES"], message: "SESSION_IDLE_MINUTES cannot exceed SESSION_MAX_AGE_HOURS" });
  }
  if (e.BLOB_STORE !== "s3") return;
  for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when BLOB_STORE=s3` });
  }
});

export type Env = z.infer<typeof ZEnv>;

// `next build` evaluates server modules without serving anything: no database, no secrets.
export const buildingApp = process.env.NEXT_PHASE === "phase-production-build";

function loadEnv(): Env {
  // A variable set to "" counts as unset: compose files and orchestrators write `SMTP_URL: ${SMTP_URL:-}`
  // for an optional setting, and that must mean "not configured", not "an invalid URL".
  const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const source = buildingApp ? { DATABASE_URL: "postgresql://build-phase/unused", ...given } : given;
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = loadEnv();

// Start-up requires APP_URL outside the embedded demo (scripts/start.ts); on a developer's or a
// test's machine links point at this one.
export const appUrl: string = env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
