import type { AllegationKindName } from "@/lib/complaint/propose";

// A complaint the tests and the bench generate, and its layout on pleading paper (28 numbered
// lines a page, 24 points apart). The writers (pdfkit, pdf-lib, DOCX) draw the same model, and the
// layout records where each ¶ starts, so a test can check the splitter's page:line against it.

export type Block =
  | { type: "heading"; lines: string[] }
  | { type: "paragraph"; label: string; text: string; footnote?: string; subItems?: string[]; quote?: string; kind: AllegationKindName };

export type ComplaintModel = { caption: string[]; blocks: Block[] };

const TEMPLATES: { kind: AllegationKindName; text: (n: number) => string }[] = [
  {
    kind: "DATA_TRANSFER",
    text: (n) =>
      `Plaintiffs' network captures show that, as late as April 2019, the TikTok app transmitted users' device identifiers, including the IMEI and Android ID, together with their browsing history, to servers at umeng.com, a domain owned by Alibaba in China (capture ${n}).`,
  },
  {
    kind: "DATA_TRANSFER",
    text: (n) =>
      `From January 2018 through March 2019 the app sent hardware information and location data to bugly.qq.com, a crash-reporting service operated by Tencent, each time the app was opened (session ${n}).`,
  },
  {
    kind: "SDK_EMBEDDED",
    text: (n) => `The app embedded source code from Baidu and the Igexin software development kit, which collected information without any notice to users (release ${n}).`,
  },
  {
    kind: "ACCOUNT_CREATION",
    text: (n) => `Plaintiff Hong downloaded the app in March 2019 but never created an account; Defendants nevertheless created an account for her without her knowledge or consent (record ${n}).`,
  },
  {
    kind: "BIOMETRIC",
    text: (n) => `Defendants extracted biometric identifiers, including face geometry, from videos that users recorded but never posted, and retained them indefinitely (video ${n}).`,
  },
  {
    kind: "GENERAL",
    text: (n) =>
      `Defendants' privacy policy did not disclose these practices to users, who reasonably expected that information on their own phones would remain private, and who would not have used the app had they known the truth (statement ${n}).`,
  },
];

export type ModelOptions = { paragraphs: number; counts?: number; footnoteEvery?: number; insertedEvery?: number };

