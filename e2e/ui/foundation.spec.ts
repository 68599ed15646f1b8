import { expect, test } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

test.describe("signed-out visitors", () => {
  test("are sent to sign-in and come back to the page they asked for", async ({ page }) => {
    const matterId = await hongMatterId();
    await page.goto(`/matters/${matterId}/plaintiffs`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await screenshot(page, "sign-in");
    await page.getByLabel("Email").fill(USERS.paralegal);
    await page.getByLabel("Password").fill("proofline-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/matters/${matterId}/plaintiffs$`));
    await expect(page.getByRole("heading", { name: "Plaintiffs", level: 1 })).toBeVisible();
  });

  test("a failed sign-in says so without saying which half was wrong", async ({ page }) => {
    const messages: string[] = [];
    const attempts: [string, string][] = [
      [USERS.paralegal, "wrong-password"],
      ["nobody@proofline.test", "proofline-demo"],
    ];
    for (const [email, password] of attempts) {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Could not sign in" });
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages[0]).toBe(messages[1]);
    await expect(page.getByLabel("Email")).toHaveValue("nobody@proofline.test");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test("a paralegal adds a plaintiff: a bad field is refused beside the field, a good one is listed", async ({ page }) => {
  await signIn(page, USERS.paralegal);
  await expect(page).toHaveURL(/\/matters$/);
  await page.getByRole("link", { name: "Hong v. ByteDance Inc." }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hong v. ByteDance Inc.");
  await screenshot(page, "matter-overview");

  await page.getByRole("navigation", { name: "Matter sections" }).getByRole("link", { name: "Plaintiffs" }).click();
  await expect(page.getByTestId("plaintiff-row")).toHaveCount(1);
  await expect(page.getByTestId("plaintiff-row").first()).toContainText("Misty Hong");
  await screenshot(page, "plaintiffs");

  await page.getByRole("link", { name: "Add plaintiff" }).click();
  const name = `Jordan Rivera ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("How they used the app").fill("Used TikTok daily on an Android phone from 2018.");
  await page.getByLabel("Account status").selectOption("SELF_CREATED");
  await page.getByLabel("First use, earliest").fill("2019-05-01");
  await page.getByLabel("First use, latest").fill("2019-04-01");
  // State left unchosen and the range reversed: two field errors.
  await page.getByRole("button", { name: "Add plaintiff" }).click();

  const state = page.getByLabel("State");
  await expect(state).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#residenceState-error")).toHaveText(/Choose a US state/);
  await expect(page.locator("#firstUseTo-error")).toHaveText(/on or after/);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  // What the user typed survives the refusal.
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await screenshot(page, "plaintiff-form-errors");
  expect(await sql(`SELECT 1 FROM "Plaintiff" WHERE name = $1`, [name])).toHaveLength(0);

  await state.selectOption("IL");
  await page.getByLabel("First use, latest").fill("2019-06-30");
  await page.getByRole("button", { name: "Add plaintiff" }).click();
  await expect(page).toHaveURL(/\/plaintiffs\?saved=/);
  await expect(page.getByText(`Saved ${name}.`)).toBeVisible();
  const row = page.getByTestId("plaintiff-row").filter({ hasText: name });
  await expect(row).toContainText("IL");
  await expect(row).toContainText("May 2019 – June 2019");
  expect(await sql(`SELECT 1 FROM "Plaintiff" WHERE name = $1`, [name])).toHaveLength(1);
});

test("an attorney who is not on the matter gets 404", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.outsider);
  await expect(page.getByRole("link", { name: "Hong v. ByteDance Inc." })).toHaveCount(0);
  for (const path of [`/matters/${matterId}`, `/matters/${matterId}/plaintiffs`, `/matters/${matterId}/plaintiffs/new`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("a class member sees only their claims page and 404 on staff pages", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.member1);
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByRole("heading", { name: "Your claims" })).toBeVisible();
  await screenshot(page, "my-claims");
  for (const path of ["/matters", `/matters/${matterId}`, `/matters/${matterId}/plaintiffs`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a disabled user is out on their next request", async ({ page }) => {
  const matterId = await hongMatterId();
  const email = `temp-${Date.now()}@proofline.test`;
  const [user] = await sql<{ id: string }>(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Temp Paralegal', 'STAFF', $2, now()) RETURNING id`,
    [email, await hash("temporary-pass")],
  );
  await sql(`INSERT INTO "Membership" (id, "userId", "matterId", role) VALUES (gen_random_uuid(), $1, $2, 'PARALEGAL')`, [user!.id, matterId]);
  await signIn(page, email, "temporary-pass");
  await page.goto(`/matters/${matterId}/plaintiffs`);
  await expect(page.getByRole("heading", { name: "Plaintiffs" })).toBeVisible();

  await sql(`UPDATE "User" SET "disabledAt" = now() WHERE id = $1`, [user!.id]);
  await page.goto(`/matters/${matterId}/plaintiffs`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, USERS.attorney);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/matters");
  await expect(page).toHaveURL(/\/sign-in/);
});
