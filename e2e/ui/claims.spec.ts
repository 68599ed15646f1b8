import AxeBuilder from "@axe-core/playwright";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { latestMail } from "../../scripts/lib/mailbox";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

const SLUG = "hong-v-bytedance";

// WCAG 2.1 AA rules; the portal must have no serious or critical violation.
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

// Follows a download link from the keyboard and returns the SHA-256 of the file the browser saved.
// (A mouse click from Playwright aims at the link's first box, its 1px screen-reader-only prefix.)
async function downloadedSha256(page: Page, link: Locator): Promise<string> {
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), link.press("Enter")]);
  return createHash("sha256").update(await fs.readFile((await download.path())!)).digest("hex");
}

// The sign-in link in the newest mail to `email`, from the web server's mail folder (the
// member's mailbox); it must point at the app's configured origin.
async function latestLink(email: string, subject: string, opts: { after?: string } = {}): Promise<{ path: string; url: string; file: string }> {
  const mail = await latestMail(process.env.MAIL_SINK_DIR!, email, subject, opts);
  const url = /https?:\/\/\S+\/claim\/verify\?token=[\w-]+/.exec(mail.text)![0];
  expect(url.startsWith(`${test.info().project.use.baseURL}/claim/verify?token=`)).toBe(true);
  return { path: new URL(url).pathname + new URL(url).search, url, file: mail.file };
}

