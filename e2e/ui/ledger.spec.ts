import { expect, test } from "@playwright/test";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Long journeys across two users on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("a paralegal flags an unsupported allegation and asks for evidence; an attorney links it; it turns SUPPORTED and leaves the gap report", async ({ page, browser }) => {
  const matterId = await hongMatterId();
  // The first data-transfer allegation nothing supports yet (¶ 3 in a fresh demo; the captures
  // spec, which runs earlier on the shared database, may already have supported it).
  const candidates = await sql<{ id: string; paragraph: number }>(
    `SELECT a.id, a.paragraph FROM "Allegation" a JOIN "AllegationSupport" s ON s."allegationId" = a.id
     WHERE a."matterId" = $1 AND a.kind = 'DATA_TRANSFER' AND s.status = 'UNSUPPORTED' ORDER BY a.paragraph LIMIT 2`,
    [matterId],
  );
  const [allegation, other] = candidates;
  const p = String(allegation!.paragraph);
  // Another unsupported one, which stays in the gap report.
  const q = String(other!.paragraph);
  const [exhibit] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 AND title LIKE '[Demo data] Network capture%'`, [matterId]);

  // The paralegal filters the ledger to what is unsupported.
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}`);
  await page.getByRole("navigation", { name: "Matter sections" }).getByRole("link", { name: "Allegations" }).click();
  // Other specs (complaint import, captures) add allegations to the shared demo matter: count them.
  const [counts] = await sql<{ total: number; unsupported: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE s.status = 'UNSUPPORTED')::int AS unsupported FROM "Allegation" a JOIN "AllegationSupport" s ON s."allegationId" = a.id WHERE a."matterId" = $1`,
    [matterId],
  );
  await expect(page.getByTestId("ledger-row")).toHaveCount(Math.min(counts!.total, 100));
  await page.getByLabel("Status").selectOption("UNSUPPORTED");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=UNSUPPORTED/);
  const rows = page.getByTestId("ledger-row");
  await expect(rows).toHaveCount(Math.min(counts!.unsupported, 100));
  for (const status of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(status).toBe("UNSUPPORTED");
  // Expanding a status says why.
  await page.locator(`[data-testid="ledger-row"][data-paragraph="${p}"] summary`).click();
  await expect(page.locator(`[data-testid="ledger-row"][data-paragraph="${p}"]`)).toContainText("No supporting or contradicting evidence is linked.");
  await screenshot(page, "ledger-unsupported");

  // Flag it and open an evidence request assigned to the attorney.
  await page.getByRole("link", { name: `Open ¶ ${p}` }).click();
  await expect(page.getByTestId("allegation-status")).toHaveAttribute("data-status", "UNSUPPORTED");
  await page.getByRole("button", { name: "Flag" }).click();
  await page.getByRole("button", { name: "Flag allegation" }).click();
  await expect(page.locator("#flag-reason-error")).toContainText("Say why you flag it");
  await page.getByLabel("Why").fill("The complaint attached no capture of the umeng.com traffic.");
  await page.getByRole("button", { name: "Flag allegation" }).click();
  await expect(page.getByTestId("flag-alert")).toContainText("Flagged: Unsupported");

  await page.getByRole("button", { name: "Request evidence" }).click();
  await page.getByLabel("What is needed").fill("Network capture (HAR) of the app talking to umeng.com, April 2019");
  await page.getByLabel("Assignee").selectOption({ label: "Alex Attorney (attorney)" });
  await page.getByLabel("Due").fill(inDays(14));
  await page.getByRole("button", { name: "Open request" }).click();
  await expect(page.getByTestId("request-row")).toHaveCount(1);
  await expect(page.getByTestId("request-row")).toHaveAttribute("data-status", "OPEN");
  await screenshot(page, "allegation-flagged-requested");

  await page.goto(`/matters/${matterId}/reports/gaps`);
  await expect(page.locator(`[data-testid="gap-row"][data-paragraph="${p}"]`)).toContainText("Network capture (HAR)");

  // The attorney fulfils the request by linking the exhibit that answers it.
  const attorney = await browser.newPage();
  await signIn(attorney, USERS.attorney);
  await attorney.goto(`/matters/${matterId}/allegations/${allegation!.id}`);
  await attorney.getByRole("button", { name: "Fulfil" }).click();
  const dialog = attorney.getByRole("dialog");
  await expect(dialog.getByLabel("Answers request")).not.toHaveValue("");
  await dialog.getByLabel("Find an exhibit").fill("Network capture");
  await dialog.locator(`input[name="exhibitId"][value="${exhibit!.id}"]`).check();
  await dialog.getByLabel("Relation").selectOption("SUPPORTS");
  await dialog.getByLabel("Pin cite").fill("HAR entry 214");
  await dialog.getByLabel("Excerpt").fill("POST https://umeng.com/app_logs");
  await dialog.getByRole("button", { name: "Link exhibit" }).click();
  await expect(attorney.getByTestId("allegation-status")).toHaveAttribute("data-status", "SUPPORTED");
  await expect(attorney.getByTestId("request-row")).toHaveAttribute("data-status", "FULFILLED");
  await expect(attorney.getByTestId("request-row")).toContainText("Fulfilled");
  // The usable support answered the "unsupported" flag.
  await expect(attorney.getByTestId("flag-alert")).toHaveCount(0);
  await screenshot(attorney, "allegation-supported");

  await attorney.goto(`/matters/${matterId}/reports/gaps`);
  await expect(attorney.getByTestId("gap-row").first()).toBeVisible();
  await expect(attorney.locator(`[data-testid="gap-row"][data-paragraph="${p}"]`)).toHaveCount(0);
  await expect(attorney.locator(`[data-testid="gap-row"][data-paragraph="${q}"]`)).toHaveCount(1);
  await screenshot(attorney, "gap-report");
  const csv = await attorney.request.get(`/matters/${matterId}/reports/gaps.csv`);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body).toMatch(/^\uFEFF?Paragraph,Status,Flag/);
  expect(body).not.toMatch(new RegExp(`^${p},`, "m"));
  expect(body).toMatch(new RegExp(`^${q},UNSUPPORTED`, "m"));

  await attorney.goto(`/matters/${matterId}`);
  await expect(attorney.getByTestId("coverage-dashboard")).toContainText("Proof by element");
  await screenshot(attorney, "coverage-dashboard");
  await attorney.close();
});

test("a paralegal sees a duplicate ¶ refused beside the field, then adds an allegation", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/allegations/new`);
  await page.getByLabel("Complaint ¶").fill("3");
  await page.getByRole("textbox", { name: "Allegation", exact: true }).fill("The app sent the clipboard to log.example.cn.");
  await page.getByLabel("Clipboard").check();
  await page.getByLabel("Destination host").fill("log.example.cn");
  await page.getByLabel("Destination country").selectOption("CN");
  await page.getByRole("button", { name: "Add allegation" }).click();
  await expect(page.locator("#paragraph-error")).toContainText("¶ 3 is already an allegation");
  await expect(page.getByLabel("Clipboard")).toBeChecked();
  await page.getByLabel("Complaint ¶").fill("90");
  await page.getByRole("button", { name: "Add allegation" }).click();
  await expect(page).toHaveURL(/\/allegations\/[0-9a-f-]{36}\?saved=1/);
  await expect(page.getByTestId("allegation-status")).toHaveAttribute("data-status", "UNSUPPORTED");
  await expect(page.getByText("log.example.cn", { exact: true })).toBeVisible();
});

test("non-members and class members get 404 on every ledger page and export", async ({ browser }) => {
  const matterId = await hongMatterId();
  const [allegation] = await sql<{ id: string }>(`SELECT id FROM "Allegation" WHERE "matterId" = $1 AND paragraph = 5`, [matterId]);
  const [count] = await sql<{ id: string }>(`SELECT id FROM "Count" WHERE "matterId" = $1 AND number = 1`, [matterId]);
  const paths = [
    `/matters/${matterId}/allegations`,
    `/matters/${matterId}/allegations/new`,
    `/matters/${matterId}/allegations/${allegation!.id}`,
    `/matters/${matterId}/allegations/${allegation!.id}/edit`,
    `/matters/${matterId}/counts`,
    `/matters/${matterId}/counts/new`,
    `/matters/${matterId}/counts/${count!.id}`,
    `/matters/${matterId}/reports`,
    `/matters/${matterId}/reports/gaps`,
  ];
  for (const user of [USERS.outsider, USERS.member1]) {
    const page = await browser.newPage();
    await signIn(page, user);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${user} ${path}`).toBe(404);
    }
    expect((await page.request.get(`/matters/${matterId}/reports/gaps.csv`)).status()).toBe(404);
    await page.close();
  }
});
