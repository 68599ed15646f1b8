import fs from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

// The e2e database is shared by every spec: this one's domains are its own.
const tag = Math.random().toString(36).slice(2, 8);
const SHOTS = "/tmp/shots-kbadmin";

async function shot(page: Page, name: string) {
  await screenshot(page, name);
  await fs.mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an administrator adds a tracker row and imports a CSV with a refused-rows report", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, USERS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Tracker knowledge base" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tracker knowledge base" })).toBeVisible();
  // The shipped rows are listed read-only with their source.
  await expect(page.getByTestId("kb-row-umeng.com").first()).toContainText("Shipped, read-only");
  const versionBefore = await page.getByText(/^kb-[0-9a-f]{12}$/).first().textContent();

  // A refused form names its fields.
  await page.getByRole("button", { name: "Add row" }).click();
  await expect(page.getByText("Name the source of this fact (a URL or a document)").first()).toBeVisible();

  const domain = `e2e-${tag}.example.com`;
  const form = page.locator("#row-form");
  await form.getByRole("textbox", { name: "Domain", exact: true }).fill(`https://${domain}/sdk`);
  await form.locator('[name="organisation"]').fill("E2E Analytics Ltd");
  await form.locator('[name="parent"]').fill("E2E Holdings");
  await form.locator('[name="country"]').fill("sg");
  await form.getByLabel("What the service does").selectOption("ANALYTICS");
  await form.locator('[name="checkedOn"]').fill("2026-11-30");
  await form.locator('[name="source"]').fill("https://e2e.example.com/about (e2e)");
  await page.getByRole("button", { name: "Add row" }).click();
  await expect(page.getByText(`Saved ${domain}. Later analyses use it.`)).toBeVisible();
  const row = page.getByTestId(`kb-row-${domain}`);
  await expect(row).toContainText("E2E Analytics Ltd");
  await expect(row).toContainText("SG");
  await expect(row).toContainText("Ours");
  await expect(page.getByText(/^kb-[0-9a-f]{12}$/).first()).not.toHaveText(versionBefore!);

  // Import a CSV: one good row, one with a bad country and category.
  const csvDomain = `csv-${tag}.example.com`;
  const csv = `domain,organisation,parent,country,category,source,checked_on\n${csvDomain},CSV Ads Inc,,US,ADS,https://csv.example/about,\nbad-${tag}.example.com,Bad Row,,ZZ,SPYING,src,\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: `kb-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import CSV" }).click();
  await expect(page.getByText(`kb-${tag}.csv: 2 rows read; 1 added, 0 updated, 0 unchanged, 1 refused`)).toBeVisible();
  await page.goto(`/admin/knowledge-base?q=${tag}`);
  await expect(page.getByTestId(`kb-row-${csvDomain}`)).toContainText("Imported CSV");
  await shot(page, "kb-admin-search");

  await page.goto("/admin/knowledge-base");
  const importRow = page.getByRole("row").filter({ hasText: `kb-${tag}.csv` });
  const [download] = await Promise.all([page.waitForEvent("download"), importRow.getByRole("link", { name: "1 (report)" }).click()]);
  const report = await fs.readFile((await download.path())!, "utf8");
  expect(report).toContain("line,domain_or_signature,reason");
  expect(report).toMatch(/3,bad-.*country: Use an ISO 3166/);
  await shot(page, "kb-admin");
  await axe(page);
});

test("staff cannot open the admin knowledge base; a paralegal sets and clears a matter override", async ({ page }) => {
  test.setTimeout(120_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  const refused = await page.goto("/admin/knowledge-base");
  expect(refused?.status()).toBe(404);

  await page.goto(`/matters/${matterId}/data-flows`);
  await page.getByRole("link", { name: "Knowledge base for this matter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Knowledge base for this matter" })).toBeVisible();
  const versionBefore = await page.getByText(/^kb-[0-9a-f]{12}$/).first().textContent();

  const domain = `override-${tag}.umeng.com`;
  const form = page.locator("#override-form");
  await form.getByRole("textbox", { name: "Domain", exact: true }).fill(domain);
  await form.locator('[name="organisation"]').fill("Umeng (as this matter's expert found)");
  await form.locator('[name="parent"]').fill("Alibaba Group");
  await form.locator('[name="country"]').fill("CN");
  await form.getByLabel("What the service does").selectOption("PUSH");
  await form.locator('[name="source"]').fill("Expert report of Dr. Test, ¶ 12 (e2e)");
  await page.getByRole("button", { name: "Save for this matter" }).click();
  await expect(page.getByText(`Saved ${domain} for this matter.`)).toBeVisible();
  const row = page.getByTestId(`override-${domain}`);
  await expect(row).toContainText("push messaging");
  // It replaces the shipped Umeng row for this matter.
  await expect(row).toContainText("Umeng (umeng.com)");
  await expect(page.getByText(/^kb-[0-9a-f]{12}$/).first()).not.toHaveText(versionBefore!);
  await shot(page, "kb-matter-override");
  await axe(page);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId(`override-${domain}`)).toHaveCount(0);
});
