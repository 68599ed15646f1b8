import fs from "node:fs";
import { expect as baseExpect, test } from "@playwright/test";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

// The shared CI machine can be slow to render the exhibit page; waits are generous, not counted on.
const expect = baseExpect.configure({ timeout: 45_000 });

test("accept an SDK suggestion on the demo APK, then download its FRE 902(13) draft and methodology appendix", async ({ page }) => {
  test.setTimeout(360_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByRole("row").filter({ hasText: "App package of the test app (generated)" }).first().getByRole("link", { name: /^PX-\d{4}$/ }).click();
  await expect(page.getByTestId("apk-analysis")).toBeVisible();

  // The seeded package is analysed by the background job queue.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("sdk-suggestions")).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 150_000 });
  const section = page.getByTestId("apk-analysis");
  await expect(section).toContainText("not proof that it ran");
  await screenshot(page, "apk-sdk-suggestions");

  // ¶ 7 of the Hong complaint: Baidu code embedded in the app.
  const baiduRow = page.getByTestId("sdk-suggestions").getByRole("row").filter({ hasText: "¶ 7" }).first();
  const cite = (await baiduRow.getByRole("cell").nth(2).textContent())!.trim();
  expect(cite).toMatch(/^PX-\d{4}, classes\d*\.dex, com\.baidu\.android\.pushservice\.\w+$/);
  await baiduRow.getByRole("button", { name: /^Accept/ }).click();
  await expect(page.getByText("Linked as supporting evidence (code present in the package).")).toBeVisible();
  await page.reload();
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Allegations it is linked to" }) })).toContainText(cite);
  await expect(page.getByTestId("sdk-suggestions-decided")).toContainText("1 accepted");

  // Analyse again is offered for the package.
  await expect(section.getByRole("button", { name: "Analyse again" })).toBeVisible();

  const pdf = page.waitForEvent("download");
  await page.getByTestId("fre-902-13-pdf").click();
  const certification = await pdf;
  expect(certification.suggestedFilename()).toMatch(/fre-902-13-certification\.pdf$/);
  const certBytes = fs.readFileSync((await certification.path())!);
  expect(certBytes.subarray(0, 5).toString()).toBe("%PDF-");

  const appendixDownload = page.waitForEvent("download");
  await page.getByTestId("methodology-pdf").click();
  const appendix = await appendixDownload;
  expect(appendix.suggestedFilename()).toMatch(/methodology-appendix\.pdf$/);
  expect(fs.readFileSync((await appendix.path())!).subarray(0, 5).toString()).toBe("%PDF-");

  // The custody log names both papers.
  await page.reload();
  await expect(page.getByTestId("custody-log")).toContainText("Certified (FRE 902(13))");
  await expect(page.getByTestId("custody-log")).toContainText("Methodology appendix generated");
  await screenshot(page, "apk-after-accept");

  // The allegation's status follows from the new link.
  await page.goto(`/matters/${matterId}/allegations`);
  await expect(page.getByRole("row").filter({ hasText: "Source code from Baidu" }).first()).toContainText(/Supported/i);
});

test("a paralegal does not get the FRE 902(13) draft", async ({ page }) => {
  test.setTimeout(180_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByRole("row").filter({ hasText: "App package of the test app (generated)" }).first().getByRole("link", { name: /^PX-\d{4}$/ }).click();
  await expect(page.getByTestId("apk-analysis")).toBeVisible();
  await expect(page.getByTestId("fre-902-13-pdf")).toHaveCount(0);
  const analysisId = "00000000-0000-4000-8000-000000000000";
  const response = await page.request.get(`/api/v1/matters/${matterId}/analyses/${analysisId}/certification-902-13.pdf`);
  expect(response.status()).toBe(403);
});
