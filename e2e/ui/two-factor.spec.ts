import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { latestMail } from "../../scripts/lib/mailbox";
import { PASSWORD, screenshot, signIn, sql, USERS } from "../helpers";

// Each test gets its own staff account (with the demo password): they enrol, reset passwords and
// sign out, which must not touch the accounts other specs use.
async function staffAccount(prefix: string): Promise<string> {
  const email = `${prefix}-${randomBytes(4).toString("hex")}@proofline.test`;
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT gen_random_uuid(), $1, 'Tove Factor', "passwordHash", 'STAFF', now() FROM "User" WHERE email = $2`,
    [email, USERS.admin],
  );
  return email;
}

// The authenticator app: the code for the step `ahead` periods from now (the server takes one
// step either side, and each step once).
function codeFor(secret: string, ahead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + ahead * 30_000 });
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function passwordStep(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
}

test("a staff member enrols an authenticator, then signs in with a code, once per code, or a recovery code", async ({ page }) => {
  // Four sign-ins and an enrolment: more than the default budget on a busy machine.
  test.setTimeout(90_000);
  const email = await staffAccount("tf");
  await signIn(page, email);
  await page.goto("/account");
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshot(page, "two-factor-enroll");

  await page.getByLabel("Code from the app").fill("000000" === codeFor(secret) ? "111111" : "000000");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator("#enroll-code-error")).toHaveText(/does not match/);

  await page.getByLabel("Code from the app").fill(codeFor(secret));
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  await screenshot(page, "two-factor-recovery-codes");
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();

  // The password alone no longer signs in; the code step does.
  await signOut(page);
  await passwordStep(page, email);
  await screenshot(page, "two-factor-code-step");
  await page.getByLabel("Code").fill("123456" === codeFor(secret, 1) ? "654321" : "123456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#code-error")).toHaveText(/did not work/);
  await screenshot(page, "two-factor-code-wrong");
  const next = codeFor(secret, 1);
  await page.getByLabel("Code").fill(next);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/matters/);

  // The same code again is refused (replay), a recovery code works once.
  await signOut(page);
  await passwordStep(page, email);
  await page.getByLabel("Code").fill(next);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#code-error")).toHaveText(/did not work/);
  await page.getByLabel("Code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/matters/);
  const [left] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "RecoveryCode" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1 AND r."usedAt" IS NULL`, [email]);
  expect(left!.n).toBe(9);
});

test("the code step cannot be reached without a right password", async ({ page }) => {
  await page.goto("/sign-in/two-factor");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a staff member resets a forgotten password through the mailed link; other sessions end", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = await staffAccount("reset");
  // A session elsewhere, which the reset must end.
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, email);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  // Typed before hydration, a value would be lost when React takes the form over.
  await page.waitForLoadState("networkidle");
  const nobody = `nobody-${randomBytes(4).toString("hex")}@proofline.test`;
  await page.getByLabel("Email").fill(nobody);
  await expect(page.getByLabel("Email")).toHaveValue(nobody);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  const answer = page.getByText(/If that address belongs to a staff account/);
  await expect(answer).toBeVisible();
  const unknownAnswer = await answer.innerText();

  // A fresh form for the real address: the answer must be the same words.
  await page.goto("/forgot-password");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(answer).toBeVisible();
  expect(await answer.innerText()).toBe(unknownAnswer);
  await expect(page.getByRole("button", { name: "Email me a reset link" })).toBeEnabled();
  await screenshot(page, "forgot-password");

  const mail = await latestMail(process.env.MAIL_SINK_DIR!, email, "Reset your Proofline password");
  const link = mail.text.match(/http\S+\/reset-password\?token=\S+/)![0];
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);
  await page.goto(link);
  await page.waitForLoadState("networkidle");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("a-reset-password-for-e2e");
  await page.getByLabel("New password again").fill("a-different-one");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#confirm-password-error")).toHaveText(/differ/);
  await screenshot(page, "reset-password");
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("a-reset-password-for-e2e");
  await page.getByLabel("New password again").fill("a-reset-password-for-e2e");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByText("Your password was changed and you were signed out everywhere.")).toBeVisible();
  await screenshot(page, "reset-password-done");

  await elsewhere.goto("/matters");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await elsewhere.context().close();

  await signIn(page, email, "a-reset-password-for-e2e");
  await page.goto(link);
  await expect(page.getByText("This link cannot be used")).toBeVisible();
  await screenshot(page, "reset-password-used");
});

test("a matter that requires two-factor sends a member without it to set it up", async ({ page }) => {
  const email = await staffAccount("req");
  const tag = randomBytes(3).toString("hex");
  const [matter] = await sql<{ id: string }>(
    `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "requireStaffTwoFactor", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'Req', 'N.D. Cal.', $3, 'REQ', true, now()) RETURNING id`,
    [`req-${tag}`, `Required v. Factor ${tag}`, `5:26-cv-${tag}`],
  );
  await sql(`INSERT INTO "Membership" (id, "userId", "matterId", role) SELECT gen_random_uuid(), id, $2, 'PARALEGAL' FROM "User" WHERE email = $1`, [email, matter!.id]);
  await signIn(page, email);
  await page.goto(`/matters/${matter!.id}`);
  await expect(page).toHaveURL(/\/account\/two-factor\?required=matter/);
  await expect(page.getByText(/The matter you opened requires it of its team/)).toBeVisible();
  await screenshot(page, "two-factor-required");
});

test("an administrator requires two-factor of all staff: whoever has not set it up is sent to, the administrator too", async ({ page }) => {
  const email = `admin-${randomBytes(4).toString("hex")}@proofline.test`;
  await sql(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT gen_random_uuid(), $1, 'Ada Admin', "passwordHash", 'ADMIN', now() FROM "User" WHERE email = $2`,
    [email, USERS.admin],
  );
  try {
    await signIn(page, email);
    await page.goto("/admin");
    await screenshot(page, "admin-two-factor-setting");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Require it of all staff" }).click();
    // Without an authenticator of their own, the administrator goes straight to setting one up.
    await expect(page).toHaveURL(/\/account\/two-factor\?required=all/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/account\/two-factor\?required=all/);
    await expect(page.getByText(/Your administrators require it of every staff account/)).toBeVisible();
    await screenshot(page, "two-factor-required-all");
    const [audit] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'settings.set-two-factor-requirement' AND details->>'required' = 'true'`);
    expect(audit!.n).toBeGreaterThan(0);
  } finally {
    // The switch is for the whole installation; the other specs' accounts have no authenticator.
    await sql(`UPDATE "SiteSettings" SET "requireStaffTwoFactor" = false, "updatedAt" = now()`);
  }
});
