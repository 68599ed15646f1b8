// Dated facts named in running text (a complaint's ¶s): "On or about June 1, 2019", "in 2017",
// "between May and July 2019", "from March 2018 through June 2019", "in or around 2016",
// "4/3/2019", "2019-04-03". Deterministic, no network. A bare year counts only where words make
// it a time ("in 2017", "since 2016", "during 2018"): "Section 2019", "$2,019", "¶ 2019" or
// "2019 users" are not dates.
import type { DatePrecisionValue } from "@/lib/chronology/dates";

export type TextDate = {
  startDate: Date;
  // The last unit of a period ("between May and July 2019" → July 2019), null for a single date.
  endDate: Date | null;
  precision: DatePrecisionValue;
  // The words as written, e.g. "On or about June 1, 2019".
  phrase: string;
  // Where the phrase starts in the text, and the sentence around it.
  index: number;
  sentence: string;
};

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const M = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const Y = "(?<![\\d,.$])((?:19|20)\\d{2})(?![\\d]|,\\d)";
// "on or about", "in or around", "approximately"… : the date is still known to its unit.
const ABOUT = "(?:on or about|in or about|in or around|on or around|at or about|approximately|about|around|circa|c\\.)";
// Approximate years: "early 2018", "mid-2019", "late 2017", "in or around 2016", "circa 2015".
const FUZZY_YEAR = `(?:(?:early|mid|late|the (?:beginning|middle|end|spring|summer|fall|autumn|winter) of)[-\\s]+|${ABOUT}\\s+)`;

// Month names are written with a capital: "may" is a verb.
function monthOf(name: string): number {
  if (name[0] !== name[0]!.toUpperCase()) return 0;
  const n = name.toLowerCase().replace(/\.$/, "");
  const full = MONTH_NAMES.indexOf(n);
  return full >= 0 ? full + 1 : MONTH_ABBR.indexOf(n.slice(0, 3)) + 1;
}

const utc = (y: number, m: number, d: number): Date | null => {
  if (m < 1 || m > 12) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
};

type Rule = { re: RegExp; read: (m: RegExpExecArray) => Omit<TextDate, "phrase" | "index" | "sentence"> | null };

