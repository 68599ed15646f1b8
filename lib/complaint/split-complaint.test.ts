import PDFKit from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { complaintPinCite, paragraphSortKey } from "@/lib/complaint/labels";
import { ComplaintFileError } from "@/lib/complaint/read-pdf";
import { generateComplaint, type ExpectedParagraph } from "@/lib/complaint/testing/complaint-model";
import { writeComplaintDocx, writeComplaintWithPdfKit, writeComplaintWithPdfLib, writeImageOnlyPdf } from "@/lib/complaint/testing/pleading-writers";
import { COMPLAINT_MEDIA_TYPES, splitComplaintFile, type SplitComplaintFile } from "@/lib/server/complaints/split-complaint-file";

// The splitter against complaints the tests write with two PDF producers and as a Word file, each
// laid out on pleading paper with every feature a real complaint has.
const model = generateComplaint({ paragraphs: 40, footnoteEvery: 9, insertedEvery: 12 });

const byLabel = (result: SplitComplaintFile, label: string) => result.paragraphs.find((p) => p.label === label)!;

for (const [producer, write] of [
  ["pdfkit", writeComplaintWithPdfKit],
  ["pdf-lib", writeComplaintWithPdfLib],
] as const) {
  describe(`a pleading-paper complaint written by ${producer}`, () => {
    let result: SplitComplaintFile;
    let expected: ExpectedParagraph[];
    let pages: number;
    beforeAll(async () => {
      const written = await write(model);
      expected = written.expected;
      pages = written.pages;
      result = await splitComplaintFile(COMPLAINT_MEDIA_TYPES.pdf, written.bytes);
    });

    it("finds every ¶ with its printed label, in order, and counts the pages", () => {
      expect(result.pages).toBe(pages);
      expect(result.paragraphs.map((p) => p.label)).toEqual(expected.map((e) => e.label));
      expect(result.paragraphs.map((p) => p.sortKey)).toEqual([...result.paragraphs.map((p) => p.sortKey)].sort((a, b) => a - b));
    });

    it("pins each ¶ to the page and the pleading line number where it starts", () => {
      expect(result.paragraphs.map((p) => `${p.label}@${p.page}:${p.line}`)).toEqual(expected.map((e) => `${e.label}@${e.page}:${e.line}`));
      expect(result.paragraphs.every((p) => p.line! >= 1 && p.line! <= 28)).toBe(true);
    });

    it("joins a ¶ across lines and pages without line numbers, running headers, footers or footnotes", () => {
      expect(result.paragraphs.map((p) => p.text)).toEqual(expected.map((e) => e.text));
      const all = result.paragraphs.map((p) => p.text).join("\n");
      expect(all).not.toMatch(/Case 5:19-cv-07792 Document 1/);
      expect(all).not.toMatch(/CLASS ACTION COMPLAINT, CASE NO/);
      expect(all).not.toMatch(/on file with counsel|reserve the right to amend/);
      // A ¶ that starts on one page and ends on the next.
      const across = expected.findIndex((e, i) => expected[i + 1] && expected[i + 1]!.page > e.page && result.paragraphs[i]!.text.length > 200);
      expect(across).toBeGreaterThanOrEqual(0);
    });

    it("keeps the sub-list and the block quote inside their ¶", () => {
      const sub = result.paragraphs.find((p) => p.text.includes("(a) the device's IMEI"))!;
      expect(sub.text.split("\n")).toHaveLength(4);
      expect(sub.text).toMatch(/\n\(b\) the user's browsing history; and\n\(c\)/);
      const quoted = result.paragraphs.find((p) => p.text.includes("We may share your information"))!;
      expect(quoted.text).toMatch(/TikTok Privacy Policy \(2019\)\.$/);
    });

    it("does not start a ¶ at a wrapped line that begins with a cited ¶ number", () => {
      const citing = result.paragraphs.find((p) => p.text.startsWith("Those transfers are described"))!;
      expect(citing.text).toContain("in paragraph 3. above");
      expect(result.paragraphs.filter((p) => p.label === "3")).toHaveLength(1);
    });

    it("keeps inserted labels (12a) and orders them between whole numbers", () => {
      expect(byLabel(result, "12a").sortKey).toBe(paragraphSortKey("12a"));
      expect(byLabel(result, "12").sortKey).toBeLessThan(byLabel(result, "12a").sortKey);
      expect(byLabel(result, "12a").sortKey).toBeLessThan(byLabel(result, "13").sortKey);
    });

    it("gives each ¶ its heading and, under a COUNT, the count", () => {
      expect(result.paragraphs.map((p) => p.heading)).toEqual(expected.map((e) => e.heading));
      const counted = result.paragraphs.filter((p) => p.count);
      expect(counted.length).toBeGreaterThan(0);
      expect(counted[0]!.count).toEqual({ number: 1, title: "Violation of the Computer Fraud and Abuse Act — (On Behalf of Plaintiffs and the Class)" });
      expect(new Set(counted.map((p) => p.count!.number))).toEqual(new Set([1, 2, 3]));
      expect(result.paragraphs.filter((p) => p.heading === "A. The App Sends Data Abroad").every((p) => p.count === null)).toBe(true);
    });

    it("proposes a kind for each ¶ and DATA_TRANSFER detail from the words", () => {
      expect(result.paragraphs.map((p) => p.proposal.kind)).toEqual(expected.map((e) => e.kind));
      const umeng = result.paragraphs.find((p) => p.text.includes("servers at umeng.com"))!;
      expect(umeng.proposal.dataTransfer).toMatchObject({
        destinationHost: "umeng.com",
        recipientOrg: "Alibaba",
        destinationCountry: "CN",
        observedTo: { date: "2019-04-30", precision: "MONTH" },
        observedFrom: null,
        appPlatform: "ANDROID",
      });
      expect(umeng.proposal.dataTransfer!.dataCategories).toEqual(expect.arrayContaining(["DEVICE_IDENTIFIERS", "BROWSING_HISTORY"]));
    });
  });
}

describe("a complaint written in Word with auto-numbered ¶s", () => {
  it("resolves the numbering, keeps sub-lists in their ¶, leaves footnotes out and has no page or line", async () => {
    const { bytes, expected } = await writeComplaintDocx(model);
    const result = await splitComplaintFile(COMPLAINT_MEDIA_TYPES.docx, bytes);
    expect(result.paragraphs.map((p) => p.label)).toEqual(expected.map((e) => e.label));
    expect(result.paragraphs.map((p) => p.text)).toEqual(expected.map((e) => e.text));
    expect(result.paragraphs.map((p) => p.heading)).toEqual(expected.map((e) => e.heading));
    expect(result.paragraphs.every((p) => p.page === null && p.line === null)).toBe(true);
    expect(result.pages).toBeGreaterThan(0);
    expect(result.paragraphs.map((p) => p.text).join(" ")).not.toContain("on file with counsel");
  });
});

describe("refusals", () => {
  const refusal = async (bytes: Buffer, mediaType: string = COMPLAINT_MEDIA_TYPES.pdf) => {
    const error = await splitComplaintFile(mediaType, bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComplaintFileError);
    return (error as Error).message;
  };

  it("refuses an image-only PDF and says to run OCR first", async () => {
    expect(await refusal(await writeImageOnlyPdf())).toMatch(/no text layer.*run OCR first/);
  });

  it("refuses an encrypted PDF", async () => {
    const doc = new PDFKit({ userPassword: "secret", ownerPassword: "owner" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => doc.on("end", r));
    doc.text("1. A paragraph that nobody can read without the password.");
    doc.end();
    await ended;
    expect(await refusal(Buffer.concat(chunks))).toMatch(/encrypted|password/);
  });

  it("refuses a damaged PDF and a damaged DOCX", async () => {
    const { bytes } = await writeComplaintWithPdfLib(generateComplaint({ paragraphs: 8 }));
    expect(await refusal(bytes.subarray(0, 2000))).toMatch(/damaged/);
    expect(await refusal(Buffer.from("PK\u0003\u0004 not really a zip"), COMPLAINT_MEDIA_TYPES.docx)).toMatch(/damaged/);
  });

  it("refuses a PDF with text but no numbered ¶s", async () => {
    const doc = new PDFKit();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => doc.on("end", r));
    doc.text("A letter to opposing counsel, with no numbered paragraphs at all, only prose that runs on.");
    doc.end();
    await ended;
    expect(await refusal(Buffer.concat(chunks))).toMatch(/No numbered paragraphs/);
  });
});

describe("pin cites", () => {
  it("read as a court cites a complaint", () => {
    expect(complaintPinCite("37", 12, 4)).toBe("Compl. ¶ 37, 12:4");
    expect(complaintPinCite("37a", 12, null)).toBe("Compl. ¶ 37a, at 12");
    expect(complaintPinCite("37.1", null, null)).toBe("Compl. ¶ 37.1");
  });
});
