import { AppError } from "@/lib/app-error";
import { env } from "@/lib/server/env";
import type { HeaderSource } from "@/lib/server/http/header-source";

// Checks every state-changing request makes before its body is read. (No server-only import:
// the production web server's lean paths use it before Next.js loads.)

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// A cookie rides along on a request another site makes the browser send. Browsers say where a
// request came from (Sec-Fetch-Site, Origin); anything but our own origin is refused. Requests
// with a Bearer token carry no ambient credential and are exempt; a client that sends neither
// header is not a browser, so no victim's cookie is at stake.
export function refuseCrossSite(method: string, headers: HeaderSource): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  if (/^Bearer\s/i.test(headers.get("authorization") ?? "")) return;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw crossSite();
  const origin = headers.get("origin");
  if (origin == null) return;
  const host = headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossSite();
  }
  // Our origin is the configured public one, or (behind a proxy that keeps Host, or in dev) the
  // host the browser addressed.
  const ours = [env.APP_URL ? new URL(env.APP_URL).host : null, host].filter(Boolean).map((h) => h!.toLowerCase());
  if (!ours.includes(originHost.toLowerCase())) throw crossSite();
}

function crossSite(): AppError {
  return new AppError("FORBIDDEN", "This request came from another site and was refused.");
}

// HTML forms can send only form encodings and text/plain without the browser asking first
// (a CORS preflight); requiring our own content type makes a forged form post impossible even
// where the headers above are missing.
export function requireContentType(headers: HeaderSource, accepted: readonly string[]): void {
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!accepted.includes(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the body as ${accepted.join(" or ")}.`, { "content-type": [`Expected ${accepted.join(" or ")}`] });
  }
}

// For a raw-file body of any type: only the three types an HTML form can send are refused.
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];
export function refuseFormContentType(headers: HeaderSource): void {
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (FORM_TYPES.includes(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file itself as the request body (for example as application/octet-stream), not as a form.", {
      "content-type": ["A form encoding is not accepted here"],
    });
  }
}

// A body whose declared length is over the limit is refused before a byte of it is read, so a
// client cannot hold a connection open by promising gigabytes and sending a trickle.
export function refuseDeclaredOverLimit(headers: HeaderSource, limitBytes: number, what: string): void {
  const declared = Number(headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `${what} is larger than the limit of ${formatBytes(limitBytes)}.`);
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(n % 1024 ** 3 ? 1 : 0)} GiB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MiB`;
  return `${Math.round(n / 1024)} KiB`;
}
