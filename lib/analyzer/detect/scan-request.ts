import type { DetectedCategory } from "@/lib/analyzer/categories";
import type { KnownValueMatcher } from "@/lib/analyzer/detect/known-values";
import { CONTENT_TYPE_FIELD, PATTERN_RULES, type PatternRule, type RequestPart } from "@/lib/analyzer/detect/pattern-rules";

// One finding, traceable to where it is in the capture: entry, part of the request, field name
// or JSON path, the text that matched and the rule that fired.
export type Detection = {
  entryIndex: number;
  part: RequestPart;
  path: string;
  matched: string;
  ruleId: string;
  category: DetectedCategory;
  mode: "known" | "pattern";
};

export type ScanLimits = {
  // Bodies longer than this are searched for the test device's values only, and marked truncated.
  maxBodyChars: number;
  maxDetections: number;
  maxDepth: number;
};

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxBodyChars: 8 * 1024 * 1024, maxDetections: 200, maxDepth: 64 };

export type HarRequest = {
  method?: unknown;
  url?: unknown;
  headers?: unknown;
  cookies?: unknown;
  queryString?: unknown;
  postData?: unknown;
};

export type RequestScan = { detections: Detection[]; truncated: boolean; appVersion: string | null };

type NameValue = { name: string; value: string };

function pairs(list: unknown): NameValue[] {
  if (!Array.isArray(list)) return [];
  const out: NameValue[] = [];
  for (const item of list) {
    if (item && typeof item === "object" && typeof (item as { name?: unknown }).name === "string") {
      const value = (item as { value?: unknown }).value;
      out.push({ name: (item as { name: string }).name, value: typeof value === "string" ? value : value == null ? "" : String(value) });
    }
  }
  return out;
}

const APP_VERSION_FIELD = /^(app_?version|version_?name|app_?ver|appversion|app_?v)$/i;
const BASE64ISH = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
const PRINTABLE = /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/;

// Rules that can fire on a field name, cached: captures repeat the same few hundred names.
const rulesByName = new Map<string, PatternRule[]>();
function rulesFor(name: string): PatternRule[] {
  let rules = rulesByName.get(name);
  if (!rules) {
    rules = PATTERN_RULES.filter((r) => !r.field || r.field.test(name));
    if (rulesByName.size > 10_000) rulesByName.clear();
    rulesByName.set(name, rules);
  }
  return rules;
}

// Hex digests, UUIDs and numbers also fit the base64 alphabet but decode to binary noise: they are
// skipped before decoding, which keeps the common case cheap.
const HEXISH = /^[0-9a-f-]+$/i;

