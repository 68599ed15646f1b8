import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { definePDFJSModule, extractText, getDocumentProxy } from "unpdf";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

async function pdfText(bytes: Buffer): Promise<string[]> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text;
}

// Renders a generated PDF's first page to a PNG with PDF.js inside Chromium (no PDF tools on the
// machine), so the paper itself can be looked at beside the page screenshots.
async function renderPdf(browser: Browser, bytes: Buffer, name: string) {
  const page = await browser.newPage();
  const pdfjs = await fs.readFile(path.resolve("node_modules/unpdf/dist/pdfjs.mjs"));
  await page.route("http://render.invalid/**", (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/pdfjs.mjs") return route.fulfill({ body: pdfjs, contentType: "text/javascript" });
    if (url.pathname === "/paper.pdf") return route.fulfill({ body: bytes, contentType: "application/octet-stream" });
    return route.fulfill({ body: "<!doctype html><body style='margin:0;background:#fff'><canvas id=c></canvas></body>", contentType: "text/html" });
  });
  await page.goto("http://render.invalid/");
  await page.evaluate(async () => {
    const { getDocument } = await import("http://render.invalid/pdfjs.mjs" as string);
    const data = new Uint8Array(await (await fetch("/paper.pdf")).arrayBuffer());
    const doc = await getDocument({ data, isEvalSupported: false }).promise;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.5 });
    const canvas = document.getElementById("c") as HTMLCanvasElement;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await first.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
  });
  await page.locator("#c").screenshot({ path: `test-results/screens/${name}.png` });
  await page.close();
}

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const downloading = page.waitForEvent("download");
  await click();
  return fs.readFile((await (await downloading).path())!);
}

