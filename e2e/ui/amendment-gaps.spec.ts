import { expect, test } from "@playwright/test";
import { amendComplaint, generateComplaint, type ComplaintModel } from "../../lib/complaint/testing/complaint-model";
import { writeComplaintWithPdfLib } from "../../lib/complaint/testing/pleading-writers";
import { makeMatterWithTeam, screenshot, signIn, sql, USERS } from "../helpers";

// A matter of its own whose ledger holds the original complaint's ¶s, none proven yet (as if each
// had been accepted from an import), with the demo attorney and paralegal on its team.
async function makeMatterWithLedger(model: ComplaintModel): Promise<string> {
  const { id } = await makeMatterWithTeam({ shortName: "Amendment", batesPrefix: "AMD" });
  const paragraphs = model.blocks.flatMap((b) =>
    b.type === "paragraph" ? [{ n: Number(b.label), kind: b.kind, text: [b.text, ...(b.subItems ?? []), b.quote ?? ""].join(" ").trim() }] : [],
  );
  // The label is left to the trigger, which fills it and the sort key from the number.
  await sql(
    `INSERT INTO "Allegation" (id, "matterId", paragraph, text, kind, "updatedAt")
     SELECT gen_random_uuid(), $1, (x->>'n')::int, x->>'text', (x->>'kind')::"AllegationKind", now() FROM jsonb_array_elements($2::jsonb) x`,
    [id, JSON.stringify(paragraphs)],
  );
  return id;
}

test("an amended complaint is applied in one step, withdrawing the ¶ it removed; the gap report pages through the rest and prints whole", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const model = generateComplaint({ paragraphs: 130 });
  const matterId = await makeMatterWithLedger(model);
  const removedText = (model.blocks.find((b) => b.type === "paragraph" && b.label === "2") as { text: string }).text;
  const movedText = (model.blocks.find((b) => b.type === "paragraph" && b.label === "3") as { text: string }).text;
  const { bytes } = await writeComplaintWithPdfLib(amendComplaint(model));
  const fileName = `first-amended-complaint-${Date.now()}.pdf`;

  await signIn(page, USERS.paralegal);
  await page.goto(`/matters/${matterId}/exhibits`);
  await page.getByTestId("exhibit-file-input").setInputFiles([{ name: fileName, mimeType: "application/pdf", buffer: bytes }]);
  await expect(page.locator('[data-testid="upload-row"][data-state="done"]')).toHaveCount(1);
  await page.goto(`/matters/${matterId}/allegations/import`);
  const [exhibit] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 AND "originalFilename" = $2`, [matterId, fileName]);
  await page.getByLabel("Complaint exhibit").selectOption(exhibit!.id);
  await page.getByRole("button", { name: "Split into proposed allegations" }).click();
  await expect(page.getByTestId("page-text")).toBeVisible({ timeout: 60_000 });

  // What the amendment changes, said before anything changes: old ¶ 3–6 move up one, old ¶ 8
  // is reworded, and old ¶ 2 is not in the amended complaint while its number is taken.
  const form = page.getByTestId("apply-amendment");
  // (Old ¶ 8 and any ¶ whose sub-list the fixture ledger words differently count as reworded.)
  await expect(page.getByTestId("amendment-summary")).toContainText(/Applied together: 4 renumbered, \d+ reworded/);
  const removed = form.getByTestId("removed-allegation");
  await expect(removed).toHaveCount(1);
  await expect(removed).toContainText("¶ 2");
  await expect(removed).toContainText("A ¶ of this complaint takes this number: withdraw it to apply");
  const apply = form.getByRole("button", { name: "Apply the amendment…" });
  await expect(apply).toBeDisabled();
  await removed.getByRole("checkbox").check();
  await expect(page.getByTestId("amendment-changes")).toContainText("1 allegation withdrawn");
  await expect(apply).toBeEnabled();
  await screenshot(page, "amendment-review");
  await apply.click();
  const dialog = page.getByRole("dialog", { name: "Apply the amended complaint?" });
  await expect(dialog).toContainText("1 allegation withdrawn");
  await screenshot(page, "amendment-confirm");
  await dialog.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(form.getByText(/^Applied \d+ matched ¶s \(4 renumbered, \d+ reworded\); 1 withdrawn\.$/)).toBeVisible();
  await expect(page.getByTestId("amendment-summary")).toContainText("Every matched ¶ is already in the ledger.");
  await screenshot(page, "amendment-applied");

  // The ledger: old ¶ 3 is now ¶ 2 with its own words; old ¶ 2 is withdrawn, not deleted.
  const rows = await sql<{ id: string; paragraphLabel: string; text: string; withdrawnAt: Date | null }>(
    `SELECT id, "paragraphLabel", text, "withdrawnAt" FROM "Allegation" WHERE "matterId" = $1 AND "paragraphLabel" = '2'`,
    [matterId],
  );
  const withdrawn = rows.find((r) => r.withdrawnAt !== null)!;
  expect(withdrawn.text).toContain(removedText.slice(0, 40));
  expect(rows.find((r) => r.withdrawnAt === null)!.text).toContain(movedText.slice(0, 40));
  await page.goto(`/matters/${matterId}/allegations`);
  await expect(page.locator('[data-testid="ledger-row"]', { hasText: removedText.slice(0, 40) })).toHaveCount(0);
  await page.goto(`/matters/${matterId}/allegations/${withdrawn.id}`);
  await expect(page.getByTestId("withdrawn-alert")).toContainText("amended complaint import");
  await expect(page.getByText("As a withdrawn ¶ it no longer counts anywhere.")).toBeVisible();
  await expect(page.getByText("No exhibit was linked before it was withdrawn.")).toBeVisible();
  // Nothing new is attached to a withdrawn ¶.
  await expect(page.getByRole("button", { name: /Link evidence/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Flag/ })).toHaveCount(0);
  await screenshot(page, "amendment-withdrawn-allegation");

  // The gap report: 129 live ¶s, none proven, 100 to a page in complaint order.
  const attorney = await (await browser.newContext()).newPage();
  await signIn(attorney, USERS.attorney);
  await attorney.goto(`/matters/${matterId}/reports/gaps`);
  await expect(attorney.getByTestId("gap-total-UNSUPPORTED")).toContainText("129");
  const gapRows = attorney.getByTestId("gap-row");
  await expect(gapRows).toHaveCount(100);
  await expect(gapRows.first()).toHaveAttribute("data-paragraph", "1");
  const pager = attorney.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("of 129");
  await expect(pager.getByRole("link", { name: "← Previous" })).toHaveCount(0);
  await screenshot(attorney, "gap-report-page-1");
  await pager.getByRole("link", { name: "Next →" }).click();
  await expect(gapRows).toHaveCount(29);
  await expect(gapRows.last()).toHaveAttribute("data-paragraph", "130");
  await expect(pager.getByRole("link", { name: "Next →" })).toHaveCount(0);
  await pager.getByRole("link", { name: "← Previous" }).click();
  await expect(gapRows).toHaveCount(100);
  await expect(gapRows.first()).toHaveAttribute("data-paragraph", "1");

  // Printing a paged report prints all of it: the whole report is one page away.
  await attorney.getByRole("link", { name: "Whole report to print" }).click();
  await expect(gapRows).toHaveCount(129);
  await expect(attorney.getByRole("navigation", { name: "Pages" })).toHaveCount(0);
  await expect(attorney.getByRole("button", { name: "Print" })).toBeVisible();
  await screenshot(attorney, "gap-report-whole");
});
