import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import yazl from "yazl";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

test.describe.configure({ timeout: 120_000 });

function zipOf(entries: { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.bytes, e.name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
}

const eml = (marker: string) =>
  Buffer.from(
    [
      "From: Alice Analyst <alice@example.com>",
      "To: Bob Counsel <bob@example.com>",
      `Subject: Capture results ${marker}`,
      "Date: Tue, 09 Apr 2019 10:00:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Attached.",
      "--b1",
      'Content-Type: text/plain; name="log.txt"',
      'Content-Disposition: attachment; filename="log.txt"',
      "",
      `bugly.qq.com request log ${marker}`,
      "--b1--",
      "",
    ].join("\r\n"),
  );

// Issue 10 item 8: a ZIP with a load file goes in; the batch page shows its progress, the
// family, and a downloadable failure report.
test("a paralegal takes in a ZIP with a load file; progress, an e-mail family and the failure report", async ({ page }) => {
  const matterId = await hongMatterId();
  const marker = `zq${randomUUID().slice(0, 8)}`;
  const zip = await zipOf([
    { name: "Mail/0001.eml", bytes: eml(marker) },
    { name: "Docs/summary.txt", bytes: Buffer.from(`Summary ${marker}: umeng.com traffic\n`) },
    { name: "Docs/tool.exe", bytes: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), Buffer.alloc(64, 1)]) },
  ]);
  const loadFile = `Path,Title,Custodian,Date Obtained\nDocs/summary.txt,Summary of the ${marker} capture,Dr. Dana Lee,2019-04-12\n`;

  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByRole("link", { name: "Bulk intake" }).click();
  await expect(page.getByRole("heading", { name: "Bulk intake" })).toBeVisible();
  await page.getByRole("button", { name: "Start intake" }).click();
  await expect(page.locator("#archive-error")).toContainText("Choose the ZIP archive");
  await page.getByLabel("ZIP archive").setInputFiles({ name: `collection-${marker}.zip`, mimeType: "application/zip", buffer: zip });
  await page.getByLabel("Load file (CSV)").setInputFiles({ name: "loadfile.csv", mimeType: "text/csv", buffer: Buffer.from(loadFile) });
  await screenshot(page, "intake-form");
  await page.getByRole("button", { name: "Start intake" }).click();

  await expect(page).toHaveURL(/\/exhibits\/intake\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("intake-status")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await expect(page.getByTestId("count-committed")).toHaveText("3");
  await expect(page.getByTestId("count-failed")).toHaveText("1");
  await expect(page.getByTestId("failure-row")).toContainText("Docs/tool.exe");
  await screenshot(page, "intake-batch-done");

  const download = await page.request.get((await page.getByTestId("failure-report").getAttribute("href"))!);
  expect(download.status()).toBe(200);
  const csv = await download.text();
  expect(csv).toMatch(/^\uFEFF?Name,Reason\r\nDocs\/tool\.exe,/);

  const rows = await sql<{ number: number; title: string; parent: number | null; custodian: string | null }>(
    `SELECT e.number, e.title, p.number AS parent, e.custodian FROM "Exhibit" e LEFT JOIN "Exhibit" p ON p.id = e."parentExhibitId"
      WHERE e."matterId" = $1 AND (e.title LIKE $2 OR p.title LIKE $2) ORDER BY e.number`,
    [matterId, `%${marker}%`],
  );
  expect(rows).toHaveLength(3);
  const mail = rows.find((r) => r.title === `Capture results ${marker}`)!;
  expect(rows.find((r) => r.parent === mail.number)?.number).toBe(mail.number + 1);
  expect(rows.find((r) => r.title === `Summary of the ${marker} capture`)?.custodian).toBe("Dr. Dana Lee");

  await page.getByRole("link", { name: "Bulk intake" }).click();
  await expect(page.getByTestId("intake-batch-row").first()).toContainText(`collection-${marker}.zip`);
  await screenshot(page, "intake-list");
});
