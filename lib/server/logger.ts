import "server-only";
import pino from "pino";

// Credentials never reach the log, whatever object a caller hands over.
const REDACT = ["authorization", "cookie", "*.authorization", "*.cookie", "*.headers.authorization", "*.headers.cookie", "token", "*.token"];

export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "proofline" }, redact: { paths: REDACT, censor: "[redacted]" } });
