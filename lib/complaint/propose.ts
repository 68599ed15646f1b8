import type { SplitParagraph } from "@/lib/complaint/types";
import type { AllegationKindValue, DataCategoryValue } from "@/lib/schemas/allegation";

// What the import proposes for each ¶, by fixed rules over its words — never by a service. The
// reviewer accepts, edits or drops every proposal; nothing here is a finding.

// The ledger's own vocabularies: a proposal uses exactly the kinds and categories an allegation takes.
export type AllegationKindName = AllegationKindValue;
export type DataCategoryName = DataCategoryValue;

export type TrackerFact = { suffix: string; organisation: string; country: string };

// Used when the matter has no tracker knowledge base yet: the destinations the demo complaint and
// its press coverage name, with the owners public reporting gives them.
export const BUILT_IN_TRACKERS: TrackerFact[] = [
  { suffix: "umeng.com", organisation: "Alibaba", country: "CN" },
  { suffix: "umengcloud.com", organisation: "Alibaba", country: "CN" },
  { suffix: "alibaba.com", organisation: "Alibaba", country: "CN" },
  { suffix: "bugly.qq.com", organisation: "Tencent", country: "CN" },
  { suffix: "qq.com", organisation: "Tencent", country: "CN" },
  { suffix: "baidu.com", organisation: "Baidu", country: "CN" },
  { suffix: "igexin.com", organisation: "Getui (Igexin)", country: "CN" },
  { suffix: "getui.com", organisation: "Getui (Igexin)", country: "CN" },
  { suffix: "bytedance.com", organisation: "ByteDance", country: "CN" },
  { suffix: "snssdk.com", organisation: "ByteDance", country: "CN" },
  { suffix: "byteoversea.com", organisation: "ByteDance", country: "SG" },
  { suffix: "tiktokv.com", organisation: "ByteDance", country: "US" },
  { suffix: "musical.ly", organisation: "ByteDance", country: "US" },
  { suffix: "facebook.com", organisation: "Meta", country: "US" },
  { suffix: "google-analytics.com", organisation: "Google", country: "US" },
  { suffix: "appsflyer.com", organisation: "AppsFlyer", country: "IL" },
];

// Organisation names a sentence may use without a host.
const ORGANISATIONS: { pattern: RegExp; name: string; country: string | null }[] = [
  { pattern: /\bAlibaba\b/i, name: "Alibaba", country: "CN" },
  { pattern: /\bTencent\b/i, name: "Tencent", country: "CN" },
  { pattern: /\bBaidu\b/i, name: "Baidu", country: "CN" },
  { pattern: /\b(?:Igexin|Getui)\b/i, name: "Getui (Igexin)", country: "CN" },
  { pattern: /\bUmeng\b/i, name: "Alibaba", country: "CN" },
  { pattern: /\bByteDance\b/i, name: "ByteDance", country: "CN" },
  { pattern: /\b(?:Facebook|Meta Platforms)\b/i, name: "Meta", country: "US" },
  { pattern: /\bGoogle\b/i, name: "Google", country: "US" },
];

const COUNTRIES: { pattern: RegExp; code: string }[] = [
  { pattern: /\b(?:China|Chinese|PRC|Beijing|Shanghai|Hangzhou|Shenzhen)\b/, code: "CN" },
  { pattern: /\bSingapore\b/, code: "SG" },
  { pattern: /\b(?:United States|U\.S\.|USA)\b/, code: "US" },
  { pattern: /\bHong Kong\b/, code: "HK" },
];

