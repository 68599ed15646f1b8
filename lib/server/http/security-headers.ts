// Every security header the app sends, in one place. (No server-only or env import: next.config.ts
// loads this file at build time and proxy.ts before any page code.)
import type { HeaderSource } from "@/lib/server/http/header-source";

// The page policy, one directive a line, so a feature that needs more names it here.
const PAGE_POLICY: Record<string, readonly string[]> = {
  "default-src": ["'self'"],
  // Filled per request: Next.js puts the nonce on the scripts it renders; the chunks they load later
  // come from our own origin. No 'strict-dynamic': Chromium would then run any inline script that
  // page code creates, nonce or not.
  "script-src": [],
  // React and Radix render style="" attributes (positions, sizes), which a nonce cannot cover and
  // which 'unsafe-inline' alone allows. Styles cannot run script; with images, fonts and fetches
  // limited to our own origin a stylesheet has nowhere to send what it could read.
  "style-src": ["'self'", "'unsafe-inline'"],
  // data: and blob: for graph exports drawn in the browser.
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  // The exhibit viewer's pdf.js parses in a module worker bundled with our own chunks ('self');
  // blob: for pdf.js's fallback, which wraps a same-origin worker script in a blob: URL.
  "worker-src": ["'self'", "blob:"],
  // The exhibit viewer frames the exhibit's original from our own file route.
  "frame-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

export function pageContentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  // React's development build evaluates code for its debugging tools; production never does.
  const scripts = ["'self'", `'nonce-${nonce}'`, ...(dev ? ["'unsafe-eval'"] : [])];
  return Object.entries({ ...PAGE_POLICY, "script-src": scripts })
    .map(([directive, sources]) => [directive, ...sources].join(" "))
    .join("; ");
}

// JSON and other answers no browser should render or frame.
export const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export const HSTS = "max-age=63072000; includeSubDomains";


// HSTS only means something over HTTPS: the configured public origin is https, or a proxy we trust
// (TRUSTED_PROXY_HOPS > 0) says the browser came in over https. A client's own X-Forwarded-Proto
// with no proxy in front proves nothing.
export function servedOverHttps(headers: HeaderSource, config: { appUrl?: string; trustedProxyHops: number }): boolean {
  if (config.appUrl?.startsWith("https://")) return true;
  if (config.trustedProxyHops === 0) return false;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

// Sent with every response (next.config.ts): pages, route handlers, static files.
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // No other site's window keeps a handle on ours, and no other site may embed our responses
  // (scripts, images, downloads) in its pages.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
