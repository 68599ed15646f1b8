import { expect, test, type Page } from "@playwright/test";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

// The document viewer lands on the hit: a search result opens the exhibit at its page, with the
// words marked on pdf.js's text layer, pages change from the keyboard, and a pin cite is one click.

async function searchUntilFound(page: Page, matterId: string, q: string) {
  // The seed's exhibits are extracted by the job worker after the server starts.
  await expect(async () => {
    await page.goto(`/matters/${matterId}/exhibits?q=${encodeURIComponent(q)}`);
    await expect(page.getByTestId("search-hit").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
}

async function planLabel(matterId: string): Promise<string> {
  const [row] = await sql<{ label: string }>(
    `SELECT prefix || '-' || lpad(number::text, 4, '0') AS label FROM "Exhibit" WHERE "matterId" = $1 AND "originalFilename" = 'capture-plan-illustrative.pdf'`,
    [matterId],
  );
  return row!.label;
}

test("a search hit opens the PDF at its page with the words marked; keys page; the pin cite copies", async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const matterId = await hongMatterId();
  const label = await planLabel(matterId);
  await signIn(page, USERS.attorney);

  await searchUntilFound(page, matterId, '"persistent device identifier"');
  const hit = page.getByTestId("search-hit").filter({ hasText: label });
  await expect(hit.getByTestId("hit-page")).toHaveText("page 4");
  await expect(hit.locator("mark")).toHaveText(["persistent", "device", "identifier"]);
  await screenshot(page, "viewer-search-hit");

  await hit.getByTestId("hit-link").click();
  await expect(page).toHaveURL(/[?&]page=4&q=/);
  const viewer = page.getByTestId("pdf-viewer");
  await expect(viewer).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 4 of 7");
  const marks = page.locator(".page[data-page-number='4'] .textLayer .highlight");
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join(" ").replace(/\s+/g, " ")).toContain("persistent device identifier");
  await expect(page.locator(".page:not([data-page-number='4']) .textLayer .highlight")).toHaveCount(0);

  // The mark sits on the words it marks: its box lies inside the text layer span it belongs to.
  const geometry = await marks.first().evaluate((mark) => {
    const span = mark.closest(".textLayer > span, .textLayer span[role='presentation']") ?? mark.parentElement!;
    const m = mark.getBoundingClientRect();
    const s = span.getBoundingClientRect();
    return { inside: m.top >= s.top - 2 && m.bottom <= s.bottom + 2 && m.left >= s.left - 2 && m.right <= s.right + 2, height: m.height };
  });
  expect(geometry.inside).toBe(true);
  expect(geometry.height).toBeGreaterThan(5);
  await page.locator(".page[data-page-number='4']").scrollIntoViewIfNeeded();
  await screenshot(page, "viewer-landed-on-hit");
  await page.locator(".page[data-page-number='4']").screenshot({ path: "test-results/screens/viewer-page-4.png" });

  // Keyboard paging in the focused viewer (with a visible focus ring).
  const pages = page.getByTestId("pdf-pages");
  await pages.focus();
  await expect(pages).toBeFocused();
  await page.keyboard.press("PageDown");
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 5 of 7");
  expect(await pages.evaluate((el) => el.matches(":focus-visible") && getComputedStyle(el).outlineStyle)).toBe("solid");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 6 of 7");
  await page.keyboard.press("PageUp");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 4 of 7");
  await expect(page.getByRole("navigation", { name: "Page thumbnails" }).getByRole("button", { name: "Page 4", exact: true })).toHaveAttribute("aria-current", "page");
  await screenshot(page, "viewer-focused");

  // A thumbnail jumps to its page.
  await page.getByRole("navigation", { name: "Page thumbnails" }).getByRole("button", { name: "Page 2", exact: true }).click();
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 2 of 7");

  await page.getByRole("button", { name: "Copy pin cite" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toHaveText(`Copied ${label} at 2`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${label} at 2`);

  // Copying a selection from the page carries its cite.
  await page.getByRole("navigation", { name: "Page thumbnails" }).getByRole("button", { name: "Page 4", exact: true }).click();
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 4 of 7");
  await marks.first().evaluate((mark) => {
    const range = document.createRange();
    range.selectNodeContents(mark);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.getByRole("button", { name: "Copy pin cite" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^“persistent.*” \\(${label} at 4\\)$`));
});

test("a text exhibit opens at the hit with the words marked and scrolled into view", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  await searchUntilFound(page, matterId, "Igexin");
  const hit = page.getByTestId("search-hit").filter({ hasText: "Intake note" });
  await hit.getByTestId("hit-link").click();
  const viewer = page.getByTestId("text-viewer");
  await expect(viewer).toHaveAttribute("data-matches", "1");
  await expect(viewer.locator("mark")).toHaveText(["Igexin"]);
  await expect(viewer.locator("mark")).toBeInViewport();
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Part 1 of 1");
  await screenshot(page, "viewer-text-exhibit");
});

test("the viewer answers 404 to a non-member and opens page 1 for a page it cannot read", async ({ page }) => {
  const matterId = await hongMatterId();
  const [pdf] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 AND "originalFilename" = 'capture-plan-illustrative.pdf'`, [matterId]);
  await signIn(page, USERS.outsider);
  expect((await page.goto(`/matters/${matterId}/exhibits/${pdf!.id}?page=2&q=umeng`))!.status()).toBe(404);
  expect((await page.request.get(`/api/v1/matters/${matterId}/exhibits/${pdf!.id}/file?view=1`)).status()).toBe(404);
  await page.context().clearCookies();
  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/exhibits/${pdf!.id}?page=abc&q=${"x".repeat(600)}`);
  await expect(page.getByTestId("pdf-viewer")).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("viewer-page-indicator")).toHaveText("Page 1 of 7");
});