// Longest, most specific forms first; a span taken by one rule is not read again by a later one.
const RULES: Rule[] = [
  // between May and July 2019 / from May to July 2019 / May through July 2019
  {
    re: new RegExp(`\\b(?:between|from)?\\s*${M}\\s+(?:and|to|through|until|-|–)\\s+${M}\\s+${Y}`, "gi"),
    read: (m) => {
      const y = Number(m[3]);
      const a = utc(y, monthOf(m[1]!), 1);
      const b = utc(y, monthOf(m[2]!), 1);
      return a && b && b >= a ? { startDate: a, endDate: b, precision: "MONTH" } : null;
    },
  },
  // between March 2018 and June 2019 / from March 2018 through June 2019
  {
    re: new RegExp(`\\b(?:between|from)\\s+${M}\\s+${Y}\\s+(?:and|to|through|until)\\s+${M}\\s+${Y}`, "gi"),
    read: (m) => {
      const a = utc(Number(m[2]), monthOf(m[1]!), 1);
      const b = utc(Number(m[4]), monthOf(m[3]!), 1);
      return a && b && b >= a ? { startDate: a, endDate: b, precision: "MONTH" } : null;
    },
  },
  // between 2016 and 2018 / from 2016 through 2018 / from 2016 to the present is left to "since"
  {
    re: new RegExp(`\\b(?:between|from)\\s+${Y}\\s+(?:and|to|through|until)\\s+${Y}`, "gi"),
    read: (m) => {
      const a = utc(Number(m[1]), 1, 1);
      const b = utc(Number(m[2]), 1, 1);
      return a && b && b > a ? { startDate: a, endDate: b, precision: "YEAR" } : null;
    },
  },
  // (On or about) June 1, 2019 / June 1st, 2019 / 1 June 2019
  {
    re: new RegExp(`(?:\\b${ABOUT}\\s+)?\\b${M}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${Y}`, "gi"),
    read: (m) => {
      const d = utc(Number(m[3]), monthOf(m[1]!), Number(m[2]));
      return d ? { startDate: d, endDate: null, precision: "DAY" } : null;
    },
  },
  {
    re: new RegExp(`(?:\\b${ABOUT}\\s+)?\\b(\\d{1,2})\\s+${M}\\s+${Y}`, "gi"),
    read: (m) => {
      const d = utc(Number(m[3]), monthOf(m[2]!), Number(m[1]));
      return d ? { startDate: d, endDate: null, precision: "DAY" } : null;
    },
  },
  // 2019-04-03 and 4/3/2019 (US order)
  {
    re: /(?<![\d-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])/g,
    read: (m) => {
      const d = utc(Number(m[1]), Number(m[2]), Number(m[3]));
      return d ? { startDate: d, endDate: null, precision: "DAY" } : null;
    },
  },
  {
    re: /(?<![\d/.$])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g,
    read: (m) => {
      const d = utc(Number(m[3]), Number(m[1]), Number(m[2]));
      return d ? { startDate: d, endDate: null, precision: "DAY" } : null;
    },
  },
  // (in or around) March 2018 / March of 2018
  {
    re: new RegExp(`(?:\\b(?:${ABOUT}|in|since|during|by|until|through|as (?:early|late) as)\\s+)?\\b${M}(?:\\s+of)?\\s+${Y}`, "gi"),
    read: (m) => {
      const d = utc(Number(m[2]), monthOf(m[1]!), 1);
      return d ? { startDate: d, endDate: null, precision: "MONTH" } : null;
    },
  },
  // early 2018 / in or around 2016 / circa 2015 → approximate
  {
    re: new RegExp(`\\b(?:in\\s+)?${FUZZY_YEAR}${Y}`, "gi"),
    read: (m) => {
      const d = utc(Number(m[1]), 1, 1);
      return d ? { startDate: d, endDate: null, precision: "APPROXIMATE" } : null;
    },
  },
  // in 2017 / since 2016 / during 2018 / as early as 2015 / by 2019: a year only after such words
  {
    re: new RegExp(`\\b(?:in|since|during|throughout|until|through|by|as early as|as late as|beginning in|starting in)\\s+${Y}(?!\\s*(?:%|percent|users|people|members|times|devices|apps?|persons|individuals|\\$))`, "gi"),
    read: (m) => {
      const d = utc(Number(m[1]), 1, 1);
      return d ? { startDate: d, endDate: null, precision: "YEAR" } : null;
    },
  },
];

// The sentence around a position: from the previous sentence end to the next one.
function sentenceAt(text: string, index: number): string {
  const ends = /[.;!?](?=\s+[A-Z(“"]|\s*$)/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(ends)) {
    const at = m.index + 1;
    // "Inc." or "U.S." inside a sentence is not an end when a lower-case word or digit follows.
    if (at <= index) start = at;
    else {
      end = at;
      break;
    }
  }
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

// Every dated phrase in the order the text gives it.
export function findTextDates(text: string): TextDate[] {
  const taken: [number, number][] = [];
  const found: TextDate[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      // Leading spaces a rule's optional prefix allowed are not part of the phrase.
      const lead = m[0].length - m[0].trimStart().length;
      const index = m.index + lead;
      const phrase = m[0].trim();
      if (!phrase) continue;
      const end = index + phrase.length;
      if (taken.some(([s, e]) => index < e && end > s)) continue;
      const before = text.slice(Math.max(0, index - 12), index);
      // "Section 2019", "§ 2019", "¶ 2019", "No. 2019", "$2,019": numbers, not dates.
      if (/(?:§|¶|\$|\bsection|\bno\.|\bpage|\bp\.)\s*$/i.test(before)) continue;
      const value = rule.read(m as unknown as RegExpExecArray);
      if (!value) continue;
      taken.push([index, end]);
      found.push({ ...value, phrase, index, sentence: sentenceAt(text, index) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