const CATEGORY_WORDS: { pattern: RegExp; category: DataCategoryName }[] = [
  { pattern: /\b(?:IMEI|IMSI|Android ID|device (?:ID|identifier)s?|advertising ID|IDFA|MAC address(?:es)?|unique identifiers?|device identif\w+)\b/i, category: "DEVICE_IDENTIFIERS" },
  { pattern: /\b(?:hardware|device model|operating system|screen resolution|CPU|device information|device data)\b/i, category: "HARDWARE_INFO" },
  { pattern: /\b(?:browsing history|websites? (?:visited|they visit)|browser history|web activity)\b/i, category: "BROWSING_HISTORY" },
  { pattern: /\b(?:location|GPS|geolocation|latitude|longitude)\b/i, category: "LOCATION" },
  { pattern: /\b(?:contacts?|address book|contact lists?)\b/i, category: "CONTACTS" },
  { pattern: /\b(?:face|facial|faceprints?|face geometry)\b/i, category: "BIOMETRIC_FACE" },
  { pattern: /\b(?:voiceprints?|voice|audio recordings?)\b/i, category: "BIOMETRIC_VOICE" },
  { pattern: /\b(?:videos?|video content|draft videos?)\b/i, category: "VIDEO_CONTENT" },
  { pattern: /\bclipboard\b/i, category: "CLIPBOARD" },
  { pattern: /\b(?:phone numbers?|e-?mail address(?:es)?|user ?names?|account (?:ID|identifier)s?|social media account)\b/i, category: "ACCOUNT_IDENTIFIERS" },
];

const TRANSFER = /\b(?:transmit\w*|transfer\w*|sen[dt]s?|sending|shar(?:e|es|ed|ing)|disclos\w+|upload\w*|exfiltrat\w+|beacon\w*|forward\w*|routed)\b/i;
const BIOMETRIC = /\b(?:biometric\w*|face ?prints?|facial (?:geometry|recognition|features)|face geometry|voice ?prints?|scan of (?:face|hand) geometry)\b/i;
const ACCOUNT = /\b(?:creat\w+ (?:an? )?(?:user )?accounts?|accounts? (?:was|were) created|never (?:signed up|created an account|registered)|without (?:her|his|their) (?:knowledge|consent)[^.]*account|registered (?:her|him|them|an account))\b/i;
const SDK = /\b(?:SDKs?|software development kits?|third-party (?:code|libraries|library|software)|embedded (?:code|software|libraries|library)|source code)\b/i;

// Host names in running text: labels and a known top-level domain, so "U.S.C." or "Inc." are not hosts.
const HOST = /\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|cn|ly|io|co|info|biz|us|sg|hk|jp|app|cloud))\b/gi;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)";

export type ProposedDate = { date: string; precision: "DAY" | "MONTH" | "YEAR" };
export type DataTransferProposal = {
  hosts: string[];
  destinationHost: string | null;
  recipientOrg: string | null;
  destinationCountry: string | null;
  dataCategories: DataCategoryName[];
  observedFrom: ProposedDate | null;
  observedTo: ProposedDate | null;
  appPlatform: "ANDROID" | "IOS" | "WEB" | "UNKNOWN";
};

export type Proposal = { kind: AllegationKindName; dataTransfer: DataTransferProposal | null; count: number | null };

const pad = (n: number) => String(n).padStart(2, "0");

// Dates in the order the text gives them: "April 3, 2019", "April 2019", "2019-04-03", "4/3/2019", "2019".
export function findDates(text: string): (ProposedDate & { end: string; index: number })[] {
  const found: (ProposedDate & { end: string; index: number })[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, length: number) => !taken.some(([s, e]) => start < e && start + length > s);
  const add = (index: number, length: number, year: number, month: number | null, day: number | null) => {
    if (!free(index, length) || year < 1990 || year > 2100) return;
    taken.push([index, index + length]);
    const lastDay = month ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 31;
    const date = `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
    const end = `${year}-${pad(month ?? 12)}-${pad(day ?? lastDay)}`;
    found.push({ date, end, precision: day ? "DAY" : month ? "MONTH" : "YEAR", index });
  };
  for (const m of text.matchAll(new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})`, "g"))) add(m.index, m[0].length, Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2]));
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) add(m.index, m[0].length, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) add(m.index, m[0].length, Number(m[3]), Number(m[1]), Number(m[2]));
  for (const m of text.matchAll(new RegExp(`${MONTH}(?:\\s+of)?\\s+(\\d{4})`, "g"))) add(m.index, m[0].length, Number(m[2]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, null);
  // A bare year only next to words that make it a time ("in 2018", "since 2017", "through 2019").
  for (const m of text.matchAll(/\b(?:in|since|from|through|until|to|during|as late as|as early as|by)\s+((?:19|20)\d{2})\b/gi)) {
    add(m.index + m[0].length - 4, 4, Number(m[1]), null, null);
  }
  return found.sort((a, b) => a.index - b.index);
}

