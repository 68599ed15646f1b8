// The one web server: Next.js behind a plain Node HTTP server, run by `npm start` (via
// scripts/start.ts), `npm run dev`, the e2e tests and bench/claims.ts:
//   tsx --conditions=react-server scripts/web-server.ts         (PORT, default 3000; needs `next build`)
//   tsx --conditions=react-server scripts/web-server.ts --dev   (Next.js in dev mode, hot reload)
// Development runs this same file, so every path is answered by one implementation in dev, test
// and production, and no route exists twice. Two paths are answered here, before Next.js,
// because Next.js's per-request pipeline costs more than the work itself on them (measured by
// bench/claims.ts and bench/ingest.ts):
// - POST /api/v1/claims/:matterSlug, the public claim API a notice campaign floods;
// - POST /api/v1/matters/:matterId/exhibits, exhibit uploads of up to 2 GiB, which go from Node's
//   request stream to the blob store without the Web-stream conversion and copy of every chunk.
// - GET and HEAD of every other /api/v1 route: the route file's own GET handler is called here
//   with a Web Request (lib/server/http/api-read-router.ts), so scripts' reads skip Next.js's
//   pipeline, which cost more than the reads themselves (bench/api.ts).
// Everything else is Next.js, after two checks that turn what Next.js would answer with a 500
// into refusals (lib/server/http/action-post-guard.ts): a path whose escapes do not decode (400),
// and a POST to a page — a server action, or a form sent without JavaScript — from another site
// (403), over the action body limit (413, declared or counted, chunked bodies too, before Next.js
// reads them) or that the framework cannot decode (400).
import http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import compression from "compression";
import next from "next";
import { CLAIM_BODY_LIMIT_BYTES, claimIntake } from "@/lib/server/claims/claim-intake";
import { AppError, isAppError } from "@/lib/app-error";
import { apiReadRoutes, matchApiRead, readHandlerOf } from "@/lib/server/http/api-read-router";
import { actorFromSessionCookie } from "@/lib/server/auth/actor-from-session-cookie";
import { decodableUrl, pagePostKind, refusalPage, REFUSAL_PAGE_POLICY, refusePagePostBody, refusePagePostHeaders, tooLarge, type PagePost } from "@/lib/server/http/action-post-guard";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/server/http/body-limits";
import { clientIp } from "@/lib/server/client-ip";
import { appUrl, env } from "@/lib/server/env";
import { exhibitMaxBytes } from "@/lib/server/exhibits/limits";
import { receiveExhibitUpload } from "@/lib/server/exhibits/receive-exhibit-upload";
import { nodeHeaders } from "@/lib/server/http/header-source";
import { jsonError } from "@/lib/server/http/json-error";
import { LEAN_PATHS } from "@/lib/server/http/lean-paths";
import { logger } from "@/lib/server/logger";
import { NO_CONTENT_POLICY, STATIC_SECURITY_HEADERS } from "@/lib/server/http/security-headers";

const port = Number(process.env.PORT ?? 3000);
const CLAIM_PATH = LEAN_PATHS.claim.pattern;
const UPLOAD_PATH = LEAN_PATHS.upload.pattern;

const dev = process.argv.includes("--dev");
// Listens on every interface, as `next start` does; Next.js builds its own URLs with localhost.
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
const handleWithNext = app.getRequestHandler();
const readRoutes = apiReadRoutes(`${process.cwd()}/app`);
// The same middleware, with the same defaults, as Next.js compresses its own answers with: text
// and JSON over 1 KiB for a client that accepts gzip/deflate; files already compressed are not.
const compress = compression();

async function answerClaim(req: http.IncomingMessage, res: http.ServerResponse, matterSlug: string) {
  // A declared length over the limit is refused before reading a byte.
  if (Number(req.headers["content-length"] ?? 0) > CLAIM_BODY_LIMIT_BYTES) {
    res.once("finish", () => req.destroy());
    return send(res, 413, jsonError("PAYLOAD_TOO_LARGE", "A claim is at most 64 KiB."), { Connection: "close" });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > CLAIM_BODY_LIMIT_BYTES) {
      // Answer first, then stop reading: destroying the request at once could drop the answer.
      res.once("finish", () => req.destroy());
      send(res, 413, jsonError("PAYLOAD_TOO_LARGE", "A claim is at most 64 KiB."), { Connection: "close" });
      return;
    }
    chunks.push(chunk);
  }
  const headers = nodeHeaders(req.headers);
  let slug: string;
  try {
    slug = decodeURIComponent(matterSlug);
  } catch {
    return send(res, 404, jsonError("NOT_FOUND", "No claim form here."));
  }
  const answer = await claimIntake(slug, Buffer.concat(chunks).toString("utf8"), headers);
  send(res, answer.status, answer.body, answer.headers);
}

