import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { makeMatterWithTeam, signIn, sql, USERS } from "../helpers";

const SHOTS = process.env.SHOTS_DIR ?? "test-results/screens";
async function shot(page: Page, name: string) {
  await fs.mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

// A matter of its own (the demo matter's claims stay as the other specs expect), with the demo
// attorney and paralegal on its team and 30 approved claims: 10 in the Illinois subclass.
async function makeDistributionMatter(): Promise<string> {
  const { id, tag } = await makeMatterWithTeam({ shortName: "Distribution", batesPrefix: "DIST" });
  await sql(
    `WITH c AS (
       INSERT INTO "Claimant" (id, "matterId", "fullName", "dateOfBirth", email, "emailNormalized", "addressLine1", city, state, zip, "addressNormalized")
       SELECT gen_random_uuid(), $1, 'E2E Claimant ' || i, date '1980-01-01', 'dist.' || $2 || '.' || i || '@example.org', 'dist.' || $2 || '.' || i || '@example.org', i || ' Main St', 'Chicago', 'IL', '60601', i || ' main st|60601|IL'
       FROM generate_series(1, 30) i RETURNING id, "fullName")
     INSERT INTO "Claim" (id, "matterId", number, "claimantId", status, answers, subclass, "paymentPreference", "attestationText", "attestationName", "attestedAt", "idempotencyKey", "decidedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, 'D' || $2 || lpad(row_number() OVER ()::text, 3, '0'), c.id, 'APPROVED', '{}',
       CASE WHEN (row_number() OVER ()) <= 10 THEN 'ILLINOIS' END, 'PAYPAL', 'x', c."fullName", now(), c.id::text, now(), now() FROM c`,
    [id, tag],
  );
  return id;
}

test("staff preview a distribution; only an attorney locks it, with a reason", async ({ browser }) => {
  test.setTimeout(120_000);
  const matterId = await makeDistributionMatter();

  // The paralegal prepares the preview from the Claims page.
  const paralegal = await (await browser.newContext()).newPage();
  await signIn(paralegal, USERS.paralegal);
  await paralegal.goto(`/matters/${matterId}/claims`);
  await paralegal.getByRole("link", { name: "Distribution", exact: true }).click();
  await expect(paralegal.getByRole("heading", { level: 1, name: "Distribution" })).toBeVisible();
  await expect(paralegal.getByText("No distribution yet")).toBeVisible();
  // A bad amount is named beside its field and nothing is computed.
  await paralegal.getByLabel("Gross settlement fund").fill("a lot");
  await paralegal.getByRole("button", { name: "Compute preview" }).click();
  await expect(paralegal.getByText("Enter the gross settlement fund as dollars and cents").first()).toBeVisible();
  await paralegal.getByLabel("Gross settlement fund").fill("10,000.00");
  await paralegal.getByLabel("Attorneys' fees").fill("2,500.00");
  await paralegal.getByLabel("Litigation costs").fill("123.45");
  await paralegal.getByLabel("Administration costs").fill("376.56");
  await expect(paralegal.getByLabel("Weight of ILLINOIS")).toHaveValue("5");
  await paralegal.getByLabel("Minimum payment").fill("100.00");
  await paralegal.getByRole("button", { name: "Compute preview" }).click();
  // Net $6,999.99 over weights 5 × 10 and 1 × 20 (70 shares): $99.99 each under the $100.00
  // minimum are raised to it, and the Illinois claims share the remaining $4,999.99.
  await expect(paralegal.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(paralegal.getByTestId("reconciled")).toContainText("Reconciled: allocations $6,999.99 + residue $0.00 = net fund $6,999.99");
  const perSubclass = paralegal.getByRole("table", { name: "Totals per subclass" });
  await expect(perSubclass.getByRole("row", { name: /ILLINOIS/ })).toContainText("$4,999.99");
  await expect(perSubclass.getByRole("row", { name: /No subclass/ })).toContainText("$2,000.00");
  await expect(paralegal.getByRole("button", { name: "Lock distribution" })).toHaveCount(0);
  await expect(paralegal.getByText("An attorney on the matter locks the distribution")).toBeVisible();
  await shot(paralegal, "distribution-preview-paralegal");

  // The attorney reviews and locks it, giving the reason the audit keeps.
  const attorney = await (await browser.newContext()).newPage();
  await signIn(attorney, USERS.attorney);
  await attorney.goto(`/matters/${matterId}/claims/distribution`);
  await attorney.getByRole("button", { name: "Lock distribution" }).click();
  const dialog = attorney.getByRole("dialog");
  await dialog.getByRole("button", { name: "Lock distribution" }).click();
  await expect(dialog.getByText("Give the reason the audit keeps").first()).toBeVisible();
  await shot(attorney, "distribution-lock-dialog");
  await dialog.getByLabel(/Reason/).fill("Final approval order entered; plan of allocation approved.");
  await dialog.getByRole("button", { name: "Lock distribution" }).click();
  await expect(attorney.getByRole("heading", { name: "Locked distribution" })).toBeVisible();
  await expect(attorney.getByText("Reason: Final approval order entered; plan of allocation approved.")).toBeVisible();
  await expect(attorney.getByRole("button", { name: "Compute preview" })).toHaveCount(0);
  await shot(attorney, "distribution-locked");
  const [audit] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "matterId" = $1 AND action = 'distribution.lock'`, [matterId]);
  expect(audit!.n).toBe(1);
});
