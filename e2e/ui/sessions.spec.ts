import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, signIn, sql, USERS } from "../helpers";

// Each test gets its own staff account (with the demo password): these tests sign out, change
// passwords and get throttled, which must not touch the accounts other specs use.
async function staffAccount(): Promise<string> {
  const email = `sessions-${randomBytes(4).toString("hex")}@proofline.test`;
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT gen_random_uuid(), $1, 'Sam Session', "passwordHash", 'STAFF', now() FROM "User" WHERE email = $2`,
    [email, USERS.admin],
  );
  return email;
}

// A second browser holding a copy of the first one's session cookie (a stolen or synced cookie).
async function copySession(from: Page, browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await from.context().cookies());
  return context.newPage();
}

async function openUserMenuItem(page: Page, item: string) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

test("a copied session cookie stops working when its owner signs out", async ({ page, browser }) => {
  const email = await staffAccount();
  await signIn(page, email);
  const copy = await copySession(page, browser);
  await copy.goto("/matters");
  await expect(copy.getByRole("heading", { name: "Matters", level: 1 })).toBeVisible();

  await openUserMenuItem(page, "Sign out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await copy.goto("/matters");
  await expect(copy).toHaveURL(/\/sign-in/);
  await copy.context().close();
});

test("changing the password keeps this browser signed in and signs every other one out", async ({ page, browser }) => {
  const email = await staffAccount();
  await signIn(page, email);
  const other = await copySession(page, browser);

  await openUserMenuItem(page, "Your account");
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("a-new-password-for-e2e");
  await page.getByLabel("New password again").fill("a-new-password-for-e2e");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-password-error")).toHaveText(/not your current password/);

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("a-new-password-for-e2e");
  await page.getByLabel("New password again").fill("a-new-password-for-e2e");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. You were signed out everywhere else.")).toBeVisible();

  await page.goto("/matters");
  await expect(page.getByRole("heading", { name: "Matters", level: 1 })).toBeVisible();
  await other.goto("/matters");
  await expect(other).toHaveURL(/\/sign-in/);
  await signIn(other, email, "a-new-password-for-e2e");
  await other.context().close();
});

test("after 10 wrong passwords even the right one is refused, with when to try again", async ({ page }) => {
  const email = await staffAccount();
  await page.goto("/sign-in");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form re-renders after each answer; wait for this attempt to be counted before the next.
    await expect.poll(async () => (await sql<{ count: number }>(`SELECT count FROM "RateLimit" WHERE key = $1`, [`sign-in:email:${email}`]))[0]?.count).toBe(i + 1);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many sign-in attempts. Try again in 15 minutes.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