async function answerUpload(req: http.IncomingMessage, res: http.ServerResponse, matterId: string) {
  const headers = nodeHeaders(req.headers);
  // destroyOnReturn: false — a refusal after the first bytes (wrong type, over the limit) must
  // not reset the connection: the rest is drained below so the browser receives the answer.
  const answer = await receiveExhibitUpload(() => actorFromSessionCookie(headers), matterId, req.iterator({ destroyOnReturn: false }), headers);
  if (answer.status >= 400 && !req.readableEnded) {
    // Refused before the body was read (signed out, no access, from another site): nothing of it
    // is waited for. Refused while reading (a disguised type): the rest of a declared, allowed
    // length is read so that the browser receives the answer.
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (answer.bodyRead && declared > 0 && declared <= exhibitMaxBytes()) {
      req.resume();
      await new Promise((resolve) => req.once("end", resolve).once("close", resolve));
    } else {
      send(res, answer.status, answer.body, { Connection: "close" });
      return;
    }
  }
  send(res, answer.status, answer.body, answer.headers);
}

// A GET or HEAD of an /api/v1 route, by its own handler; false when it has none for it (Next.js
// then answers). The response gets the headers next.config.ts gives every answer.
async function answerRead(req: http.IncomingMessage, res: http.ServerResponse, url: string): Promise<boolean> {
  const question = url.indexOf("?");
  const match = matchApiRead(readRoutes, question < 0 ? url : url.slice(0, question));
  const handler = match && (await readHandlerOf(match.route));
  if (!match || !handler) return false;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      // A value the Fetch API will not hold (Node's parser is more lenient) is left out rather
      // than failing the request: no handler reads such a header.
      try {
        headers.append(name, v);
      } catch {
        continue;
      }
    }
  }
  // The origin is our own, never the request's Host: handlers read only the path and query.
  // The handler's signal aborts when the client goes before the answer is sent (not after every
  // answer: an abort builds an error object, a cost on each request for nothing).
  const aborted = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  const request = new Request(new URL(url, appUrl), { method: "GET", headers, signal: aborted.signal });
  const response = await handler(request, { params: Promise.resolve(match.params) });
  // Lower-case names throughout, so a handler's own header (the file route's SAMEORIGIN) replaces
  // the default instead of being sent beside it.
  const out: Record<string, string | string[]> = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value]));
  out["x-frame-options"] = "DENY";
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => undefined);
  res.writeHead(response.status, out);
  if (!response.body || req.method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return true;
  }
  // JSON (a page of a list, bounded by its limit) is read whole and sent in one write: turning a
  // Web stream into a Node stream costs more than the copy. Files and exports are streamed.
  if (response.headers.get("content-type")?.startsWith("application/json")) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return true;
  }
  // A client gone mid-download ends the pipeline, which closes the file behind the stream.
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res).catch(() => res.destroy());
  return true;
}

// A POST to a page: checked (see the top of this file), read whole up to the limit, and handed
// to Next.js as a request carrying the bytes read.
async function answerPagePost(req: http.IncomingMessage, res: http.ServerResponse, kind: PagePost) {
  try {
    refusePagePostHeaders(req.headers);
  } catch (error) {
    return refuse(req, res, formatFor(kind), error, { bodyUnread: true });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > ACTION_BODY_LIMIT_BYTES) return refuse(req, res, formatFor(kind), tooLarge(), { bodyUnread: true });
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  try {
    await refusePagePostBody(kind, req.headers, body);
  } catch (error) {
    return refuse(req, res, formatFor(kind), error, { bodyUnread: false });
  }
  void handleWithNext(withBody(req, body), res);
}

function linger(req: http.IncomingMessage) {
  let dropped = 0;
  const cutOff = setTimeout(() => req.destroy(), LINGER_MS);
  cutOff.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) req.destroy();
  });
  req.once("close", () => clearTimeout(cutOff));
  req.resume();
}