test("a new person files a claim, verifies by email, answers a deficiency and is approved", async ({ browser }) => {
  test.setTimeout(300_000);
  const email = `e2e.${Date.now()}@example.org`;
  const name = "Dana Quinn";

  // 1. The public form, no account, keyboard-completable.
  const member = await freshPage(browser);
  await member.goto(`/claim/${SLUG}`);
  await expect(member.getByRole("heading", { level: 1, name: "File a claim" })).toBeVisible();
  await expectAccessible(member, "empty form");
  await screenshot(member, "claim-form");

  await member.getByRole("button", { name: "Submit claim" }).click();
  const summary = member.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Full name/ })).toBeVisible();
  // Questions left blank are errors to fix, not failed criteria: no "submit anyway" offer yet.
  await expect(member.getByLabel(/Submit for review anyway/)).toHaveCount(0);
  await expectAccessible(member, "form with errors");
  await screenshot(member, "claim-form-errors");

  await member.getByLabel("Full name of the class member").fill(name);
  await member.getByLabel("Date of birth").fill("1992-07-04");
  await member.locator("#email").fill(email);
  await member.locator("#phone").fill("773-555-0188");
  await member.getByLabel("Street address").fill("400 N State St");
  await member.getByLabel("City").fill("Chicago");
  await member.locator("#state").selectOption("IL");
  await member.getByLabel("ZIP code").fill("60654");
  await member.getByRole("group", { name: /in the United States/ }).getByLabel("Yes").check();
  await member.getByRole("group", { name: /live in Illinois/ }).getByLabel("Yes").check();
  await member.getByLabel("How do you want to be paid?").selectOption("VENMO");
  await member.getByLabel("I have read the statement above and swear it is true.").press("Space");
  await member.getByLabel("Signature: type your full name").fill(name);
  await member.getByRole("button", { name: "Submit claim" }).click();

  await expect(member.getByRole("heading", { name: "Your claim was received" })).toBeVisible();
  const number = (await member.getByTestId("claim-number").first().innerText()).trim().slice(0, 14);
  expect(number).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await expectAccessible(member, "confirmation");
  await screenshot(member, "claim-submitted");

  // 2. The verification mail, from the member's mailbox. The admin's Outbox lists it without
  // its token, so it cannot be used to sign in as the member.
  const verifyLink = (await latestLink(email, `Confirm your email for claim ${number}`)).path;
  const admin = await freshPage(browser);
  await signIn(admin, USERS.admin);
  await admin.goto(`/outbox?to=${encodeURIComponent(email)}`);
  const outboxed = admin.getByTestId("outbox-message").first();
  await expect(outboxed).toContainText(`Confirm your email for claim ${number}`);
  await expect(outboxed).toContainText("/claim/verify?token=[redacted]");
  expect(await outboxed.innerText()).not.toContain(verifyLink.split("token=")[1]!);
  await screenshot(admin, "outbox");

  await member.goto(verifyLink);
  await expectAccessible(member, "verify");
  await member.getByRole("button", { name: "Confirm my email and see my claim" }).click();
  await expect(member).toHaveURL(/\/claims$/);
  await expect(member.getByTestId("my-claim")).toContainText(number);
  await expect(member.getByTestId("my-claim")).toContainText("Email verified");
  await expectAccessible(member, "my claims");
  await screenshot(member, "my-claims");
  await member.getByRole("link", { name: new RegExp(number) }).click();
  await expect(member.getByTestId("status-history")).toContainText("Claim filed");
  await expect(member.getByTestId("status-history")).toContainText("Email confirmed");
  // The link was single-use.
  const again = await freshPage(browser);
  await again.goto(verifyLink);
  await again.getByRole("button", { name: "Confirm my email and see my claim" }).click();
  await expect(again.getByRole("alert").filter({ hasText: "expired or has already been used" })).toBeVisible();

  // 3. A paralegal marks it deficient; approving is not theirs to do.
  const matterId = await hongMatterId();
  const paralegal = await freshPage(browser);
  await signIn(paralegal, USERS.paralegal);
  await paralegal.goto(`/matters/${matterId}/claims`);
  await expect(paralegal.getByTestId("claim-row").first()).toBeVisible();
  // The queue names the address class members file at.
  await expect(paralegal.getByTestId("public-claim-address")).toContainText(`/claim/${SLUG}`);
  // The seeded near-duplicate (same person, Gmail-style variation, disposable domain) is flagged
  // from the start, before anyone re-scores.
  await paralegal.getByRole("link", { name: "Needs review" }).click();
  await expect(paralegal.getByTestId("claim-row").filter({ hasText: "Morgon Diaz" })).toContainText("review");
  // Re-scoring still works and agrees.
  await paralegal.goto(`/matters/${matterId}/claims`);
  await paralegal.getByRole("button", { name: "Re-score all" }).click();
  await expect(paralegal.getByRole("status").filter({ hasText: "Re-scored" })).toBeVisible();
  await paralegal.getByRole("link", { name: "Needs review" }).click();
  await expect(paralegal.getByTestId("claim-row").filter({ hasText: "Morgon Diaz" })).toContainText("review");
  await screenshot(paralegal, "claims-queue");
  await paralegal.getByTestId("claim-row").filter({ hasText: "Morgon Diaz" }).getByRole("link").click();
  await expect(paralegal.getByTestId("signal-row").first()).toBeVisible();
  await screenshot(paralegal, "claim-detail-signals");
  await paralegal.goto(`/matters/${matterId}/claims`);
  await paralegal.getByLabel("Claim number, name or email").fill(number);
  await paralegal.getByRole("button", { name: "Filter" }).click();
  await expect(paralegal.getByTestId("claim-row")).toHaveCount(1);
  await paralegal.getByRole("link", { name: number }).click();
  await expect(paralegal.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await paralegal.getByRole("button", { name: "Mark deficient" }).click();
  const dialog = paralegal.getByRole("dialog");
  await dialog.getByLabel("Street address").check();
  await dialog.getByLabel("Supporting document").check();
  await dialog.getByLabel("Notice to the class member").fill("Your street address has no apartment number; please add it.");
  await screenshot(paralegal, "mark-deficient-dialog");
  await dialog.getByRole("button", { name: "Send notice" }).click();
  await expect(paralegal.getByRole("dialog")).toHaveCount(0);
  await expect(paralegal.getByTestId("claim-status").first()).toContainText("Needs your answer");
  await screenshot(paralegal, "claim-detail-deficient");

  // 4. The member answers from the notice's link.
  const noticeLink = (await latestLink(email, "Action needed")).path;
  const member2 = await freshPage(browser);
  await member2.goto(noticeLink);
  await member2.getByRole("button", { name: "Confirm my email and see my claim" }).click();
  await member2.getByRole("link", { name: new RegExp(number) }).click();
  await expect(member2.getByText("Action needed by")).toBeVisible();
  await expectAccessible(member2, "deficiency");
  await screenshot(member2, "member-deficiency");
  await member2.getByLabel("Street address").fill("400 N State St Apt 2205");
  const lease = Buffer.from(`%PDF-1.4\n% lease ${Date.now()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  const leaseSha256 = createHash("sha256").update(lease).digest("hex");
  await member2.getByLabel("Supporting document").setInputFiles({ name: "lease.pdf", mimeType: "application/pdf", buffer: lease });
  await member2.getByRole("button", { name: "Send my answer" }).click();
  await expect(member2.getByText("Your answer was received")).toBeVisible();

  // The member gets back exactly the bytes they uploaded, always as a download.
  const ownLink = member2.getByRole("link", { name: "Download lease.pdf" });
  await expectAccessible(member2, "answered with a document");
  expect(await downloadedSha256(member2, ownLink)).toBe(leaseSha256);
  const documentPath = (await ownLink.getAttribute("href"))!;
  const sent = await member2.request.get(documentPath);
  expect(sent.headers()).toMatchObject({ "content-disposition": expect.stringMatching(/^attachment;/), "x-content-type-options": "nosniff", "cache-control": "private, no-store" });
  // Another class member, and a visitor who is not signed in (sent to sign in, then back to the claim).
  const stranger = await freshPage(browser);
  await signIn(stranger, USERS.member2);
  expect((await stranger.request.get(documentPath)).status()).toBe(404);
  const anonymous = await freshPage(browser);
  await anonymous.goto(documentPath);
  await expect(anonymous).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/claims/${number}`)}$`));

  // 5. An attorney approves; the member sees it.
  const attorney = await freshPage(browser);
  await signIn(attorney, USERS.attorney);
  await attorney.goto(`/matters/${matterId}/claims?q=${number}`);
  await attorney.getByRole("link", { name: number }).click();
  await expect(attorney.getByTestId("claim-status").first()).toContainText("Deficiency answered — needs review");
  expect(await downloadedSha256(attorney, attorney.getByRole("link", { name: "Download lease.pdf" }))).toBe(leaseSha256);
  const staffPath = (await attorney.getByRole("link", { name: "Download lease.pdf" }).getAttribute("href"))!;
  // The outsider attorney is not on the Hong matter.
  const outsider = await freshPage(browser);
  await signIn(outsider, USERS.outsider);
  expect((await outsider.request.get(staffPath)).status()).toBe(404);
  await attorney.getByRole("button", { name: "Approve" }).click();
  await attorney.getByRole("dialog").getByLabel("Reason (kept in the audit log)").fill("Address corrected; eligible.");
  await attorney.getByRole("dialog").getByRole("button", { name: "Approve claim" }).click();
  await expect(attorney.getByTestId("claim-status").first()).toContainText("Approved");
  await screenshot(attorney, "claim-detail-approved");

  await member2.reload();
  await expect(member2.getByTestId("claim-status")).toContainText("Approved");
  // The thank-you for the answer does not outlive the decision.
  await expect(member2.getByText("back in review")).toHaveCount(0);
  const history = member2.getByTestId("status-history");
  for (const step of ["Claim filed", "Email confirmed", "More information requested", "You answered the request", "Claim approved"]) await expect(history).toContainText(step);
  await screenshot(member2, "member-approved");
});

test("one class member cannot see another's claim (404), with a positive control", async ({ browser }) => {
  const [row] = await sql<{ number: string }>(
    `SELECT c.number FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId" JOIN "User" u ON u.id = p."userId" WHERE u.email = $1 LIMIT 1`,
    [USERS.member1],
  );
  const owner = await freshPage(browser);
  await signIn(owner, USERS.member1);
  await owner.goto(`/claims/${row!.number}`);
  await expect(owner.getByRole("heading", { level: 1 })).toContainText(row!.number);

  const other = await freshPage(browser);
  await signIn(other, USERS.member2);
  const response = await other.goto(`/claims/${row!.number}`);
  expect(response?.status()).toBe(404);
  await other.goto("/claims");
  await expect(other.getByText("You have no claims yet")).toBeVisible();
  // Nor the staff queue.
  const matterId = await hongMatterId();
  expect((await other.goto(`/matters/${matterId}/claims`))?.status()).toBe(404);
  expect((await other.goto("/outbox"))?.status()).toBe(404);
});

