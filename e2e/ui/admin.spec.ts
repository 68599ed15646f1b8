import { expect, test } from "@playwright/test";
import { screenshot, signIn, USERS } from "../helpers";

test("an administrator creates a staff account and puts it on the Hong team; the new paralegal sees the matter", async ({ page, browser }) => {
  const email = `new-paralegal-${Date.now()}@proofline.test`;
  await signIn(page, USERS.admin);
  await page.getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();

  await page.getByLabel("Name").fill("Riley New");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#new-password-error")).toHaveText(/at least 12 characters/);
  await page.getByLabel("Initial password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`Created ${email}.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Active");

  const hong = page.locator("[data-slot=card]").filter({ hasText: "Hong v. ByteDance Inc." });
  await hong.getByLabel("Member email").fill(email);
  await hong.getByLabel("Role").selectOption("PARALEGAL");
  await hong.getByRole("button", { name: "Add to team" }).click();
  await expect(hong.getByRole("listitem").filter({ hasText: email })).toContainText("Paralegal");
  await screenshot(page, "admin");

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, email, "a-long-enough-password");
  await expect(other.getByRole("link", { name: "Hong v. ByteDance Inc." })).toBeVisible();
  await context.close();
});

test("staff who are not administrators get 404 on administration", async ({ page }) => {
  await signIn(page, USERS.attorney);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
});
