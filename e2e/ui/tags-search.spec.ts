import { expect, test, type Page } from "@playwright/test";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

const shot = async (page: Page, name: string) => {
  await screenshot(page, name);
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
};

test("tag an exhibit with an issue, search with AND/OR/NOT, filter by the tag, save the search and run it again", async ({ page }) => {
  test.setTimeout(400_000);
  const matterId = await hongMatterId();
  const s = Date.now().toString(36);
  const [alpha, beta, gamma] = [`alpha${s}`, `beta${s}`, `gamma${s}`];
  await signIn(page, USERS.paralegal);
  const base = `/matters/${matterId}/exhibits`;
  await page.goto(base);
  await page.getByTestId("exhibit-file-input").setInputFiles([
    { name: `a-${s}.txt`, mimeType: "text/plain", buffer: Buffer.from(`The SDK sent ${alpha} and ${gamma} to alog.umeng.com.\n`) },
    { name: `b-${s}.txt`, mimeType: "text/plain", buffer: Buffer.from(`Crash reports carried ${beta} with the device identifier.\n`) },
  ]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(2);
  const labelOf = async (name: string) => (await page.locator('[data-testid="upload-row"]', { hasText: name }).getByRole("link").textContent())!.trim();
  const [labelA, labelB] = [await labelOf(`a-${s}.txt`), await labelOf(`b-${s}.txt`)];

  // Boolean search, once extraction has run: OR finds both, NOT leaves one out.
  const search = (q: string, extra = "") => page.goto(`${base}?q=${encodeURIComponent(q)}${extra}`);
  await expect(async () => {
    await search(`${alpha} OR ${beta}`);
    await expect(page.getByTestId("search-hit")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await search(`(${alpha} OR ${beta}) -${gamma}`);
  await expect(page.getByTestId("search-hit")).toHaveCount(1);
  await expect(page.getByTestId("search-hit")).toContainText(labelB);
  await search(`"device identifier" ${beta.slice(0, -2)}*`);
  await expect(page.getByTestId("search-hit")).toHaveCount(1);
  await expect(page.getByTestId("search-hit").locator("mark").first()).toHaveText(/device|beta/);
  await shot(page, "tags-search-boolean");

  // A malformed query says what is wrong instead of failing.
  await search(`"device identifier`);
  await expect(page.locator("[role=alert]", { hasText: "Unbalanced quote in search" }).first()).toBeVisible();

  // Tag exhibit A with a new free tag; the chip shows it.
  await page.goto(base);
  await page.goto((await page.getByRole("link", { name: labelA, exact: true }).first().getAttribute("href"))!);
  const issues = page.getByTestId("exhibit-issues");
  await issues.getByLabel("New tag").fill(`Hot ${s}`);
  await issues.getByRole("button", { name: "Tag", exact: true }).click();
  await expect(issues.getByTestId("tag-chip")).toContainText([`Hot ${s}`]);
  // A page of it: the chip names the page; a page past the end is refused beside the field.
  await issues.getByLabel("New tag").fill(`Umeng ${s}`);
  await issues.getByLabel("Page").fill("9");
  await issues.getByRole("button", { name: "Tag", exact: true }).click();
  await expect(issues.getByText("This exhibit has 1 page")).toBeVisible();
  await issues.getByLabel("Page").fill("1");
  await issues.getByRole("button", { name: "Tag", exact: true }).click();
  await expect(issues.getByTestId("tag-chip")).toHaveCount(2);
  await expect(issues.getByTestId("tag-chip").nth(1)).toContainText(`Umeng ${s}p. 1`);
  await shot(page, "tags-exhibit-chips");
  // Remove the second and keep the free tag.
  await issues.getByTestId("tag-chip").nth(1).getByRole("button", { name: /^Remove / }).click();
  await expect(issues.getByTestId("tag-chip")).toHaveCount(1);
  await expect(issues.getByTestId("tag-chip")).toContainText(`Hot ${s}`);

  // The issue filter narrows the list and the search to the tagged exhibit.
  await page.goto(base);
  await page.getByLabel("Search the text of every exhibit").fill(`${alpha} OR ${beta}`);
  await page.getByTestId("issue-filter").selectOption({ label: `Tag: Hot ${s}` });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("search-hit")).toHaveCount(1);
  await expect(page.getByTestId("search-hit")).toContainText(labelA);
  await expect(page.getByTestId("exhibit-row")).toHaveCount(1);

  // Save it, shared with the team; then run it again from the menu in one click.
  await page.getByLabel("Save this search as").fill(`Hot search ${s}`);
  await page.getByLabel("Share with the team").check();
  await page.getByTestId("save-search-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("current-saved-search")).toContainText(`Hot search ${s}`);
  await expect(page.getByTestId("current-saved-search")).toContainText("shared with the team");
  await shot(page, "tags-saved-search");

  await page.goto(base);
  await page.getByTestId("saved-searches-menu").click();
  await shot(page, "tags-saved-menu");
  await page.getByRole("menuitem", { name: `Hot search ${s}` }).click();
  await expect(page.getByTestId("search-hit")).toHaveCount(1);
  await expect(page.getByTestId("search-hit")).toContainText(labelA);
  await expect(page.getByLabel("Search the text of every exhibit")).toHaveValue(`${alpha} OR ${beta}`);

  // Another team member sees the shared search but cannot delete it; its owner can.
  await page.getByRole("button", { name: `Delete saved search Hot search ${s}` }).click();
  await expect(page.getByTestId("saved-searches-menu")).toBeVisible();
  await expect(page.getByTestId("current-saved-search")).toHaveCount(0);
  await page.getByTestId("saved-searches-menu").click();
  await expect(page.getByRole("menuitem", { name: `Hot search ${s}` })).toHaveCount(0);
});