function period(text: string): { from: ProposedDate | null; to: ProposedDate | null } {
  const dates = findDates(text);
  if (dates.length === 0) return { from: null, to: null };
  const strip = (d: (typeof dates)[number], which: "date" | "end"): ProposedDate => ({ date: d[which], precision: d.precision });
  // "as late as April 2019", "until …", "through …" bound the period's end only.
  const before = text.slice(Math.max(0, dates[0]!.index - 20), dates[0]!.index);
  if (dates.length === 1) {
    return /\b(?:as late as|until|through|up to|by)\s*$/i.test(before) ? { from: null, to: strip(dates[0]!, "end") } : { from: strip(dates[0]!, "date"), to: strip(dates[0]!, "end") };
  }
  return { from: strip(dates[0]!, "date"), to: strip(dates[dates.length - 1]!, "end") };
}

function trackerFor(host: string, trackers: TrackerFact[]): TrackerFact | null {
  let best: TrackerFact | null = null;
  for (const t of trackers) {
    if ((host === t.suffix || host.endsWith(`.${t.suffix}`)) && (!best || t.suffix.length > best.suffix.length)) best = t;
  }
  return best;
}

export function findHosts(text: string): string[] {
  const hosts = new Set<string>();
  for (const m of text.matchAll(HOST)) {
    const host = m[1]!.toLowerCase();
    // "e.g." and initials never reach here (no TLD); a bare "U.S.com" is not a thing either.
    if (host.split(".").length >= 2) hosts.add(host);
  }
  return [...hosts];
}

export function proposeDataTransfer(text: string, trackers: TrackerFact[] = BUILT_IN_TRACKERS): DataTransferProposal {
  const hosts = findHosts(text);
  const known = hosts.map((h) => ({ host: h, fact: trackerFor(h, trackers) }));
  const first = known.find((k) => k.fact) ?? known[0] ?? null;
  const named = ORGANISATIONS.find((o) => o.pattern.test(text)) ?? null;
  const country = COUNTRIES.find((c) => c.pattern.test(text))?.code ?? null;
  const { from, to } = period(text);
  return {
    hosts,
    destinationHost: first?.host ?? null,
    recipientOrg: first?.fact?.organisation ?? named?.name ?? null,
    destinationCountry: first?.fact?.country ?? country ?? named?.country ?? null,
    dataCategories: CATEGORY_WORDS.filter((c) => c.pattern.test(text)).map((c) => c.category).filter((c, i, all) => all.indexOf(c) === i),
    observedFrom: from,
    observedTo: to,
    appPlatform: /\bAndroid\b/i.test(text) ? "ANDROID" : /\biOS\b|\biPhone\b/.test(text) ? "IOS" : "UNKNOWN",
  };
}

export function proposeKind(text: string): AllegationKindName {
  const hasHost = findHosts(text).length > 0;
  const transfers = TRANSFER.test(text);
  if (hasHost && transfers) return "DATA_TRANSFER";
  if (BIOMETRIC.test(text)) return "BIOMETRIC";
  if (ACCOUNT.test(text)) return "ACCOUNT_CREATION";
  if (SDK.test(text)) return "SDK_EMBEDDED";
  if (transfers && (ORGANISATIONS.some((o) => o.pattern.test(text)) || COUNTRIES.some((c) => c.pattern.test(text))) && CATEGORY_WORDS.some((c) => c.pattern.test(text))) {
    return "DATA_TRANSFER";
  }
  return "GENERAL";
}

export function proposeParagraph(paragraph: Pick<SplitParagraph, "text" | "count">, trackers: TrackerFact[] = BUILT_IN_TRACKERS): Proposal {
  const kind = proposeKind(paragraph.text);
  return {
    kind,
    dataTransfer: kind === "DATA_TRANSFER" ? proposeDataTransfer(paragraph.text, trackers) : null,
    count: paragraph.count?.number ?? null,
  };
}
