import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { definePDFJSModule, extractText, getDocumentProxy, renderPageAsImage } from "unpdf";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

const SHOTS = "/tmp/shots-redact";

// Region redaction end to end: an attorney draws a rectangle over a line of a PDF on the viewer
// and marks a selected phrase, the job makes the copy, and the copy has the text removed (not
// just covered) and black boxes where it was.
test("draw a region and mark selected text on the viewer; the job's copy has the text removed and blacked out", async ({ page }) => {
  test.setTimeout(240_000);
  const matterId = await hongMatterId();
  const stamp = String(Date.now()).slice(-6);
  const secret = `Privileged advice ${stamp} from outside counsel`;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const one = doc.addPage([612, 792]);
  one.drawText(secret, { x: 72, y: 700, size: 14, font });
  one.drawText("Observed traffic to alog.umeng.com on 2019-04-02.", { x: 72, y: 640, size: 14, font });
  one.drawText(`Phone 555-${stamp.slice(0, 4)} appears in the payload.`, { x: 72, y: 580, size: 14, font });
  const pdf = Buffer.from(await doc.save());

  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByTestId("exhibit-file-input").setInputFiles([{ name: `memo-${stamp}.pdf`, mimeType: "application/pdf", buffer: pdf }]);
  const row = page.locator('[data-testid="upload-row"][data-state="done"]', { hasText: `memo-${stamp}.pdf` });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await row.getByRole("link").click();
  await page.getByRole("link", { name: "Redact" }).click();
  await expect(page.getByTestId("pdf-viewer")).toHaveAttribute("data-state", "ready", { timeout: 30_000 });

  // Drag a rectangle around the first line, as the text layer places it.
  const line = page.locator(".page[data-page-number='1'] .textLayer span", { hasText: "Privileged advice" }).first();
  await expect(line).toBeVisible();
  const box = (await line.boundingBox())!;
  await page.getByLabel("Reason for new regions").selectOption("PRIVILEGE");
  await page.mouse.move(box.x - 4, box.y - 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width + 4, box.y + box.height + 4, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId("region-list").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("region-list")).toContainText("Region 1: page 1");
  await expect(page.locator("[data-redaction-region='1']")).toBeVisible();

  // The other way in: switch drawing off, select the phone number, mark it.
  await page.getByRole("button", { name: "Draw regions" }).click();
  await expect(page.getByRole("button", { name: "Draw regions" })).toHaveAttribute("aria-pressed", "false");
  const phone = page.locator(".page[data-page-number='1'] .textLayer span", { hasText: "Phone 555" }).first();
  await phone.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.getByRole("button", { name: "Mark the selected text" }).click();
  await expect(page.getByTestId("region-list").getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Reason for region 2").selectOption("PII");
  await page.locator(".page[data-page-number='1']").scrollIntoViewIfNeeded();
  await screenshot(page, "redaction-regions-drawn");
  await page.screenshot({ path: `${SHOTS}/regions-drawn.png`, fullPage: true });

  await page.getByRole("button", { name: "Make a redacted copy" }).click();
  await expect(page.getByText(/Redaction requested/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="redaction-request"][data-status="DONE"]').first()).toBeVisible({ timeout: 150_000 });
  const copyRow = page.getByTestId("redacted-copy-row").first();
  await expect(copyRow).toContainText("Region on page 1 — Privilege");
  await expect(copyRow).toContainText("Region on page 1 — Personal information");
  await page.screenshot({ path: `${SHOTS}/request-done.png`, fullPage: true });

  // The copy itself: the text inside the regions is gone from what a reader extracts, the line
  // between them is whole, and the page shows black boxes where the text was.
  const href = (await copyRow.getByRole("link", { name: "Open the copy" }).getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const copy = new Uint8Array(await response.body());
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(copy)), { mergePages: true });
  expect(text).not.toContain("Privileged advice");
  expect(text).not.toContain(stamp);
  expect(text).toContain("Observed traffic to alog.umeng.com on 2019-04-02.");
  const png = await renderPageAsImage(new Uint8Array(copy), 1, { canvasImport: () => import("@napi-rs/canvas"), scale: 1 });
  await fs.writeFile(`${SHOTS}/redacted-copy-page-1.png`, Buffer.from(png));
});
