import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import yauzl from "yauzl";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText("Expert report, cover page", { x: 72, y: 700, size: 14, font });
  doc.addPage([612, 792]).drawText("The capture shows a persistent zebra fingerprint sent to alog.umeng.com", { x: 72, y: 700, size: 12, font });
  return Buffer.from(await doc.save());
}

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err ?? new Error("not a zip"));
      z.readEntry();
      z.on("entry", (entry: yauzl.Entry) => {
        z.openReadStream(entry, (e, s) => {
          if (e || !s) return reject(e ?? new Error("unreadable entry"));
          const parts: Buffer[] = [];
          s.on("data", (p: Buffer) => parts.push(p));
          s.on("end", () => {
            files.set(entry.fileName, Buffer.concat(parts));
            z.readEntry();
          });
        });
      });
      z.on("end", () => resolve(files));
    });
  });
}

test("upload two files with progress, find a phrase on its PDF page, produce a Bates-stamped set", async ({ page }) => {
  test.setTimeout(120_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/exhibits`);
  await expect(page.getByRole("heading", { name: "Exhibits", level: 1 })).toBeVisible();

  const pdf = await twoPagePdf();
  await page.getByTestId("exhibit-file-input").setInputFiles([
    { name: "expert-report.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "analyst notes.txt", mimeType: "text/plain", buffer: Buffer.from(`Notes ${Date.now()}: Igexin SDK present in build 10.2.3\n`) },
  ]);
  const rows = page.getByTestId("upload-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByRole("progressbar")).toBeVisible();
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(2);
  await screenshot(page, "exhibits-uploaded");
  const pdfRow = page.locator('[data-testid="upload-row"]', { hasText: "expert-report.pdf" });
  const label = (await pdfRow.getByRole("link").textContent())!.trim();
  expect(label).toMatch(/^PX-\d{4}$/);

  // Text extraction runs in the background job queue; search once it is done.
  await expect(async () => {
    await page.goto(`/matters/${matterId}/exhibits?q=${encodeURIComponent('"zebra fingerprint"')}`);
    await expect(page.getByTestId("search-hit")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  const hit = page.getByTestId("search-hit");
  await expect(hit).toContainText(label);
  await expect(hit.getByTestId("hit-page")).toHaveText("page 2");
  await expect(hit.locator("mark").first()).toHaveText("zebra");
  await screenshot(page, "exhibits-search");

  await hit.getByRole("link", { name: label }).click();
  await expect(page.getByTestId("exhibit-sha256")).toContainText(sha256(pdf));
  await expect(page.getByTestId("custody-log")).toContainText("Uploaded");
  await screenshot(page, "exhibit-page");

  await page.goto(`/matters/${matterId}/exhibits/productions`);
  await page.getByLabel("Production name").fill("Plaintiffs' First Production");
  await page.getByLabel(`Include ${label}`).check();
  await page.getByRole("button", { name: /Produce 1 exhibit/ }).click();
  await page.getByRole("button", { name: "Stamp and produce" }).click();
  await expect(page.getByText(/Produced “Plaintiffs' First Production”/)).toBeVisible();
  await screenshot(page, "exhibits-production");

  const downloading = page.waitForEvent("download");
  await page.getByTestId("production-zip").click();
  const download = await downloading;
  const files = await unzip(await fs.readFile((await download.path())!));
  const names = [...files.keys()].sort();
  expect(names).toContain("DATA/loadfile.csv");
  expect(names).toContain("DATA/manifest.json");
  expect(names).toContain("SHA256SUMS.txt");
  const images = names.filter((n) => n.startsWith("IMAGES/"));
  expect(images).toHaveLength(1);
  const manifest = JSON.parse(files.get("DATA/manifest.json")!.toString()) as {
    bates: { begin: string; end: string };
    items: { exhibit: string; original: { sha256: string }; files: { path: string; sha256: string }[] }[];
  };
  expect(manifest.items[0]!.exhibit).toBe(label);
  expect(manifest.items[0]!.original.sha256).toBe(sha256(pdf));
  for (const file of manifest.items[0]!.files) expect(sha256(files.get(file.path)!)).toBe(file.sha256);
  const [begin, end] = [Number(manifest.bates.begin.split("-")[1]), Number(manifest.bates.end.split("-")[1])];
  expect(end - begin + 1).toBe(2);
  expect((await PDFDocument.load(files.get(images[0]!)!)).getPageCount()).toBe(2);
});

test("a non-member gets 404 on the exhibits, a file and an export", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.outsider);
  const response = await page.goto(`/matters/${matterId}/exhibits`);
  expect(response?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/matters/${matterId}/exhibits/exports/privilege-log.csv`)).status()).toBe(404);
  await screenshot(page, "exhibits-outsider-404");
});

// Uploads are answered before Next.js by the production web server (scripts/web-server.ts):
// the same refusals, each a clear JSON answer rather than a reset connection, and nothing stored.
test("the upload endpoint refuses the signed-out, non-members and disguised files with a clear answer", async ({ page, browser, playwright }) => {
  const matterId = await hongMatterId();
  const url = `/api/v1/matters/${matterId}/exhibits`;
  const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64 * 1024, 7)]);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await anonymous.post(url, { data: exe, headers: { "Content-Type": "application/octet-stream", "X-File-Name": "report.pdf" } });
  expect(signedOut.status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, USERS.outsider);
  const outsider = await page.request.post(url, { data: Buffer.from("%PDF-1.4 nothing\n"), headers: { "Content-Type": "application/pdf", "X-File-Name": "a.pdf" } });
  expect(outsider.status()).toBe(404);

  const attorney = await (await browser.newContext()).newPage();
  await signIn(attorney, USERS.attorney);
  const disguised = await attorney.request.post(url, { data: exe, headers: { "Content-Type": "application/pdf", "X-File-Name": encodeURIComponent("report.pdf") } });
  expect(disguised.status()).toBeGreaterThanOrEqual(400);
  expect(disguised.status()).toBeLessThan(500);
  expect(((await disguised.json()) as { error: { message: string } }).error.message).toMatch(/PDF|type|allowed/i);
  const listed = await attorney.goto(`/matters/${matterId}/exhibits`);
  expect(listed?.status()).toBe(200);
  await expect(attorney.getByText("report.pdf", { exact: true })).toHaveCount(0);
});
