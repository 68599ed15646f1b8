import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hongMatterId, signIn, sql, USERS } from "../helpers";

const SHOTS = process.env.CHRONOLOGY_SHOTS ?? "test-results/screens";
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const downloading = page.waitForEvent("download");
  await click();
  const d = await downloading;
  return { name: d.suggestedFilename(), body: await fs.readFile((await d.path())!) };
}

// The first page of a generated PDF as a PNG, drawn by PDF.js inside Chromium, to look at.
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
  await page.locator("#c").screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.close();
}

// A paralegal builds the demo matter's chronology: the seeded facts are there (one unsupported),
// a fact is added by hand with its pin cite, the captures become one fact per destination and day
// (twice: nothing new the second time), the filters narrow the table, and the CSV and PDF download.
test("build and export a chronology", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const matterId = await hongMatterId();
  const stamp = Date.now().toString(36);
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}`);
  await page.getByRole("navigation", { name: "Matter sections" }).getByRole("link", { name: "Chronology" }).click();
  await expect(page.getByRole("heading", { name: "Chronology", level: 1 })).toBeVisible();
  const rows = page.getByTestId("chronology-row");
  await expect(rows.filter({ hasText: "Complaint filed" })).toContainText("November 27, 2019");
  await expect(rows.filter({ hasText: "discovers that TikTok created an account" }).getByText("Unsupported")).toBeVisible();
  await expect(page.getByTestId("chronology-timeline")).toBeVisible();

  // By hand, with a pin cite into the news report.
  const [report] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 AND "originalFilename" = 'news-report-illustrative.pdf'`, [matterId]);
  const form = page.getByRole("form", { name: "Add fact" });
  await form.getByLabel("Known to the").selectOption("MONTH");
  await form.getByLabel("Date (or start)").fill("2019-06");
  await form.getByRole("textbox", { name: "Fact", exact: true }).fill(`Press reports on the transfers (${stamp})`);
  await form.getByLabel("Source exhibit").selectOption(report!.id);
  await form.getByLabel("Page (pin cite)").fill("1");
  await form.getByLabel("Tags").fill(`press, e2e-${stamp}`);
  await form.getByRole("button", { name: "Add fact" }).click();
  await expect(form.getByRole("status")).toHaveText("Fact added.");
  const mine = rows.filter({ hasText: `Press reports on the transfers (${stamp})` });
  await expect(mine).toContainText("June 2019");
  await expect(mine.getByRole("link", { name: /^PX-\d{4} at 1$/ })).toHaveAttribute("href", `/matters/${matterId}/exhibits/${report!.id}?page=1`);
  // A refused submit names the field and keeps what was typed.
  await form.getByLabel("Known to the").selectOption("DAY");
  await form.getByLabel("Date (or start)").fill("2019-06");
  await form.getByRole("textbox", { name: "Fact", exact: true }).fill("Half a date");
  await form.getByRole("button", { name: "Add fact" }).click();
  await expect(form.getByText("A date known to the day needs YYYY-MM-DD").first()).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Fact", exact: true })).toHaveValue("Half a date");

  // The demo captures are analysed by the job worker at start-up.
  await expect(async () => {
    const [done] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "CaptureAnalysis" WHERE "matterId" = $1 AND status = 'DONE'`, [matterId]);
    expect(Number(done!.n)).toBeGreaterThan(0);
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Build from captures" }).click();
  await expect(page.getByText(/^Built from captures: \d+ new facts?/)).toBeVisible();
  await page.reload();
  const captureRows = rows.filter({ hasText: /requests? from the app to umeng\.com/ });
  await expect(captureRows.first()).toBeVisible();
  await expect(captureRows.first().getByRole("link", { name: /^PX-\d{4} entr(y|ies) \d+/ }).first()).toHaveAttribute("href", /\/exhibits\/[0-9a-f-]{36}#entry-\d+$/);
  const [built] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ChronologyFact" WHERE "matterId" = $1 AND "generatedKey" LIKE 'capture:%'`, [matterId]);
  await page.getByRole("button", { name: "Build from captures" }).click();
  await expect(page.getByText(/^Built from captures: 0 new facts, \d+ already in the chronology\./)).toBeVisible();
  const [again] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ChronologyFact" WHERE "matterId" = $1 AND "generatedKey" LIKE 'capture:%'`, [matterId]);
  expect(again!.n).toBe(built!.n);
  await shot(page, "chronology-page");

  // Filters: captures only; then the hand-made fact by its tag.
  await page.locator("#f-source").selectOption("CAPTURE");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/source=CAPTURE/);
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toMatch(/requests? from the app to/);
  await shot(page, "chronology-filtered-captures");
  await page.goto(`/matters/${matterId}/chronology?tag=${encodeURIComponent(`e2e-${stamp}`)}`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/matters/${matterId}/chronology?unsupported=yes`);
  for (const text of await rows.allTextContents()) expect(text).toContain("Unsupported");

  // Exports, with the page's filters, each naming its audit event.
  await page.goto(`/matters/${matterId}/chronology`);
  const csv = await download(page, () => page.getByRole("link", { name: "CSV" }).click());
  expect(csv.name).toBe("hong-v-bytedance-chronology.csv");
  const text = csv.body.toString("utf8");
  expect(text).toContain("Date,Start,End,Precision,Fact,Sources");
  expect(text).toContain(`Press reports on the transfers (${stamp})`);
  expect(text).toMatch(/Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC by Proofline from recorded data only; recorded as audit event #\d+\./);
  const pdf = await download(page, () => page.getByRole("link", { name: "PDF", exact: true }).click());
  expect(pdf.name).toBe("hong-v-bytedance-chronology.pdf");
  expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
  await renderPdf(browser, pdf.body, "chronology-pdf");
  const exports = await sql<{ details: { format: string } }>(`SELECT details FROM "AuditEvent" WHERE "matterId" = $1 AND action = 'chronology.export' ORDER BY id DESC LIMIT 2`, [matterId]);
  expect(exports.map((e) => e.details.format).sort()).toEqual(["csv", "pdf"]);

  // Edit: the other side disputes it.
  await page.getByRole("row").filter({ hasText: `Press reports on the transfers (${stamp})` }).getByRole("link", { name: /^Edit/ }).click();
  await expect(page).toHaveURL(/\/edit$/);
  // Under load the client navigation may still be committing: a tick given to the first render of
  // the form was seen to vanish when React rendered it again. So the form is filled until what was
  // filled holds. (Not "networkidle": Next's prefetches keep the network busy.)
  const disputed = page.getByLabel("The other side disputes this fact");
  await expect(async () => {
    await disputed.check();
    await page.getByLabel("Disputed by").fill("Defendant");
    await page.getByLabel("Why it is disputed").fill("Says the report misread the filing");
    await expect(disputed).toBeChecked({ timeout: 1_000 });
    await expect(page.getByLabel("Disputed by")).toHaveValue("Defendant", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await shot(page, "chronology-edit");
  await expect(disputed).toBeChecked();
  await page.getByRole("button", { name: "Save fact" }).click();
  await expect(page).toHaveURL(/saved=1/);
  await expect(mine.getByText("Disputed", { exact: true })).toBeVisible();
  await expect(mine).toContainText("Defendant: Says the report misread the filing");

  // Its proof: the exhibit viewer at the pin cite page.
  await mine.getByRole("link", { name: /^PX-\d{4} at 1$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/exhibits/${report!.id}\\?page=1`));
});