const formatFor = (kind: PagePost) => (kind === "form-post" ? "page" : "json");

// The same request with its body already read: Next.js reads it from here.
function withBody(req: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers: http.IncomingHttpHeaders = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)]));
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

// A refusal before Next.js: a page for a form sent without JavaScript, the JSON error shape for
// a framework call. The rest of a body left unread is read and dropped for a while after the
// answer: closing a connection the client is still sending on resets it, and the client's
// network stack may then throw away the answer unread (the browser shows "connection reset"
// instead of the page). A client that keeps sending past that is cut off.
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 10_000;
function refuse(req: http.IncomingMessage, res: http.ServerResponse, format: "page" | "json", error: unknown, { bodyUnread }: { bodyUnread: boolean }) {
  if (!isAppError(error)) throw error;
  const declared = Number(req.headers["content-length"] ?? NaN);
  // A declared length too large to wait for: answered, then the connection is closed.
  const close: Record<string, string> = bodyUnread && declared > LINGER_BYTES ? { Connection: "close" } : {};
  if (bodyUnread) res.once("finish", () => (close.Connection ? req.destroy() : linger(req)));
  if (format === "json") return send(res, error.status, jsonError(error.code, error.message), close);
  const html = refusalPage(error.status, error.message);
  res.writeHead(error.status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value])),
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": REFUSAL_PAGE_POLICY,
    ...close,
  });
  res.end(html);
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json),
    "Cache-Control": "no-store",
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value])),
    "Content-Security-Policy": NO_CONTENT_POLICY,
    ...headers,
  });
  res.end(json);
}

async function main() {
  await app.prepare();
  const server = http.createServer((req, res) => {
    // Everything downstream (rate limits, fraud signals, the audit log) reads the client from
    // X-Forwarded-For; here it is replaced by the one address that can be trusted.
    const ip = clientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress, env.TRUSTED_PROXY_HOPS);
    delete req.headers["x-real-ip"];
    if (ip) req.headers["x-forwarded-for"] = ip;
    else delete req.headers["x-forwarded-for"];
    // The host and scheme a client claims are only believed when our own proxies wrote them;
    // otherwise Next.js derives them from the connection and its Host header.
    if (env.TRUSTED_PROXY_HOPS === 0) {
      for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"]) delete req.headers[name];
    }
    const url = req.url ?? "/";
    if (!decodableUrl(url)) {
      const error = new AppError("BAD_REQUEST", "The address is not correctly encoded.");
      const page = !url.startsWith("/api/") && (req.method === "GET" || req.method === "HEAD");
      refuse(req, res, page ? "page" : "json", error, { bodyUnread: !page });
      return;
    }
    if ((req.method === "GET" || req.method === "HEAD") && url.startsWith("/api/v1/")) {
      answerRead(req, res, url).then(
        (answered) => void (answered || handleWithNext(req, res)),
        (error: unknown) => {
          logger.error({ err: error }, "request failed before Next.js");
          if (!res.headersSent) send(res, 500, jsonError("INTERNAL", "Something went wrong."), { Connection: "close" });
          else res.destroy();
        },
      );
      return;
    }
    const claim = req.method === "POST" ? CLAIM_PATH.exec(url) : null;
    const upload = req.method === "POST" && !claim ? UPLOAD_PATH.exec(url) : null;
    const pagePost = claim || upload ? null : pagePostKind(req.method, url, req.headers);
    if (!claim && !upload && !pagePost) {
      void handleWithNext(req, res);
      return;
    }
    const answering = claim ? answerClaim(req, res, claim[1]!) : upload ? answerUpload(req, res, upload[1]!) : answerPagePost(req, res, pagePost!);
    answering.catch((error: unknown) => {
      logger.error({ err: error }, "request failed before Next.js");
      if (!res.headersSent) send(res, 500, jsonError("INTERNAL", "Something went wrong; nothing was saved."), { Connection: "close" });
      else res.destroy();
    });
  });
  // Hot reload's WebSocket in development; production answers no upgrades.
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  server.listen(port, () => console.log(`proofline web server${dev ? " (development)" : ""} listening on http://localhost:${port}`));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping the web server");
    // Requests under way are finished (no new ones are taken), then Next.js is closed.
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // Requests still running after this long are cut off.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`proofline web server: ${(error as Error).message}`);
  process.exit(1);
});
