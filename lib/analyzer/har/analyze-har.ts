import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createGunzip, createInflate } from "node:zlib";
import type { DetectedCategory } from "@/lib/analyzer/categories";
import { DETECTED_CATEGORIES } from "@/lib/analyzer/categories";
import { hostOfUrl, registrableDomain } from "@/lib/analyzer/domains";
import { KnownValueMatcher, knownValueNeedles, type DeviceProfile } from "@/lib/analyzer/detect/known-values";
import { DEFAULT_SCAN_LIMITS, scanRequest, type Detection, type HarRequest, type ScanLimits } from "@/lib/analyzer/detect/scan-request";
import { HarFormatError, HarSplitter } from "@/lib/analyzer/har/har-splitter";
import { parseHarTime } from "@/lib/analyzer/har/har-time";
import type { DomainMatch, KnowledgeBase } from "@/lib/analyzer/kb/knowledge-base";
import type { TrackerCategory } from "@/lib/analyzer/kb/tracker-domains";

// Bumped whenever a change could change what an analysis finds: analyses record it, and a newer
// analyzer makes a new analysis instead of rewriting an old one.
export const HAR_ANALYZER_VERSION = "har-1.0.0";

export type HarLimits = ScanLimits & {
  maxEntryBytes: number;
  // What a .zhar may inflate to; past it the capture is refused (a compression bomb).
  maxInflatedBytes: number;
};

export const DEFAULT_HAR_LIMITS: HarLimits = {
  ...DEFAULT_SCAN_LIMITS,
  maxEntryBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 8 * 1024 * 1024 * 1024,
};

export type HarObservation = {
  entryIndex: number;
  startedAt: Date;
  method: string;
  url: string;
  host: string;
  registrableDomain: string | null;
  serverIp: string | null;
  // Registration country of the server address's block (offline database), not the KB's.
  serverIpCountry: string | null;
  status: number | null;
  requestBytes: number | null;
  responseBytes: number | null;
  // From the knowledge base: the organisation behind the host, its parent and headquarters.
  kbDomain: string | null;
  organisation: string | null;
  parent: string | null;
  country: string | null;
  trackerCategory: TrackerCategory | null;
  dataCategories: DetectedCategory[];
  detections: Detection[];
  truncated: boolean;
};

export type CaptureIntake = {
  sha256: string;
  compressed: boolean;
  harVersion: string | null;
  creatorName: string | null;
  creatorVersion: string | null;
  browserName: string | null;
  browserVersion: string | null;
  firstRequestAt: Date | null;
  lastRequestAt: Date | null;
  // The UTC offsets the capture's timestamps were written in ("+08:00", "Z"; "none" when absent).
  timeZones: string[];
  entryCount: number;
  observationCount: number;
  device: string | null;
  appVersion: string | null;
  analyzerVersion: string;
  kbVersion: string;
};

export type AnalyzeHarOptions = {
  kb: KnowledgeBase;
  device?: DeviceProfile | null;
  ipCountry?: ((ip: string) => string | null) | null;
  // Called once per observation, in entry order; awaited, so a slow consumer slows the reading.
  onObservation: (observation: HarObservation) => void | Promise<void>;
  limits?: Partial<HarLimits>;
  // The bytes' SHA-256 when the caller already verifies them against it as they are read (a blob
  // store's verified read): the analyzer then reports it instead of hashing the bytes a second time.
  verifiedSha256?: string | null;
};

export { HarFormatError };

const HTTP_URL = /^(https?|wss?):\/\//i;

type HostFacts = { registrableDomain: string | null; match: DomainMatch | null };
const CACHE_LIMIT = 10_000;

async function* rawChunks(source: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash> | null): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buffer.length === 0) continue;
    hash?.update(buffer);
    yield buffer;
  }
}

