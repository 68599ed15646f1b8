import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hongMatterId, signIn, sql, USERS } from "../helpers";

const SLUG = "hong-v-bytedance";
// Many pages and an axe run on each: slower than one page on a shared machine.
test.describe.configure({ timeout: 240_000 });
const SHOTS = process.env.SHOTS_DIR ?? "test-results/screens";

// WCAG 2.1 AA rules; the public pages must have no serious or critical violation.
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("a class member finds the settlement website from the front page, reads it in Spanish and opens the claim form in Spanish", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Settlement websites" })).toBeVisible();
  await expectAccessible(page, "front page");
  await page.getByTestId("settlement-list").getByRole("link", { name: "Hong v. ByteDance Inc." }).click();
  await expect(page).toHaveURL(new RegExp(`/settlements/${SLUG}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Key dates" })).toBeVisible();
  // The demo dates, in the matter's zone (the hearing at 10:00 a.m. PDT).
  await expect(page.getByTestId("date-claimDeadline")).toHaveText("March 1, 2099");
  await expect(page.getByTestId("date-hearing")).toContainText("10:00");
  await expect(page.getByRole("link", { name: "File a claim" })).toHaveAttribute("href", `/claim/${SLUG}`);
  await expect(page.getByRole("link", { name: "Exclude yourself" })).toHaveAttribute("href", `/settlements/${SLUG}/opt-out`);
  await expect(page.getByRole("link", { name: "Object", exact: true })).toHaveAttribute("href", `/settlements/${SLUG}/object`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /og-settlement\.png/);
  await expectAccessible(page, "site home en");
  await shot(page, "site-home-en");

  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(new RegExp(`/settlements/${SLUG}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Fechas clave" })).toBeVisible();
  await expect(page.getByTestId("date-claimDeadline")).toHaveText("1 de marzo de 2099");
  await expectAccessible(page, "site home es");
  await shot(page, "site-home-es");

  for (const [name, heading] of [
    ["Preguntas frecuentes", "Preguntas frecuentes"],
    ["Aviso", "Aviso del acuerdo"],
    ["Documentos judiciales", "Documentos judiciales"],
    ["Contacto", "Contacto"],
  ] as const) {
    await page.getByRole("navigation", { name: "Sitio web del acuerdo" }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, `site ${name}`);
  }
  await expect(page.getByText("Acuerdo de demostración.")).toBeVisible();
  await shot(page, "site-contact-es");

  await page.getByRole("navigation", { name: "Sitio web del acuerdo" }).getByRole("link", { name: "Inicio" }).click();
  await page.getByRole("link", { name: "Presentar un reclamo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Presentar un reclamo" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText("¿Usó la aplicación TikTok o Musical.ly en los Estados Unidos")).toBeVisible();
  await expect(page.getByLabel("Correo electrónico")).toBeVisible();
  await expectAccessible(page, "claim form es");
  // A refused submission speaks Spanish too.
  await page.getByRole("button", { name: "Enviar reclamo" }).click();
  await expect(page.getByRole("heading", { name: "Hay un problema" })).toBeVisible();
  await expect(page.getByText("Elija su estado o territorio").first()).toBeVisible();
  await expectAccessible(page, "claim form es errors");
  await shot(page, "claim-form-es-errors");

  // Back to English from the claim portal.
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1, name: "File a claim" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("on a phone (390×844) the site, the claim form and the public 404 are readable and accessible", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const [path, name] of [
    [`/settlements`, "site-index-phone"],
    [`/settlements/${SLUG}`, "site-home-phone"],
    [`/settlements/${SLUG}/documents`, "site-documents-phone"],
    [`/claim/${SLUG}`, "claim-form-phone"],
    [`/claims/sign-in`, "claims-sign-in-phone"],
  ] as const) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(200);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    await expectAccessible(page, path);
    await shot(page, name);
  }
  const missing = await page.goto(`/claim/${SLUG}x`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByTestId("closest-settlements").getByRole("link", { name: "Hong v. ByteDance Inc." })).toHaveAttribute("href", `/settlements/${SLUG}`);
  await expectAccessible(page, "claim 404");
  const noSite = await page.goto(`/settlements/${SLUG}x`);
  expect(noSite?.status()).toBe(404);
  await expectAccessible(page, "site 404");
  await context.close();
});

test("the language switch only goes back to this site, and robots.txt allows only the public pages", async ({ request }) => {
  const away = await request.get(`/language?to=es&next=${encodeURIComponent("//evil.example/x")}`, { maxRedirects: 0 });
  expect(away.status()).toBe(303);
  expect(away.headers().location).toBe("/settlements");
  expect(away.headers()["set-cookie"]).toMatch(/NEXT_LOCALE=es/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Allow: \/settlements/);
  expect(robots).toMatch(/Disallow: \/$/m);
});

test("an attorney publishes a court document and a visitor downloads it; unpublished it is gone", async ({ page, browser, request }) => {
  const m = await hongMatterId();
  // The demo news report PDF, designated public for this test (privileged/confidential ones cannot be published).
  const [ex] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 AND "originalFilename" = 'news-report-illustrative.pdf'`, [m]);
  await sql(`UPDATE "Exhibit" SET confidentiality = 'PUBLIC' WHERE id = $1`, [ex!.id]);
  try {
    await signIn(page, USERS.attorney);
    await page.goto(`/matters/${m}/settlement-site`);
    await expect(page.getByRole("heading", { level: 1, name: "Settlement website" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "News report on the complaint" });
    await row.getByRole("button", { name: /^Publish / }).click();
    await expect(row.getByText("Published")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/staff-settlement-site.png`, fullPage: true });

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`/settlements/${SLUG}/documents`);
    await expect(visitor.getByRole("link", { name: /News report on the complaint/ })).toBeVisible();
    await expectAccessible(visitor, "documents");
    await shot(visitor, "site-documents-en");
    const file = await request.get(`/api/v1/settlements/${SLUG}/documents/${ex!.id}`);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");

    await row.getByRole("button", { name: /^Unpublish / }).click();
    await expect(row.getByText("Published")).toHaveCount(0);
    expect((await request.get(`/api/v1/settlements/${SLUG}/documents/${ex!.id}`)).status()).toBe(404);
    await visitor.context().close();
  } finally {
    await sql(`UPDATE "Exhibit" SET confidentiality = 'CONFIDENTIAL', "publishedOnSite" = false WHERE id = $1`, [ex!.id]);
  }
});