// Sections, counts and ¶s in the order a complaint has them. Every feature the splitter must
// handle appears at a fixed place: a sub-list, a block quote, a footnote, a ¶ that cites another ¶
// at the start of a wrapped line, inserted ¶s ("12a"), and COUNT headings over the last ¶s.
export function generateComplaint(options: ModelOptions): ComplaintModel {
  const countCount = options.counts ?? 3;
  const countParagraphs = Math.min(options.paragraphs - 5, countCount * 3);
  const factual = options.paragraphs - countParagraphs;
  const blocks: Block[] = [];
  let number = 0;
  const next = (kind: AllegationKindName, text: string, extra: Partial<Extract<Block, { type: "paragraph" }>> = {}) => {
    number++;
    blocks.push({ type: "paragraph", label: String(number), text, kind, ...extra });
  };
  blocks.push({ type: "heading", lines: ["NATURE OF THE ACTION"] });
  next("GENERAL", "This is a class action on behalf of users of the TikTok app, whose private data Defendants took and sent abroad without consent.");
  next("GENERAL", "Plaintiffs bring this action for themselves and for all others similarly situated.", { footnote: "Plaintiffs reserve the right to amend the class definition after discovery." });
  blocks.push({ type: "heading", lines: ["FACTUAL ALLEGATIONS"] });
  blocks.push({ type: "heading", lines: ["A. The App Sends Data Abroad"] });
  for (let i = number; i < factual; ) {
    const template = TEMPLATES[number % TEMPLATES.length]!;
    const extra: Partial<Extract<Block, { type: "paragraph" }>> = {};
    if (number === 4) extra.subItems = ["(a) the device's IMEI and Android ID;", "(b) the user's browsing history; and", "(c) the precise location of the phone."];
    if (number === 5) extra.quote = "\u201cWe may share your information with a parent, subsidiary, or other affiliate of our corporate group.\u201d TikTok Privacy Policy (2019).";
    if (options.footnoteEvery && number % options.footnoteEvery === 0) extra.footnote = `See the capture log for session ${number}, on file with counsel.`;
    const text =
      number === 7
        ? // A wrapped line that begins with a cited ¶ number.
          "Those transfers are described in detail in paragraph\n3. above, and they continued after Defendants were told of them; the app still sent device data to umeng.com in April 2019."
        : template.text(number);
    next(text.includes("umeng.com") ? "DATA_TRANSFER" : template.kind, text, extra);
    i = number;
    if (options.insertedEvery && number % options.insertedEvery === 0) {
      blocks.push({ type: "paragraph", label: `${number}a`, text: `An amendment added that the transfers named in ¶ ${number} continued in 2020.`, kind: "GENERAL" });
    }
  }
  blocks.push({ type: "heading", lines: ["CLAIMS FOR RELIEF"] });
  const titles = ["Violation of the Computer Fraud and Abuse Act", "Violation of the California Invasion of Privacy Act", "Intrusion upon Seclusion"];
  const romans = ["I", "II", "III", "IV", "V", "VI"];
  for (let c = 0; c < countCount && number < options.paragraphs; c++) {
    blocks.push({ type: "heading", lines: [`COUNT ${romans[c] ?? c + 1}`, titles[c % titles.length]!, "(On Behalf of Plaintiffs and the Class)"] });
    next("GENERAL", "Plaintiffs incorporate the foregoing allegations as if fully set forth herein.");
    for (let k = 1; k < Math.floor(countParagraphs / countCount) && number < options.paragraphs; k++) {
      next("DATA_TRANSFER", `Defendants intentionally accessed Plaintiffs' phones and transmitted their device identifiers to bugly.qq.com and umeng.com without authorization in 2019 (count ${c + 1}).`);
    }
  }
  while (number < options.paragraphs) next("GENERAL", TEMPLATES[5]!.text(number));
  blocks.push({ type: "heading", lines: ["PRAYER FOR RELIEF"] });
  return {
    caption: [
      "Jane Advocate (SBN 123456)",
      "PLAINTIFFS' LAW GROUP LLP",
      "100 Market Street, San Francisco, CA 94105",
      "Attorneys for Plaintiffs",
      "",
      "UNITED STATES DISTRICT COURT",
      "NORTHERN DISTRICT OF CALIFORNIA",
      "",
      "MISTY HONG, on behalf of herself and all others similarly situated, Plaintiff,",
      "v.",
      "BYTEDANCE INC. and TIKTOK INC., Defendants.",
      "",
      "Case No. 5:19-cv-07792",
      "CLASS ACTION COMPLAINT",
      "1. VIOLATION OF THE COMPUTER FRAUD AND ABUSE ACT",
      "2. INVASION OF PRIVACY",
      "JURY TRIAL DEMANDED",
    ],
    blocks,
  };
}

// An amended complaint of the model, as the tests use it: ¶ 2 removed, a new ¶ after old ¶ 6, old ¶ 8 reworded, and everything numbered again.
export function amendComplaint(model: ComplaintModel): ComplaintModel {
  const blocks: Block[] = [];
  for (const block of model.blocks) {
    if (block.type === "paragraph" && block.label === "2") continue;
    if (block.type === "paragraph" && block.label === "8") {
      blocks.push({ ...block, text: "Those transfers are described in detail in paragraph 3 above, and they continued after Defendants were told of them; the app still sent device data and location data to umeng.com in May 2019." });
      continue;
    }
    blocks.push(block);
    if (block.type === "paragraph" && block.label === "6") {
      blocks.push({ type: "paragraph", label: "new", text: "Defendants' engineers in Beijing could read the transferred data at any time, as their own filings admit.", kind: "GENERAL" });
    }
  }
  let n = 0;
  return { ...model, blocks: blocks.map((b) => (b.type === "paragraph" ? { ...b, label: String(++n) } : b)) };
}

export type ExpectedParagraph = { label: string; page: number; line: number; heading: string | null; text: string; kind: AllegationKindName };
