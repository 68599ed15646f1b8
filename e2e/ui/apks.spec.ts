import { expect, test } from "@playwright/test";
import { buildApk } from "../../lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "../../lib/analyzer/apk/testing/demo-apk";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

test("upload an APK, watch its analysis finish: package, signer, SDKs with classes and hosts, labelled as code present", async ({ page }) => {
  test.setTimeout(120_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  const apk = await buildApk({ ...demoApkSpec(), extra: [{ name: "res/raw/e2e.txt", data: Buffer.from(`e2e ${Date.now()}\n`) }] });
  await page.getByTestId("exhibit-file-input").setInputFiles([{ name: "tiktoklike.apk", mimeType: "application/vnd.android.package-archive", buffer: apk }]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(1);
  await page.locator('[data-testid="upload-row"]').getByRole("link").click();
  const section = page.getByTestId("apk-analysis");
  await expect(section).toContainText("Code present in the package — not proof that it ran");

  // The analysis runs in the background job queue.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("apk-sdks")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(section).toContainText("com.example.tiktoklike");
  await expect(section).toContainText("unsigned");
  await expect(page.getByTestId("apk-sdks")).toContainText("com.tencent.bugly.crashreport.CrashReport");
  await expect(page.getByTestId("apk-sdks")).toContainText("android.bugly.qq.com");
  await expect(page.getByTestId("apk-permissions")).toContainText("android.permission.");
  await screenshot(page, "apk-analysis");
});
