import { expect, test } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import yauzl from "yauzl";
import fs from "node:fs/promises";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err ?? new Error("not a zip"));
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
      z.readEntry();
    });
  });
}

const zipEntries = async (zip: Buffer) => [...(await unzip(zip)).keys()];

test("producing a privileged item: the confirm step lists it, warns of waiver citing the 502(d) order, and the log records it", async ({ page }) => {
  test.setTimeout(90_000);
  const matterId = await hongMatterId();
  const order = "Stipulated FRE 502(d) Order, ECF No. 88";
  await sql(`UPDATE "Matter" SET "fre502dOrder" = $1, "protectiveOrder" = $2 WHERE id = $3`, [order, "Stipulated Protective Order, ECF No. 61", matterId]);
  const [memo] = await sql<{ prefix: string; number: number }>(
    `SELECT prefix, number FROM "Exhibit" WHERE "matterId" = $1 AND privilege <> 'NONE' ORDER BY number LIMIT 1`,
    [matterId],
  );
  const [plain] = await sql<{ prefix: string; number: number }>(
    `SELECT prefix, number FROM "Exhibit" WHERE "matterId" = $1 AND privilege = 'NONE' AND confidentiality <> 'PUBLIC' ORDER BY number LIMIT 1`,
    [matterId],
  );
  const label = (e: { prefix: string; number: number }) => `${e.prefix}-${String(e.number).padStart(4, "0")}`;

  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/exhibits/productions`);
  await page.getByLabel("Production name").fill("Plaintiffs' Second Production");
  await page.getByLabel("Produced to").fill("Counsel for ByteDance Inc.");
  await page.getByLabel(`Include ${label(memo!)}`).check();
  await page.getByLabel(`Include ${label(plain!)}`).check();
  await expect(page.getByText(/risks waiver/)).toBeVisible();
  await page.getByLabel("Reason for producing privileged exhibits").fill("Produced under the 502(d) order to settle the dispute over the memo.");
  await page.getByRole("button", { name: /Produce 2 exhibits/ }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("confirm-designated-item")).toHaveCount(2);
  await expect(dialog.getByTestId("confirm-designated-item").filter({ hasText: label(memo!) })).toContainText("Work product");
  await expect(dialog.getByTestId("confirm-waiver")).toContainText("risks waiving the privilege");
  await expect(dialog.getByTestId("confirm-waiver")).toContainText(order);
  await expect(dialog.getByTestId("confirm-protective-order")).toContainText("ECF No. 61");
  await expect(dialog).not.toContainText("waives nothing");
  await screenshot(page, "production-confirm-privileged");

  await dialog.getByRole("button", { name: "Produce, including privileged material" }).click();
  await expect(page.getByText(/Produced “Plaintiffs' Second Production”/)).toBeVisible({ timeout: 30_000 });
  const row = page.getByTestId("production-row").filter({ hasText: "Plaintiffs' Second Production" });
  await expect(row).toContainText("Counsel for ByteDance Inc.");
  await expect(row).toContainText(order);
  await expect(row).toContainText("1 privileged");
  await expect(row.getByTestId("production-zip-sha256")).toBeVisible();
  await screenshot(page, "production-log");

  const downloading = page.waitForEvent("download");
  await page.getByTestId("production-zip").click();
  const names = await zipEntries(await fs.readFile((await (await downloading).path())!));
  expect(names.filter((n) => /^DATA\/VOL\d{3}\.(dat|opt)$/.test(n))).toHaveLength(2);
  expect(names.some((n) => n.startsWith("TEXT/"))).toBe(true);

  const logDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Log as CSV" }).click();
  const csv = await fs.readFile((await (await logDownload).path())!, "utf8");
  expect(csv).toContain("Counsel for ByteDance Inc.");
  expect(csv).toMatch(/audit event #\d+ \(production\.export-log\)/);
});

test("a paralegal sees the same warning and cannot confirm a privileged production", async ({ page }) => {
  const matterId = await hongMatterId();
  const [memo] = await sql<{ prefix: string; number: number }>(
    `SELECT prefix, number FROM "Exhibit" WHERE "matterId" = $1 AND privilege <> 'NONE' ORDER BY number LIMIT 1`,
    [matterId],
  );
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits/productions`);
  await page.getByLabel("Production name").fill("Paralegal try");
  await page.getByLabel(`Include ${memo!.prefix}-${String(memo!.number).padStart(4, "0")}`).check();
  await page.getByRole("button", { name: /Produce 1 exhibit/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("confirm-waiver")).toContainText("Only an attorney can produce privileged exhibits");
  await expect(dialog.getByRole("button", { name: "Produce, including privileged material" })).toBeDisabled();
  await screenshot(page, "production-confirm-paralegal");
});

test("redact an IMEI from a PDF, then produce it: the copy, its text and the redaction log ship, the IMEI does not", async ({ page }) => {
  test.setTimeout(180_000);
  const matterId = await hongMatterId();
  const imei = `35693803${String(Date.now()).slice(-7)}`;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(`Device IMEI ${imei} was sent to alog.umeng.com with the Android ID.`, { x: 72, y: 700, size: 12, font });
  const pdf = Buffer.from(await doc.save());

  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByTestId("exhibit-file-input").setInputFiles([{ name: "imei-capture.pdf", mimeType: "application/pdf", buffer: pdf }]);
  const row = page.locator('[data-testid="upload-row"][data-state="done"]', { hasText: "imei-capture.pdf" });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  const label = (await row.getByRole("link").textContent())!.trim();
  await row.getByRole("link").click();
  await page.getByRole("link", { name: "Redact" }).click();
  await page.getByLabel(/Text to redact/).fill(imei);
  await page.getByLabel("Reason for the terms").selectOption("PII");
  await page.getByRole("button", { name: "Make a redacted copy" }).click();
  // The job makes the copy; the page follows it to the end.
  await expect(page.getByText(/Redaction requested/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="redaction-request"][data-status="DONE"]')).toHaveCount(1, { timeout: 90_000 });
  await expect(page.getByTestId("redacted-copy-row")).toHaveCount(1);
  await expect(page.getByTestId("redacted-copy-row")).toContainText("Personal information, 1 found");
  await screenshot(page, "redaction-page");

  await page.goto(`/matters/${matterId}/exhibits/productions`);
  await page.getByLabel("Production name").fill("Redacted capture");
  await page.getByLabel(`Include ${label}`).check();
  await page.getByRole("button", { name: /Produce 1 exhibit/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Stamp and produce" }).click();
  await expect(page.getByText(/Produced “Redacted capture”/)).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent("download");
  await page.getByTestId("production-zip").click();
  const files = await unzip(await fs.readFile((await (await downloading).path())!));
  const log = files.get("DATA/redaction-log.csv")!.toString();
  expect(log).toContain("Personal information");
  expect(log).not.toContain(imei);
  const text = [...files.entries()].find(([n]) => n.startsWith("TEXT/"))![1].toString();
  expect(text).toContain("alog.umeng.com");
  expect(text).not.toContain(imei);
});
