import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

test.describe.configure({ timeout: 120_000 });

// Issue 10 item 4: new evidence used to take about seven clicks across two pages. Now it is one
// dialog on the allegation page, and the link dialog finds exhibits by number, title and text.
test("a paralegal uploads new evidence with its metadata and links it from the allegation page, by keyboard", async ({ page }) => {
  const matterId = await hongMatterId();
  const [allegation] = await sql<{ id: string; paragraph: number }>(
    `SELECT id, paragraph FROM "Allegation" WHERE "matterId" = $1 AND paragraph = 7`,
    [matterId],
  );
  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/allegations/${allegation!.id}`);

  await page.getByRole("button", { name: "Upload and link" }).click();
  const dialog = page.getByRole("dialog", { name: `Upload new evidence for ¶ ${allegation!.paragraph}` });
  await expect(dialog).toBeVisible();
  // Nothing filled in: the summary names both missing facts and takes focus.
  await dialog.getByRole("button", { name: "Upload and link" }).click();
  await expect(dialog.locator("#file-error")).toContainText("Choose the file to upload");
  await expect(dialog.locator("#title-error")).toContainText("Enter a title");
  await expect(dialog.getByRole("alert").first()).toBeFocused();
  await screenshot(page, "upload-link-errors");

  const marker = `zq${randomUUID().slice(0, 8)}`;
  await dialog.getByLabel("File").setInputFiles({
    name: "IMG_2041.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(`Capture log ${marker}\nPOST https://bugly.qq.com/rqd/async device_id=… imei=…\n`),
  });
  await dialog.getByLabel("Title").fill(`Bugly traffic capture ${marker}`);
  await dialog.getByLabel("Source").fill("Expert capture (mitmproxy)");
  await dialog.getByLabel("Custodian").fill("Dr. Dana Lee");
  await dialog.getByLabel("Date obtained").fill("2019-04-12");
  // Collector left blank on purpose: it must stay blank, not become the uploader.
  await dialog.getByLabel("Relation").selectOption("SUPPORTS");
  await dialog.getByLabel("Pin cite").fill("line 2");
  await screenshot(page, "upload-link-filled");
  // Submitted from the keyboard.
  await dialog.getByLabel("Pin cite").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/uploaded and linked to ¶ 7/)).toBeVisible();
  const row = page.getByTestId("link-row").filter({ hasText: marker });
  await expect(row).toContainText("Supports");
  await expect(row).toContainText("line 2");
  await expect(page.getByTestId("allegation-status")).toHaveAttribute("data-status", "SUPPORTED");
  await screenshot(page, "upload-link-done");

  const [exhibit] = await sql<{ id: string; title: string; source: string; custodian: string; obtained: string; collectedBy: string | null; originalFilename: string }>(
    `SELECT id, title, source, custodian, to_char("obtainedAt", 'YYYY-MM-DD') AS obtained, "collectedBy", "originalFilename" FROM "Exhibit" WHERE "matterId" = $1 AND title LIKE $2`,
    [matterId, `%${marker}`],
  );
  expect(exhibit).toMatchObject({ source: "Expert capture (mitmproxy)", custodian: "Dr. Dana Lee", obtained: "2019-04-12", collectedBy: null, originalFilename: "IMG_2041.txt" });
  const audits = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 OR details->>'exhibitId' = $1 ORDER BY id`, [exhibit!.id]);
  expect(audits.map((a) => a.action)).toEqual(["exhibit.upload", "evidence.link"]);
});

test("the link dialog finds an exhibit by number, title or text and previews it before linking", async ({ page }) => {
  const matterId = await hongMatterId();
  const [allegation] = await sql<{ id: string }>(`SELECT id FROM "Allegation" WHERE "matterId" = $1 AND paragraph = 8`, [matterId]);
  const [har] = await sql<{ id: string; label: string; title: string }>(
    `SELECT id, prefix || '-' || lpad(number::text, 4, '0') AS label, title FROM "Exhibit" WHERE "matterId" = $1 AND title LIKE '[Demo data] Network capture%'`,
    [matterId],
  );
  // A demo exhibit whose text the web server's worker has extracted (it runs the queue).
  type WithText = { id: string; label: string; title: string; word: string };
  let withText: WithText | undefined;
  await expect
    .poll(
      async () => {
        [withText] = await sql<WithText>(
          // A word of its text that is not in its title, so the match can only come from the text.
          `SELECT e.id, e.prefix || '-' || lpad(e.number::text, 4, '0') AS label, e.title, w.word
             FROM "Exhibit" e JOIN "ExhibitPage" p ON p."exhibitId" = e.id,
                  LATERAL (SELECT m[1] AS word FROM regexp_matches(p.text, '([A-Za-z]{8,})', 'g') AS m) w
            WHERE e."matterId" = $1 AND p.page = 1 AND position(lower(w.word) in lower(e.title)) = 0 ORDER BY e.number LIMIT 1`,
          [matterId],
        );
        return !!withText;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await signIn(page, USERS.attorney);
  await page.goto(`/matters/${matterId}/allegations/${allegation!.id}`);
  await page.getByRole("button", { name: "Link exhibit" }).click();
  const dialog = page.getByRole("dialog", { name: "Link an exhibit" });
  const finder = dialog.getByLabel("Find an exhibit");
  const results = dialog.getByTestId("exhibit-finder-results");

  await finder.fill(har!.label);
  await expect(results.locator(`input[value="${har!.id}"]`)).toBeVisible();
  await expect(results).toContainText("matched on number");

  await finder.fill("network capture");
  await expect(results.locator(`input[value="${har!.id}"]`)).toBeVisible();
  await expect(results).toContainText("matched on title");

  await finder.fill(withText!.word);
  await expect(results.locator(`input[value="${withText!.id}"]`)).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();

  // Keyboard: tab from the finder into the results and choose with the space bar.
  await finder.fill(withText!.label);
  await expect(dialog.getByText("1 exhibit found")).toBeVisible();
  await finder.press("Tab");
  await page.keyboard.press("Space");
  await expect(results.locator(`input[value="${withText!.id}"]`)).toBeChecked();
  const preview = dialog.getByTestId("exhibit-preview");
  await expect(preview).toContainText(withText!.title);
  await expect(preview).toContainText("Custodian");
  await expect(dialog.getByTestId("exhibit-preview-text")).toContainText("p. 1");
  await screenshot(page, "link-dialog-preview");

  await dialog.getByLabel("Relation").selectOption("CONTEXT");
  await dialog.getByLabel("Pin cite").fill("entry 12");
  await dialog.getByRole("button", { name: "Link exhibit" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("link-row").filter({ hasText: withText!.label })).toContainText("entry 12");
});