test("a sign-in link asked for with a forged Host and X-Forwarded-Host is mailed with the app's own origin", async ({ page, baseURL }) => {
  const [claimant] = await sql<{ email: string }>(
    `SELECT p.email FROM "Claimant" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1 LIMIT 1`,
    [USERS.member1],
  );
  const before = await latestMail(process.env.MAIL_SINK_DIR!, claimant!.email, "", { timeoutMs: 0 }).catch(() => undefined);
  // A genuine request from the form (for an address with no claim), replayed as an attacker
  // would send it: for the member's address, claiming to be for evil.example throughout.
  const decoy = `nobody.${Date.now()}@example.org`;
  await page.goto("/claims/sign-in");
  await page.getByLabel("Email").fill(decoy);
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "Email me a sign-in link" }).click(),
  ]);
  await expect(page.getByText("a sign-in link is on its way")).toBeVisible();
  const body = Buffer.from(sent.postDataBuffer()!.toString("latin1").replace(decoy, claimant!.email), "latin1");
  const headers = { ...(await sent.allHeaders()), host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" };
  delete (headers as Record<string, string>)["content-length"];
  const status = await new Promise<number>((resolve, reject) => {
    const target = new URL("/claims/sign-in", baseURL);
    const req = http.request({ hostname: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { ...headers, "content-length": body.length } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
  expect(status).toBe(200);
  const link = await latestLink(claimant!.email, "Your sign-in link", { after: before?.file });
  expect(link.url).not.toContain("evil.example");
});

test("the JSON submit API answers 429 with Retry-After once the per-email limit is spent", async ({ request }) => {
  const email = `limit.${Date.now()}@example.org`;
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 6; i++) {
    const response = await request.post(`/api/v1/claims/${SLUG}`, { data: { email, submissionKey: crypto.randomUUID() } });
    statuses.push(response.status());
    retryAfter = response.headers()["retry-after"];
  }
  expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
  expect(statuses[5]).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

test("a mistyped settlement address says so and points to the settlement websites", async ({ page }) => {
  const response = await page.goto(`/claim/${SLUG}x`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We could not find a settlement at this address" })).toBeVisible();
  await expectAccessible(page, "claim 404");
  await screenshot(page, "claim-not-found");
  await page.getByRole("link", { name: "Hong v. ByteDance Inc." }).click();
  await expect(page).toHaveURL(new RegExp(`/settlements/${SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Hong v. ByteDance Inc." })).toBeVisible();
});
