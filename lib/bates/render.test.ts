import { PDFDocument } from "pdf-lib";
import { extractText, definePDFJSModule, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderSlipSheet, renderTextPdf } from "@/lib/bates/render";

async function texts(bytes: Uint8Array): Promise<string[]> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text;
}

describe("production pages", () => {
  it("sets text as pages, wrapping long lines, starting each source page anew and surviving characters the PDF font lacks", async () => {
    const long = "x".repeat(200);
    const bytes = await renderTextPdf([`Subject: 字节跳动 data\n${long}`, "second source page"]);
    const pages = await texts(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Subject: ???? data");
    expect(pages[1]).toContain("second source page");
    const many = await renderTextPdf([Array.from({ length: 120 }, (_, i) => `line ${i}`).join("\n")]);
    expect((await PDFDocument.load(many)).getPageCount()).toBe(3);
  });

  it("makes a one-page slip sheet naming the Bates number, the file and the legend", async () => {
    const bytes = await renderSlipSheet({ bates: "HONG-000042", fileName: "capture.har", nativePath: "NATIVES/HONG-000042.har", legend: "CONFIDENTIAL" });
    const [page] = await texts(bytes);
    expect(page).toContain("Document produced in native format");
    expect(page).toContain("HONG-000042");
    expect(page).toContain("capture.har");
    expect(page).toContain("CONFIDENTIAL");
  });
});