// zlib (.zhar) and gzip captures are inflated on the fly; anything else is read as it is.
async function* decompressed(source: AsyncIterable<Buffer>, limits: HarLimits, onCompressed: () => void): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const zlib = head.length >= 2 && (head[0]! & 0x0f) === 8 && (head[0]! >> 4) <= 7 && ((head[0]! << 8) | head[1]!) % 31 === 0;
  const rest = (async function* () {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (!gzip && !zlib) {
    yield* rest;
    return;
  }
  onCompressed();
  const inflater = gzip ? createGunzip() : createInflate();
  const input = Readable.from(rest);
  input.on("error", (error) => inflater.destroy(error));
  input.pipe(inflater);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.maxInflatedBytes) {
        throw new HarFormatError("TOO_LARGE", `The compressed capture inflates past ${Math.round(limits.maxInflatedBytes / 2 ** 30)} GiB; it was not analysed.`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof HarFormatError) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("Z_")) throw new HarFormatError(code === "Z_BUF_ERROR" ? "TRUNCATED" : "BAD_JSON", `The compressed capture is damaged or truncated (${(error as Error).message}).`);
    throw error;
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

function entrySize(part: unknown, header: string, body: string): number | null {
  if (!part || typeof part !== "object") return null;
  const p = part as Record<string, unknown>;
  const headers = numberOrNull(p[header]);
  const size = numberOrNull(p[body]);
  return headers === null && size === null ? null : (headers ?? 0) + (size ?? 0);
}

// Reads a HAR (or .zhar) as a stream: validates it, turns every HTTP(S) request into an
// observation, and returns the intake record. Throws HarFormatError for a capture that is not a
// well-formed HAR 1.x; observations already handed out must then be discarded by the caller.
export async function analyzeHar(source: AsyncIterable<Uint8Array>, options: AnalyzeHarOptions): Promise<CaptureIntake> {
  const limits: HarLimits = { ...DEFAULT_HAR_LIMITS, ...options.limits };
  const hash = options.verifiedSha256 ? null : createHash("sha256");
  const known = options.device ? new KnownValueMatcher(knownValueNeedles(options.device)) : null;
  const matcher = known && !known.empty ? known : null;
  const splitter = new HarSplitter({ maxEntryBytes: limits.maxEntryBytes, maxLogFieldBytes: 16 * 1024 * 1024 });
  const logFields = new Map<string, unknown>();
  const zones = new Set<string>();
  let compressed = false;
  let first: Date | null = null;
  let last: Date | null = null;
  let observationCount = 0;
  let device: string | null = null;
  let appVersion: string | null = null;

  // A capture talks to a few dozen hosts (and addresses) tens of thousands of times: each is
  // resolved against the Public Suffix List, the KB and the IP database once.
  const hosts = new Map<string, HostFacts>();
  const hostFacts = (host: string): HostFacts => {
    let facts = hosts.get(host);
    if (!facts) {
      if (hosts.size >= CACHE_LIMIT) hosts.clear();
      facts = { registrableDomain: registrableDomain(host), match: options.kb.lookup(host) };
      hosts.set(host, facts);
    }
    return facts;
  };
  const ipCountries = new Map<string, string | null>();
  const ipCountry = (ip: string): string | null => {
    if (!options.ipCountry) return null;
    let country = ipCountries.get(ip);
    if (country === undefined) {
      if (ipCountries.size >= CACHE_LIMIT) ipCountries.clear();
      country = options.ipCountry(ip);
      ipCountries.set(ip, country);
    }
    return country;
  };

  const handleEntry = async (index: number, bytes: Buffer) => {
    let entry: unknown;
    try {
      entry = JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      const reason = error instanceof RangeError ? "it is nested too deeply" : (error as Error).message;
      throw new HarFormatError("BAD_JSON", `Entry ${index} of the capture is not valid JSON: ${reason}.`);
    }
    const e = entry as { startedDateTime?: unknown; request?: unknown; response?: unknown; serverIPAddress?: unknown };
    const request = e.request as HarRequest | undefined;
    if (!request || typeof request !== "object") throw new HarFormatError("NOT_HAR", `Entry ${index} has no "request" object, which HAR 1.2 requires.`);
    if (typeof request.method !== "string" || typeof request.url !== "string") {
      throw new HarFormatError("NOT_HAR", `Entry ${index}'s request has no method or URL, which HAR 1.2 requires.`);
    }
    const time = parseHarTime(e.startedDateTime);
    if (!time) {
      throw new HarFormatError("NOT_HAR", `Entry ${index}'s startedDateTime ${JSON.stringify(String(e.startedDateTime ?? "")).slice(0, 60)} is not a date and time.`);
    }
    zones.add(time.zone ?? "none");
    if (!first || time.at < first) first = time.at;
    if (!last || time.at > last) last = time.at;
    const url = request.url;
    if (!HTTP_URL.test(url)) return;

    const host = hostOfUrl(url);
    const scan = scanRequest(index, request, matcher, limits);
    if (!appVersion && scan.appVersion) appVersion = scan.appVersion;
    if (!device) device = scan.detections.find((d) => d.ruleId === "device-model.user-agent" || d.ruleId === "device-model.field")?.matched ?? null;
    const serverIp = typeof e.serverIPAddress === "string" && e.serverIPAddress.trim() ? e.serverIPAddress.trim().replace(/^\[|\]$/g, "").slice(0, 64) : null;
    const { registrableDomain: domain, match } = hostFacts(host);
    const categories = new Set(scan.detections.map((d) => d.category));
    const response = e.response as { status?: unknown } | undefined;
    const status = numberOrNull(response?.status);
    observationCount++;
    await options.onObservation({
      entryIndex: index,
      startedAt: time.at,
      method: request.method.slice(0, 16).toUpperCase(),
      url: url.length > 8192 ? url.slice(0, 8192) : url,
      host,
      registrableDomain: domain,
      serverIp,
      serverIpCountry: serverIp ? ipCountry(serverIp) : null,
      status: status === 0 ? null : status,
      requestBytes: entrySize(request, "headersSize", "bodySize"),
      responseBytes: entrySize(response, "headersSize", "bodySize"),
      kbDomain: match?.domain ?? null,
      organisation: match?.organisation ?? null,
      parent: match?.parent ?? null,
      country: match?.country ?? null,
      trackerCategory: match?.category ?? null,
      dataCategories: DETECTED_CATEGORIES.filter((c) => categories.has(c)),
      detections: scan.detections,
      truncated: scan.truncated,
    });
  };

  const pending: { index: number; bytes: Buffer }[] = [];
  for await (const chunk of decompressed(rawChunks(source, hash), limits, () => (compressed = true))) {
    splitter.push(chunk, (event) => {
      if (event.kind === "entry") pending.push({ index: event.index, bytes: event.bytes });
      else logFields.set(event.key, event.bytes);
    });
    // Entries are handled after the chunk is split, so a slow consumer holds at most one chunk's.
    for (const item of pending.splice(0)) await handleEntry(item.index, item.bytes);
  }
  splitter.end();

  const field = (key: string): unknown => {
    const bytes = logFields.get(key);
    if (!Buffer.isBuffer(bytes)) return undefined;
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new HarFormatError("BAD_JSON", `The capture's log.${key} is not valid JSON.`);
    }
  };
  const version = field("version");
  if (version !== undefined && (typeof version !== "string" || !/^1\.\d+$/.test(version))) {
    throw new HarFormatError("NOT_HAR", `The capture says it is HAR version ${JSON.stringify(version)}; HAR 1.1 and 1.2 are read.`);
  }
  const creator = field("creator") as { name?: unknown; version?: unknown } | undefined;
  const browser = field("browser") as { name?: unknown; version?: unknown } | undefined;
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : null);

  return {
    sha256: hash ? hash.digest("hex") : options.verifiedSha256!,
    compressed,
    harVersion: text(version),
    creatorName: text(creator?.name),
    creatorVersion: text(creator?.version),
    browserName: text(browser?.name),
    browserVersion: text(browser?.version),
    firstRequestAt: first,
    lastRequestAt: last,
    timeZones: [...zones].sort(),
    entryCount: splitter.entriesSeen,
    observationCount,
    device,
    appVersion,
    analyzerVersion: HAR_ANALYZER_VERSION,
    kbVersion: options.kb.version,
  };
}
