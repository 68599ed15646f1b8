// Pure helpers for turning extracted text into searchable "pages".

import { Parser } from "htmlparser2";

// PostgreSQL text cannot hold NUL, and \u0001/\u0002 are reserved as search-highlight markers.
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ");
}

// A tsvector holds at most 1 MB, so long texts (a plain-text log, a big CSV) are split into
// parts on line boundaries; for them a "page" is a part of about `size` characters.
export function splitIntoParts(text: string, size = 20_000): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > size) {
    let cut = rest.lastIndexOf("\n", size);
    if (cut < size / 2) cut = size;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.trim() !== "" || parts.length === 0) parts.push(rest);
  return parts;
}

// Elements that start a new line in a browser; their text must not run into the next block's.
const HTML_BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
  "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
  "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
]);
// Their contents are code or markup, not text a reader sees.
const HTML_HIDDEN = new Set(["script", "style", "template", "noscript"]);

// One pass of htmlparser2's tokenizer: linear in the input whatever the markup (a regex strip
// went quadratic on "<a<a<a…").
export function htmlToText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HTML_HIDDEN.has(name)) hidden++;
        else if (HTML_BLOCKS.has(name) || name === "br") out.push("\n");
      },
      onclosetag(name) {
        if (HTML_HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (HTML_BLOCKS.has(name)) out.push("\n");
      },
      ontext(text) {
        if (hidden === 0) out.push(text.replace(/\s+/g, " "));
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out
    .join("")
    .replace(/[ \u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

type HarLike = {
  log?: {
    entries?: {
      startedDateTime?: string;
      request?: { method?: string; url?: string; postData?: { text?: string } };
      response?: { status?: number };
      serverIPAddress?: string;
    }[];
  };
};

// One line per request (time, method, URL, status, server IP) plus any posted body, so a search
// for "umeng.com" or a device identifier finds the entry.
export function harToText(har: HarLike): string {
  const entries = har.log?.entries ?? [];
  return entries
    .map((e, i) => {
      const line = `#${i + 1} ${e.startedDateTime ?? ""} ${e.request?.method ?? ""} ${e.request?.url ?? ""} → ${e.response?.status ?? ""} ${e.serverIPAddress ?? ""}`.trim();
      const body = e.request?.postData?.text;
      return body ? `${line}\n${body.slice(0, 10_000)}` : line;
    })
    .join("\n");
}

// Keys and string values of any JSON document, one per line.
export function jsonToText(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === "string") out.push(key ? `${key}: ${v}` : v);
    else if (typeof v === "number" || typeof v === "boolean") out.push(key ? `${key}: ${String(v)}` : String(v));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(value);
  return out.join("\n");
}

// PostgreSQL's parser reads "alog.umeng.com" as one host token, so neither "umeng" nor
// "umeng.com" would find it. Each host also contributes its parent domains and its labels,
// indexed beside the page text (not shown in snippets).
export function searchTerms(text: string): string {
  const hosts = new Set<string>();
  for (const m of text.matchAll(/\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b/gi)) hosts.add(m[0].toLowerCase());
  const out = new Set<string>();
  for (const host of hosts) {
    const labels = host.split(".");
    for (let i = 1; i < labels.length - 1; i++) out.add(labels.slice(i).join("."));
    for (const label of labels.slice(0, -1)) if (label.length > 1) out.add(label);
  }
  return [...out].join(" ");
}
