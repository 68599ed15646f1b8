import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { generateCaptureText } from "../../lib/analyzer/har/generate-capture";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

test("upload a capture, watch the analysis finish, accept a suggestion, dismiss another", async ({ page }) => {
  test.setTimeout(120_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  // Starts an hour later than the demo capture, so its bytes (and exhibit) are its own.
  const capture = Buffer.from(generateCaptureText({ entries: 30, start: new Date("2019-04-05T09:00:00Z") }));
  await page.getByTestId("exhibit-file-input").setInputFiles([{ name: "tester-phone.har", mimeType: "application/json", buffer: capture }]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(1);
  await page.locator('[data-testid="upload-row"]').getByRole("link").click();
  await expect(page.getByTestId("capture-analysis")).toBeVisible();

  // The analysis runs in the background job queue.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("observations")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("observations")).toContainText("alog.umeng.com");
  await expect(page.getByTestId("observations")).toContainText("registered in CN");
  // A paralegal sees matched values masked.
  await expect(page.getByTestId("observations")).toContainText("861•••••••••127");
  await screenshot(page, "capture-analysis");

  const suggestions = page.getByTestId("suggestions");
  const umengRow = suggestions.getByRole("row").filter({ hasText: "alog.umeng.com" }).first();
  const cite = (await umengRow.getByRole("cell").nth(3).textContent())!.trim();
  expect(cite).toMatch(/^PX-\d{4}, entry \d+, request body /);
  await umengRow.getByRole("button", { name: /^Accept/ }).click();
  await expect(page.getByText("Linked as supporting evidence.")).toBeVisible();
  await page.reload();
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Allegations it is linked to" }) })).toContainText(cite);

  const buglyRow = page.getByTestId("suggestions").getByRole("row").filter({ hasText: "android.bugly.qq.com" }).first();
  await buglyRow.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Say why" })).toBeVisible();
  await buglyRow.getByLabel(/Reason for dismissing/).fill("Crash report from the tester's own debug build.");
  await buglyRow.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(page.getByText("Suggestion dismissed.")).toBeVisible();
  await screenshot(page, "capture-suggestions-decided");

  // This capture's decisions (other specs decide the demo's own suggestions).
  const sha256 = createHash("sha256").update(capture).digest("hex");
  const [decisions] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "SuggestionDecision" WHERE "matterId" = $1 AND "exhibitSha256" = $2`, [matterId, sha256]);
  expect(Number(decisions!.n)).toBe(2);

  // Possible new allegations: a draft prefilled from the capture.
  await page.getByTestId("possible-allegations").getByRole("row").filter({ hasText: "igexin.com" }).getByRole("link", { name: "Draft allegation" }).click();
  await expect(page.getByLabel(/Destination host/)).toHaveValue("igexin.com");
  await screenshot(page, "capture-draft-allegation");
});
