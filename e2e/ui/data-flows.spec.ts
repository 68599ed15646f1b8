import fs from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { hongMatterId, screenshot, signIn, USERS } from "../helpers";

test("the data-flow graph shows the demo capture, filters by category, lists a host's requests and exports SVG", async ({ page }) => {
  test.setTimeout(120_000);
  const matterId = await hongMatterId();
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByRole("navigation", { name: "Matter sections" }).getByRole("link", { name: "Data flows" }).click();
  await expect(page).toHaveURL(new RegExp(`/matters/${matterId}/data-flows`));
  // The demo capture's analysis is a background job.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("data-flow-edges")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  const edges = page.getByTestId("data-flow-edges");
  await expect(edges.getByRole("row").filter({ hasText: /^alog\.umeng\.com\s*Umeng/ })).toContainText("IMEI");
  await expect(page.getByTestId("data-flow-canvas").locator(".react-flow__node").first()).toBeVisible();
  await screenshot(page, "data-flows");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Filter by a category: only the hosts that received a precise location remain.
  await page.getByLabel("Data category").selectOption("PRECISE_LOCATION");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/category=PRECISE_LOCATION/);
  await expect(page.getByTestId("data-flow-edges")).not.toContainText("alog.umeng.com");
  await expect(page.getByTestId("data-flow-edges")).toContainText("log.byteoversea.com");

  // The observations behind a host, each opening the exhibit at its entry.
  await page.getByTestId("data-flow-edges").getByRole("link", { name: "log.byteoversea.com" }).first().click();
  const observations = page.getByTestId("data-flow-observations");
  await expect(observations).toBeVisible();
  await expect(observations).toContainText("precise location");
  await screenshot(page, "data-flows-observations");
  const entryLink = observations.getByRole("link").first();
  await expect(entryLink).toHaveAttribute("href", new RegExp(`/matters/${matterId}/exhibits/[0-9a-f-]+#entry-\\d+$`));

  // Export for a brief.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export SVG" }).click()]);
  expect(download.suggestedFilename()).toBe("data-flows.svg");
  const svg = await fs.readFile((await download.path())!, "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toContain("log.byteoversea.com");
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export PNG" }).click()]);
  expect(png.suggestedFilename()).toBe("data-flows.png");
  await fs.copyFile((await png.path())!, "test-results/screens/data-flows-export.png");

  await entryLink.click();
  await expect(page.getByTestId("capture-analysis")).toBeVisible();
});