test("matter settings feed the AO 187 header; the exhibit list leaves a privileged memo out unless an attorney puts it on", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.attorney);

  // A privileged memo, designated through the UI.
  const memoTitle = `Counsel strategy memo ${Date.now()}`;
  const uploaded = await page.request.post(`/api/v1/matters/${matterId}/exhibits`, {
    data: Buffer.from(`${memoTitle}\nOur theory of Count III is weak on damages.\n`),
    headers: { "Content-Type": "application/octet-stream", "X-File-Name": "strategy-memo.txt" },
  });
  expect(uploaded.status()).toBeLessThan(300);
  const memo = ((await uploaded.json()) as { exhibit: { id: string; label: string } }).exhibit;
  // Extraction finishing changes the exhibit's version; edit after it, as a person would.
  await expect(async () => {
    await page.goto(`/matters/${matterId}/exhibits/${memo.id}`);
    await expect(page.getByText("Text extracted")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(memoTitle);
  await page.getByRole("button", { name: "Save metadata" }).click();
  await expect(page.getByText("Metadata saved.")).toBeVisible();
  // The 902(14) draft warns that collection facts were never recorded.
  await expect(page.getByTestId("certification-gaps")).toContainText("date collected and collected by");
  await screenshot(page, "papers-exhibit-certification-warning");
  const certification = await download(page, () => page.getByRole("link", { name: /FRE 902\(14\) draft PDF/ }).click());
  const certText = (await pdfText(certification)).join("\n");
  expect(certText).toContain("NOT READY TO SIGN");
  expect(certText).toContain("__________");
  await renderPdf(browser, certification, "papers-certification-pdf");
  const docx = await download(page, () => page.getByRole("link", { name: /Editable DOCX/ }).click());
  expect(docx.subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("button", { name: "Change designation" }).click();
  await page.getByRole("combobox", { name: "Privilege", exact: true }).selectOption("WORK_PRODUCT");
  await page.getByLabel("Basis for the privilege claim").fill("Prepared by counsel in anticipation of litigation");
  await page.getByLabel("Reason for the change").fill("Counsel's own analysis");
  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page.getByRole("main").getByText("Prepared by counsel in anticipation of litigation", { exact: true })).toBeVisible();

  // Matter settings, reached from the matter navigation.
  await page.getByRole("navigation", { name: "Matter sections" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Matter settings", level: 1 })).toBeVisible();
  await page.getByLabel("Presiding judge").fill("Hon. Ada Judge");
  await page.getByLabel("Plaintiff's attorneys").fill("Pat Plaintiff-Lawyer, Roe & Poe LLP");
  await page.getByLabel("Trial date").fill("2027-03-01");
  await page.getByLabel("FRE 502(d) order or clawback agreement").fill("Stipulated FRE 502(d) Order, ECF No. 45");
  await page.getByRole("button", { name: "Save matter details" }).click();
  await expect(page.getByText("Matter details saved.")).toBeVisible();
  await screenshot(page, "papers-matter-settings");

  // The list: the memo starts unticked; order can be changed with the keyboard-reachable buttons.
  await page.goto(`/matters/${matterId}/reports/exhibit-list`);
  await expect(page.getByRole("heading", { name: "Exhibit list (AO 187)", level: 1 })).toBeVisible();
  await expect(page.getByTestId("header-gaps")).toContainText("defendant's attorneys");
  const memoBox = page.getByLabel(`Put ${memo.label} on the list`);
  await expect(memoBox).not.toBeChecked();
  await expect(page.getByLabel("Put PX-0001 on the list")).toBeChecked();
  await page.getByRole("button", { name: "Move PX-0002 up" }).click();
  await expect(page.getByTestId("list-row").first()).toHaveAttribute("data-exhibit", "PX-0002");
  await screenshot(page, "papers-exhibit-list-builder");

  const list = await download(page, () => page.getByTestId("exhibit-list-pdf").click());
  const pages = await pdfText(list);
  const text = pages.join("\n");
  expect(text).not.toContain(memoTitle);
  expect(text).not.toContain("Count III");
  expect(text).toContain("Hon. Ada Judge");
  expect(text).toContain("2027-03-01");
  expect(text.indexOf("PX-0002")).toBeLessThan(text.indexOf("PX-0001"));
  pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  expect(text).toMatch(/audit event #\d+/);
  await renderPdf(browser, list, "papers-exhibit-list-pdf");

  // An attorney may put it on, and is warned what that prints.
  await memoBox.check();
  await expect(page.getByText(/Privileged exhibits are on this list/)).toBeVisible();
  const withMemo = (await pdfText(await download(page, () => page.getByTestId("exhibit-list-pdf").click()))).join("\n");
  expect(withMemo).toContain(memoTitle);
  await screenshot(page, "papers-exhibit-list-privileged-chosen");

  const log = await download(page, async () => {
    await page.goto(`/matters/${matterId}/reports`);
    await page.getByRole("link", { name: "Privilege log PDF" }).click();
  });
  expect((await pdfText(log)).join("\n")).toContain(memo.label);
  await renderPdf(browser, log, "papers-privilege-log-pdf");
});

test("a paralegal sees the matter details read-only and cannot put a privileged exhibit on the list", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  const uploaded = await page.request.post(`/api/v1/matters/${matterId}/exhibits`, {
    data: Buffer.from(`Advice memo ${Date.now()}\n`),
    headers: { "Content-Type": "application/octet-stream", "X-File-Name": "advice-memo.txt" },
  });
  const { id } = ((await uploaded.json()) as { exhibit: { id: string } }).exhibit;
  // Designating is an attorney's step (covered above); here it is only the setting.
  await sql(`UPDATE "Exhibit" SET privilege = 'ATTORNEY_CLIENT', "privilegeBasis" = 'Advice' WHERE id = $1`, [id]);

  await page.goto(`/matters/${matterId}/settings`);
  await expect(page.getByText("Only an attorney on this matter can change these details.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save matter details" })).toHaveCount(0);
  await screenshot(page, "papers-matter-settings-paralegal");

  await page.goto(`/matters/${matterId}/reports/exhibit-list`);
  const locked = page.locator('[data-testid="list-row"]', { hasText: "Left out: only an attorney" });
  await expect(locked.first()).toBeVisible();
  await expect(locked.first().getByRole("checkbox")).toBeDisabled();
  await screenshot(page, "papers-exhibit-list-paralegal");
});
