import { describe, expect, it } from "vitest";
import { NumberingCounter, type NumberingDefinitions } from "@/lib/complaint/docx-numbering";
import { paragraphSortKey, parseParagraphLabel } from "@/lib/complaint/labels";
import { findDates, findHosts, proposeDataTransfer, proposeKind } from "@/lib/complaint/propose";
import { parseCountHeading, splitUnits } from "@/lib/complaint/split";
import type { ComplaintUnit } from "@/lib/complaint/types";

const unit = (text: string, extra: Partial<ComplaintUnit> = {}): ComplaintUnit => ({
  text,
  page: 1,
  line: 1,
  numberLabel: null,
  subItem: false,
  heading: false,
  indented: false,
  ...extra,
});

describe("¶ labels", () => {
  it("parse and sort as a reader orders them", () => {
    expect(parseParagraphLabel("37")).toEqual({ base: 37, sub: 0 });
    expect(parseParagraphLabel("37a")).toEqual({ base: 37, sub: 1 });
    expect(parseParagraphLabel("37.12")).toEqual({ base: 37, sub: 12 });
    expect(parseParagraphLabel("37-a")).toBeNull();
    const labels = ["38", "37.2", "37", "37a", "2", "100"];
    expect(labels.sort((a, b) => paragraphSortKey(a)! - paragraphSortKey(b)!)).toEqual(["2", "37", "37a", "37.2", "38", "100"]);
  });
});

describe("splitting units", () => {
  it("starts a ¶ only where the numbering is, not at a wrapped line that begins with a number", () => {
    const paragraphs = splitUnits([
      unit("1. Plaintiff used the app.", { indented: true }),
      unit("2. The app sent data as described in paragraph", { indented: true }),
      // Next in sequence, but the previous line did not end a clause and this one is not indented.
      unit("3. below and elsewhere."),
      unit("3. The transfers continued.", { indented: true }),
      unit("2019. A year at the start of a wrapped line."),
      unit("4. The app embedded SDKs.", { indented: true }),
    ]);
    expect(paragraphs.map((p) => [p.label, p.text])).toEqual([
      ["1", "Plaintiff used the app."],
      ["2", "The app sent data as described in paragraph 3. below and elsewhere."],
      ["3", "The transfers continued. 2019. A year at the start of a wrapped line."],
      ["4", "The app embedded SDKs."],
    ]);
  });

  it("reads COUNT headings and ends the count at the next section", () => {
    expect(parseCountHeading("COUNT III — Intrusion upon Seclusion")).toEqual({ number: 3, title: "Intrusion upon Seclusion" });
    expect(parseCountHeading("COUNT TWO: Negligence")).toEqual({ number: 2, title: "Negligence" });
    expect(parseCountHeading("COUNTERCLAIM")).toBeNull();
    const paragraphs = splitUnits([
      unit("COUNT II", { heading: true }),
      unit("Violation of CIPA", { heading: true }),
      unit("1. Plaintiffs incorporate the above.", { indented: true }),
      unit("PRAYER FOR RELIEF", { heading: true }),
      unit("2. Plaintiffs ask for damages.", { indented: true }),
    ]);
    expect(paragraphs.map((p) => [p.heading, p.count])).toEqual([
      ["COUNT II — Violation of CIPA", { number: 2, title: "Violation of CIPA" }],
      ["PRAYER FOR RELIEF", null],
    ]);
  });

  it("stops at the signature block", () => {
    const paragraphs = splitUnits([unit("1. The last allegation.", { indented: true }), unit("Dated: November 27, 2019"), unit("Respectfully submitted, Jane Advocate")]);
    expect(paragraphs[0]!.text).toBe("The last allegation.");
  });
});