function decodeBase64Text(value: string): string | null {
  if (value.length % 4 === 1 || HEXISH.test(value) || !BASE64ISH.test(value)) return null;
  const text = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  // U+FFFD marks bytes that were not UTF-8: binary, not text.
  return text.length >= 4 && !text.includes("\uFFFD") && PRINTABLE.test(text) && /[=:"{&]|\w{4}/.test(text) ? text : null;
}

const jsonKey = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

class RequestScanner {
  readonly detections: Detection[] = [];
  truncated = false;
  appVersion: string | null = null;
  private readonly seen = new Set<string>();

  constructor(
    private readonly entryIndex: number,
    private readonly known: KnownValueMatcher | null,
    private readonly limits: ScanLimits,
  ) {}

  private record(part: RequestPart, path: string, matched: string, ruleId: string, category: DetectedCategory, mode: "known" | "pattern") {
    if (this.detections.length >= this.limits.maxDetections) return;
    const key = `${part}\0${path}\0${ruleId}\0${matched}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.detections.push({ entryIndex: this.entryIndex, part, path, matched: matched.length > 512 ? matched.slice(0, 512) : matched, ruleId, category, mode });
  }

  knownOnly(part: RequestPart, path: string, text: string) {
    if (!this.known) return;
    for (const hit of this.known.find(text)) this.record(part, path, hit.needle.text, hit.needle.ruleId, hit.needle.category, "known");
  }

  // One field's value: known values anywhere in it, pattern rules on its name and shape, then
  // what it may wrap (JSON text, base64 text) one level down.
  leaf(part: RequestPart, path: string, name: string, value: string, depth: number) {
    if (!value) return;
    this.knownOnly(part, path, value);
    const trimmed = value.length <= 4096 ? value.trim() : value;
    for (const rule of rulesFor(name)) {
      if (rule.container && !rule.value) continue;
      if (rule.parts && !rule.parts.includes(part)) continue;
      if (rule.value && !rule.value.test(trimmed)) continue;
      if (rule.check && !rule.check(trimmed)) continue;
      const matched = rule.extract?.exec(trimmed)?.[1] ?? trimmed;
      this.record(part, path, matched, rule.id, rule.category, "pattern");
    }
    if (!this.appVersion && (part === "query" || part === "body") && APP_VERSION_FIELD.test(name) && /^\d+(\.\d+){1,3}/.test(trimmed)) {
      this.appVersion = trimmed.slice(0, 64);
    }
    if (depth >= 3 || value.length > 1024 * 1024) return;
    const first = trimmed[0];
    if ((first === "{" || first === "[") && value.length >= 2) {
      const parsed = tryJson(trimmed);
      if (parsed !== undefined) {
        this.json(part, `${path} > $`, parsed, depth + 1);
        return;
      }
    }
    const decoded = decodeBase64Text(trimmed);
    if (decoded !== null) this.text(part, `${path} (base64)`, name, decoded, "", depth + 1);
  }

  container(part: RequestPart, path: string, name: string, size: number) {
    if (size === 0) return;
    for (const rule of rulesFor(name)) {
      if (!rule.container || (rule.parts && !rule.parts.includes(part))) continue;
      this.record(part, path, `(${size} item${size === 1 ? "" : "s"})`, rule.id, rule.category, "pattern");
    }
  }

  // A parsed JSON value, walked without recursion past maxDepth.
  json(part: RequestPart, path: string, value: unknown, depth: number, name = "") {
    if (depth > this.limits.maxDepth) return;
    if (value === null || value === undefined) return;
    if (typeof value === "string") return this.leaf(part, path, name, value, depth);
    if (typeof value === "number" || typeof value === "boolean") return this.leaf(part, path, name, String(value), depth);
    if (Array.isArray(value)) {
      if (name) this.container(part, path, name, value.length);
      for (let i = 0; i < value.length && this.detections.length < this.limits.maxDetections; i++) this.json(part, `${path}[${i}]`, value[i], depth + 1, name);
      return;
    }
    if (typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>);
      if (name) this.container(part, path, name, entries.length);
      for (const [key, child] of entries) {
        if (this.detections.length >= this.limits.maxDetections) return;
        this.json(part, jsonKey(path, key), child, depth + 1, key);
      }
    }
  }

  form(part: RequestPart, prefix: string, text: string, depth: number) {
    for (const [name, value] of new URLSearchParams(text)) this.leaf(part, prefix ? `${prefix} > ${name}` : name, name, value, depth);
  }

  // A body (or a decoded value) as text of a given media type.
  text(part: RequestPart, path: string, name: string, text: string, mimeType: string, depth: number) {
    const trimmed = text.trimStart();
    const mime = mimeType.toLowerCase();
    if (mime.includes("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
      const parsed = tryJson(trimmed);
      if (parsed !== undefined) return this.json(part, path === "$" ? "$" : `${path} > $`, parsed, depth);
    }
    if (mime.startsWith("multipart/")) {
      const boundary = /boundary="?([^";]+)"?/i.exec(mimeType)?.[1];
      if (boundary) return this.multipart(part, text, boundary, depth);
    }
    if (mime.includes("x-www-form-urlencoded") || (/^[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/.test(trimmed) && trimmed.length < 1024 * 1024)) {
      return this.form(part, path === "$" ? "" : path, trimmed, depth);
    }
    this.leaf(part, path, name, text, depth);
  }

  multipart(part: RequestPart, text: string, boundary: string, depth: number) {
    for (const section of text.split(`--${boundary}`)) {
      const split = section.indexOf("\r\n\r\n") >= 0 ? section.indexOf("\r\n\r\n") : section.indexOf("\n\n");
      if (split < 0) continue;
      const head = section.slice(0, split);
      const body = section.slice(split + (section.startsWith("\r\n", split) ? 4 : 2)).replace(/\r?\n$/, "");
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? "";
      const fileName = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? "";
      const path = fileName ? `${name} (file ${fileName})` : name;
      if (type) this.leaf(part, path, CONTENT_TYPE_FIELD, type, depth);
      if (!type || /^text\/|json|x-www-form-urlencoded/i.test(type)) this.text(part, path, name, body, type, depth + 1);
      else this.knownOnly(part, path, body);
    }
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Scans what a request sends: the URL's query, headers, cookies and body.
export function scanRequest(entryIndex: number, request: HarRequest, known: KnownValueMatcher | null, limits: ScanLimits = DEFAULT_SCAN_LIMITS): RequestScan {
  const scan = new RequestScanner(entryIndex, known, limits);
  const url = typeof request.url === "string" ? request.url : "";

  let query: NameValue[] = [];
  const q = url.indexOf("?");
  if (q >= 0) {
    const hash = url.indexOf("#", q);
    for (const [name, value] of new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash))) query.push({ name, value });
  } else {
    query = pairs(request.queryString);
  }
  for (const { name, value } of query) scan.leaf("query", name, name, value, 0);
  // A value in the path itself (/device/861234567890125/register) is found by known values only.
  scan.knownOnly("url", "path", q >= 0 ? url.slice(0, q) : url);

  const headers = pairs(request.headers);
  for (const { name, value } of headers) {
    if (name.toLowerCase() === "cookie") continue;
    scan.leaf("header", name, name, value, 0);
  }
  let cookies = pairs(request.cookies);
  if (cookies.length === 0) {
    const header = headers.find((h) => h.name.toLowerCase() === "cookie")?.value ?? "";
    cookies = header
      .split(";")
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => {
        const eq = c.indexOf("=");
        return eq < 0 ? { name: c, value: "" } : { name: c.slice(0, eq), value: c.slice(eq + 1) };
      });
  }
  for (const { name, value } of cookies) scan.leaf("cookie", name, name, value, 0);

  const post = request.postData;
  if (post && typeof post === "object") {
    const { mimeType, params, text, encoding } = post as { mimeType?: unknown; params?: unknown; text?: unknown; encoding?: unknown };
    const mime = typeof mimeType === "string" ? mimeType : "";
    if (/^(image|video|audio)\//i.test(mime)) scan.leaf("body", "$", CONTENT_TYPE_FIELD, mime, 0);
    if (Array.isArray(params)) {
      for (const param of params) {
        if (!param || typeof param !== "object") continue;
        const p = param as { name?: unknown; value?: unknown; fileName?: unknown; contentType?: unknown };
        const name = typeof p.name === "string" ? p.name : "";
        const path = typeof p.fileName === "string" ? `${name} (file ${p.fileName})` : name;
        if (typeof p.contentType === "string") scan.leaf("body", path, CONTENT_TYPE_FIELD, p.contentType, 0);
        if (typeof p.value === "string") scan.leaf("body", path, name, p.value, 0);
      }
    }
    if (typeof text === "string" && text.length > 0) {
      let body = text;
      let decodedFrom: string | null = null;
      if (encoding === "base64" || (!mime.includes("json") && !mime.includes("form") && !mime.startsWith("text/") && decodeBase64Text(text.trim()) !== null)) {
        const decoded = Buffer.from(text.trim().replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
        decodedFrom = body;
        body = decoded;
      }
      if (body.length > limits.maxBodyChars) {
        scan.truncated = true;
        scan.knownOnly("body", "$", body);
        if (decodedFrom !== null) scan.knownOnly("body", "$ (base64)", decodedFrom);
      } else {
        if (decodedFrom !== null) scan.knownOnly("body", "$ (as sent, base64)", decodedFrom);
        scan.text("body", decodedFrom !== null ? "$ (base64)" : "$", "", body, mime, 0);
      }
    }
  }
  return { detections: scan.detections, truncated: scan.truncated, appVersion: scan.appVersion };
}
