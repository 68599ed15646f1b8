import { expect, test } from "@playwright/test";
import { generateComplaint } from "../../lib/complaint/testing/complaint-model";
import { writeComplaintWithPdfLib } from "../../lib/complaint/testing/pleading-writers";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

// A paralegal uploads a pleading-paper complaint, splits it into proposed ¶s, reviews them beside
// the page text, accepts two (one edited), drops one, and finds the accepted ¶s in the ledger with
// their pin cites. The demo matter already holds ¶s 1–…, so the accepted ones are relabelled.
test("import a complaint, review the proposals beside the page, accept into the ledger", async ({ page }) => {
  test.setTimeout(180_000);
  const matterId = await hongMatterId();
  const model = generateComplaint({ paragraphs: 24, footnoteEvery: 9 });
  const { bytes, pages } = await writeComplaintWithPdfLib(model);
  const fileName = `amended-complaint-${Date.now()}.pdf`;

  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByTestId("exhibit-file-input").setInputFiles([{ name: fileName, mimeType: "application/pdf", buffer: bytes }]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(1);

  await page.goto(`/matters/${matterId}/allegations`);
  await page.getByRole("link", { name: "Import from complaint" }).click();
  await expect(page.getByRole("heading", { name: "Import from the complaint", level: 1 })).toBeVisible();
  const [exhibit] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 AND "originalFilename" = $2`, [matterId, fileName]);
  await page.getByLabel("Complaint exhibit").selectOption(exhibit!.id);
  await screenshot(page, "complaint-import-start");
  await page.getByRole("button", { name: "Split into proposed allegations" }).click();

  await expect(page).toHaveURL(/\/allegations\/import\/[0-9a-f-]{36}/);
  // The split runs in the background; the page refreshes until the proposals are there.
  await expect(page.getByTestId("page-text")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`Page 1 of ${pages}`).first()).toBeVisible();
  await expect(page.getByTestId("page-text")).toContainText("NATURE OF THE ACTION");
  const first = page.locator('[data-testid="proposal"][data-label="1"]');
  await expect(first).toContainText("Compl. ¶ 1, 1:");
  await screenshot(page, "complaint-import-review");

  // ¶ 1 relabelled (the demo ledger has a ¶ 1) and accepted.
  await first.getByLabel("¶ label").fill("201");
  await first.getByRole("button", { name: "Accept into the ledger" }).click();
  await expect(page.locator('[data-testid="proposal"][data-label="201"][data-decision="ACCEPTED"]')).toBeVisible();

  // ¶ 2 accepted under a label the ledger already has: refused, with the reason, nothing saved.
  const second = page.locator('[data-testid="proposal"][data-label="2"]');
  await second.getByRole("button", { name: "Accept into the ledger" }).click();
  await expect(second.getByText("That ¶ label is already an allegation in this matter")).toBeVisible();
  await screenshot(page, "complaint-import-label-clash");
  await second.getByLabel("¶ label").fill("202");
  await second.getByLabel("Text").fill("Plaintiffs bring this action for themselves and for all others similarly situated (edited on review).");
  await second.getByRole("button", { name: "Accept into the ledger" }).click();
  await expect(page.locator('[data-testid="proposal"][data-label="202"][data-decision="ACCEPTED"]')).toBeVisible();

  await page.getByRole("link", { name: "Next page" }).first().click();
  await expect(page.getByText(`Page 2 of ${pages}`).first()).toBeVisible();
  const onPage2 = page.locator('[data-testid="proposal"][data-decision="PENDING"]').first();
  await onPage2.getByLabel(/Reason for dropping/).fill("Duplicates another ¶.");
  await onPage2.getByRole("button", { name: "Drop" }).click();
  await expect(page.locator('[data-testid="proposal"][data-decision="DROPPED"]')).toHaveCount(1);
  await screenshot(page, "complaint-import-page-2");

  // The ¶s under COUNT I can be tied to the elements of the matter's Count 1.
  await page.goto(`${page.url().split("?")[0]}?page=${pages}`);
  const underCount = page.locator('[data-testid="proposal"]', { hasText: "Count 1" }).first();
  await expect(underCount.getByRole("group", { name: /Elements of Count 1/ })).toBeVisible();
  await screenshot(page, "complaint-import-count");

  await page.goto(`/matters/${matterId}/allegations?q=202`);
  const row = page.locator('[data-testid="ledger-row"]', { hasText: "edited on review" });
  await expect(row).toContainText("¶ 202");
  await row.getByRole("link", { name: "Open ¶ 202" }).click();
  // The pin cite itself (Next's route announcer may repeat the page's heading text).
  await expect(page.locator('[data-slot="mono"]', { hasText: "Compl. ¶ 202, 1:" })).toBeVisible();
  await screenshot(page, "complaint-import-allegation");
  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "matterId" = $1 AND action LIKE 'complaint-%' ORDER BY id`, [matterId]);
  expect(audit.map((a) => a.action)).toEqual(["complaint-import.start", "complaint-proposal.accept", "complaint-proposal.accept", "complaint-proposal.drop"]);
});