describe("Word auto-numbering", () => {
  const definitions: NumberingDefinitions = {
    abstracts: new Map([
      [
        "0",
        new Map([
          [0, { start: 1, format: "decimal", template: "%1." }],
          [1, { start: 1, format: "lowerLetter", template: "(%2)" }],
          [2, { start: 1, format: "lowerRoman", template: "(%3)" }],
        ]),
      ],
    ]),
    instances: new Map([
      ["1", { abstractId: "0", startOverrides: new Map() }],
      ["2", { abstractId: "0", startOverrides: new Map([[0, 40]]) }],
    ]),
  };

  it("counts levels, restarts deeper levels, and honours a start override", () => {
    const counter = new NumberingCounter(definitions);
    const seq = [
      counter.next("1", 0),
      counter.next("1", 1),
      counter.next("1", 1),
      counter.next("1", 2),
      counter.next("1", 0),
      counter.next("1", 1),
      counter.next("2", 0),
      counter.next("2", 0),
      counter.next("9", 0),
    ].map((n) => n?.text ?? null);
    expect(seq).toEqual(["1.", "(a)", "(b)", "(i)", "2.", "(a)", "40.", "41.", null]);
  });
});

describe("proposals", () => {
  it("names hosts but not citations or abbreviations", () => {
    expect(findHosts("Data went to log.umeng.com and bugly.qq.com under 18 U.S.C. § 1030, e.g. daily; see Inc. filings.")).toEqual(["log.umeng.com", "bugly.qq.com"]);
  });

  it("reads dates and periods with their precision", () => {
    expect(findDates("on April 3, 2019 and in May 2018, also 2020-01-15 and since 2017").map((d) => [d.date, d.precision])).toEqual([
      ["2019-04-03", "DAY"],
      ["2018-05-01", "MONTH"],
      ["2020-01-15", "DAY"],
      ["2017-01-01", "YEAR"],
    ]);
    const detail = proposeDataTransfer("From January 2018 through March 2019 the app sent location data to bugly.qq.com, operated by Tencent.");
    expect(detail).toMatchObject({
      destinationHost: "bugly.qq.com",
      recipientOrg: "Tencent",
      destinationCountry: "CN",
      dataCategories: ["LOCATION"],
      observedFrom: { date: "2018-01-01", precision: "MONTH" },
      observedTo: { date: "2019-03-31", precision: "MONTH" },
    });
  });

  it("uses a matter's tracker knowledge base before the built-in one", () => {
    const detail = proposeDataTransfer("The app transmitted the Android ID to metrics.example-tracker.com.", [{ suffix: "example-tracker.com", organisation: "Example Tracking Ltd", country: "GB" }]);
    expect(detail).toMatchObject({ destinationHost: "metrics.example-tracker.com", recipientOrg: "Example Tracking Ltd", destinationCountry: "GB" });
  });

  it("proposes a kind from the words", () => {
    expect(proposeKind("The app transmitted the IMEI to umeng.com.")).toBe("DATA_TRANSFER");
    expect(proposeKind("The app sent contacts to servers in China owned by Alibaba.")).toBe("DATA_TRANSFER");
    expect(proposeKind("Defendants collected face geometry and other biometric identifiers.")).toBe("BIOMETRIC");
    expect(proposeKind("Defendants created an account for Plaintiff, who never signed up.")).toBe("ACCOUNT_CREATION");
    expect(proposeKind("The app embedded the Igexin SDK.")).toBe("SDK_EMBEDDED");
    expect(proposeKind("Venue is proper in this District.")).toBe("GENERAL");
  });
});

describe("matching an amended complaint to the ledger", () => {
  it("pairs ¶s by their words, one to one, and names what changed", async () => {
    const { matchParagraphs, textSimilarity } = await import("@/lib/complaint/similarity");
    expect(textSimilarity("The app sent data to umeng.com.", "the app sent data to UMENG.com")).toBe(1);
    const ledger = [
      { id: "a", label: "1", text: "Plaintiff downloaded the app in March 2019 and never created an account." },
      { id: "b", label: "2", text: "The app sent the IMEI and Android ID to umeng.com as late as April 2019." },
      { id: "c", label: "3", text: "Venue is proper in this District because Defendants do business here." },
    ];
    const { matches, removed } = matchParagraphs(
      [
        { label: "1", text: "The app sent the IMEI and Android ID to umeng.com as late as April 2019." },
        { label: "2", text: "Plaintiff downloaded the app in March 2019 and never created any account at all." },
        { label: "3", text: "Defendants also embedded the Igexin SDK." },
      ],
      ledger,
    );
    expect(matches.map((m) => [m.allegationId, m.change])).toEqual([
      ["b", "RENUMBERED"],
      ["a", "REWORDED"],
      [null, "ADDED"],
    ]);
    expect(removed).toEqual(["c"]);
  });
});
