import type { IncomingHttpHeaders } from "node:http";
import { AppError } from "@/lib/app-error";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/server/http/body-limits";
import { nodeHeaders } from "@/lib/server/http/header-source";
import { refuseCrossSite, refuseDeclaredOverLimit } from "@/lib/server/http/request-guard";

// What the production web server (scripts/web-server.ts) checks before Next.js sees a POST to a
// page — a server action called by the framework's client (`Next-Action` header) or a form sent
// without JavaScript. Next.js answers 500 to each of these failures (its action handler turns
// any error before the action runs into one): a body over serverActions.bodySizeLimit, an
// Origin of another host or one it cannot parse, and an encoded reply it cannot decode
// (malformed JSON, references to parts that are not there, types our forms never send). Here they
// are refusals: 413 naming the limit, 403, 400. (No server-only or next/* import: the web server
// loads this before Next.js.)

export type PagePost = "action-call" | "form-post";

// Which POSTs these checks are for. /api/ routes have their own wrapper and body handling.
export function pagePostKind(method: string | undefined, url: string, headers: IncomingHttpHeaders): PagePost | null {
  if (method !== "POST") return null;
  const path = url.split("?")[0]!;
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return null;
  if (headers["next-action"] !== undefined) return "action-call";
  const type = mediaType(headers["content-type"]);
  return type === "multipart/form-data" || type === "application/x-www-form-urlencoded" ? "form-post" : null;
}

// Before the body: from another site, or a declared length over the limit.
export function refusePagePostHeaders(headers: IncomingHttpHeaders): void {
  const source = nodeHeaders(headers);
  refuseCrossSite("POST", source);
  refuseDeclaredOverLimit(source, ACTION_BODY_LIMIT_BYTES, "The form");
}

export function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The form is larger than the limit of ${ACTION_BODY_LIMIT_BYTES / 1024 ** 2} MiB.`);
}

// After the body: can the framework decode what is in it? Throws when it cannot.
export async function refusePagePostBody(kind: PagePost, headers: IncomingHttpHeaders, body: Buffer): Promise<void> {
  const type = mediaType(headers["content-type"]);
  if (type !== "multipart/form-data") {
    // A call's arguments as one JSON text; a urlencoded form is not an action and is not decoded.
    if (kind === "action-call") checkReply((name) => (name === "0" ? body.toString("utf8") : undefined), "", "list");
    return;
  }
  let form: FormData;
  try {
    form = await new Request("http://localhost/", { method: "POST", headers: { "content-type": String(headers["content-type"]) }, body: new Uint8Array(body) }).formData();
  } catch {
    throw unreadable("The form could not be read.");
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  if (kind === "action-call") return checkReply(field, "", "list");
  // A form sent without JavaScript names its action in its fields; an action with bound
  // arguments sends them as an encoded reply under $ACTION_<n>:.
  for (const name of form.keys()) {
    const ref = /^\$ACTION_REF_(.*)$/.exec(name);
    if (ref) checkReply(field, `$ACTION_${ref[1]}:`, "reference");
  }
}

const MAX_DEPTH = 32;
const MAX_PARTS = 256;
// Values React's reply encoding writes for what our forms send: escaped strings ("$$…"),
// undefined, the special numbers, dates, big integers and FormData ("$K<id>"). A reference to
// another part ("$<id>", "$@<id>") is followed and checked in turn. Anything else (maps, sets,
// streams, server references, temporary references, paths into other parts) is refused.
const PLAIN_SPECIAL = /^\$(?:\$[\s\S]*|undefined|NaN|Infinity|-Infinity|-0|K[0-9a-f]+|D[\s\S]*|n-?\d+)$/;
const PART_REFERENCE = /^\$@?([0-9a-f]+)$/;

function checkReply(field: (name: string) => string | undefined, prefix: string, root: "list" | "reference"): void {
  const pending = ["0"];
  const seen = new Set<string>();
  while (pending.length) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (seen.size > MAX_PARTS) throw unreadable("The form has too many parts.");
    const text = field(prefix + id);
    if (text === undefined) throw unreadable("The form refers to a part it does not contain.");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw unreadable("The form could not be read.");
    }
    if (id === "0" && root === "list" && !Array.isArray(value)) throw unreadable("The form could not be read.");
    if (id === "0" && root === "reference" && !(value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string")) {
      throw unreadable("The form could not be read.");
    }
    // Walked without recursion: a deep enough nesting would exhaust the stack.
    const stack: [unknown, number][] = [[value, 0]];
    while (stack.length) {
      const [v, depth] = stack.pop()!;
      if (depth > MAX_DEPTH) throw unreadable("The form is nested too deeply.");
      if (typeof v === "string") {
        if (!v.startsWith("$") || PLAIN_SPECIAL.test(v)) continue;
        const ref = PART_REFERENCE.exec(v);
        if (!ref) throw unreadable("The form holds a value of a kind it may not send.");
        pending.push(String(parseInt(ref[1]!, 16)));
      } else if (v && typeof v === "object") {
        for (const inner of Object.values(v)) stack.push([inner, depth + 1]);
      }
    }
  }
}

function unreadable(message: string): AppError {
  return new AppError("BAD_REQUEST", `${message} Reload the page and try again.`);
}

function mediaType(value: string | string[] | undefined): string {
  return String(Array.isArray(value) ? value[0] : (value ?? ""))
    .split(";")[0]!
    .trim()
    .toLowerCase();
}

// A path whose percent-escapes do not decode (a lone "%", "%zz", bytes that are not UTF-8):
// Next.js fails on it with a 500 when it reads the route's parameters, and Auth.js does on such a
// query. API addresses must decode whole; pages read their queries leniently (a bad value is
// ignored or named, e2e/ui/bad-input.spec.ts), so only their path must.
export function decodableUrl(url: string): boolean {
  const [path, query = ""] = url.split(/\?(.*)/s);
  try {
    decodeURIComponent(path!);
    if (path!.startsWith("/api/")) decodeURIComponent(query.replace(/\+/g, " "));
    return true;
  } catch {
    return false;
  }
}

// The answer for a refused page POST or path: a page for a person whose browser sent a form,
// the one JSON error shape for everything else.
export function refusalPage(status: number, message: string): string {
  const title = status === 413 ? "The form is too large" : status === 403 ? "Request refused" : "Request not understood";
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Proofline</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#111827;line-height:1.5}h1{font-size:1.5rem}</style></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p>Use your browser's Back button to return to the form; nothing was saved.</p></main></body>
</html>
`;
}

// A page refusal's style is inline: its policy allows exactly that and nothing else.
export const REFUSAL_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
