import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { latestMail } from "../../scripts/lib/mailbox";
import { signIn, sql, USERS } from "../helpers";

// A class member opts out in one matter (Hong) and objects in another (Doe, with a PDF); the
// teams of each matter see them, and the other matter's staff get a 404. The forms pass axe
// (WCAG 2.1 AA, no serious or critical violation) in English and Spanish, desktop and phone.
const SHOTS = "/tmp/shots-optout";
const HONG = "hong-v-bytedance";
const DOE = "doe-v-example-analytics";
const CLOSED = `closed-${randomUUID().slice(0, 8)}`;

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function freshPage(browser: Browser, opts: { locale?: "es"; phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(opts.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  if (opts.locale) await context.addCookies([{ name: "NEXT_LOCALE", value: opts.locale, url: test.info().project.use.baseURL! }]);
  return context.newPage();
}

test.beforeAll(async () => {
  // Deadlines ahead for the two matters (kept if the seed already set them), and a matter whose
  // deadlines have passed.
  await sql(`UPDATE "Matter" SET "optOutDeadline" = coalesce("optOutDeadline", DATE '2099-02-01'), "objectionDeadline" = coalesce("objectionDeadline", DATE '2099-02-01') WHERE slug IN ($1, $2)`, [HONG, DOE]);
  await sql(
    `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "optOutDeadline", "objectionDeadline", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Closed v. Deadline', 'Closed', 'N.D. Cal.', $1, 'CLO', DATE '2020-01-31', DATE '2020-01-31', now())`,
    [CLOSED],
  );
});

// Fields are found by their ids: each label carries the required-field star, so exact label text
// does not match, and a substring would match the attestation sentence too.
test("a member opts out in one matter and objects in another; each team sees its own", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const optEmail = `optout.${stamp}@example.org`;
  const objEmail = `objector.${stamp}@example.org`;

  // 1. Opt out (Hong), desktop, English: errors first, then a complete request.
  const member = await freshPage(browser);
  await member.goto(`/settlements/${HONG}/opt-out`);
  await expect(member.getByRole("heading", { level: 1, name: "Exclude yourself (opt out)" })).toBeVisible();
  await expectAccessible(member, "opt-out form");
  await shoot(member, "opt-out-desktop");
  await member.getByRole("button", { name: "Send my request for exclusion" }).click();
  const summary = member.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Full name/ })).toBeVisible();
  await expectAccessible(member, "opt-out form with errors");
  await shoot(member, "opt-out-errors");

  await member.locator("#fullName").fill("Rosa Delgado");
  await member.locator("#email").fill(optEmail);
  await member.locator("#dateOfBirth").fill("1985-05-06");
  await member.locator("#addressLine1").fill("12 Elm St");
  await member.locator("#city").fill("Palo Alto");
  await member.locator("#state").selectOption("CA");
  await member.locator("#zip").fill("94301");
  await member.locator("#exclude").check();
  await member.locator("#attestationName").fill("Rosa Delgado");
  await member.locator("#attestationAgree").check();
  await member.getByRole("button", { name: "Send my request for exclusion" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "We received your request for exclusion" })).toBeVisible();
  const optRef = (await member.getByTestId("reference-number").innerText()).trim().slice(0, 17);
  expect(optRef).toMatch(/^OX-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await expectAccessible(member, "opt-out confirmation");
  await shoot(member, "opt-out-confirmation");
  expect((await latestMail(process.env.MAIL_SINK_DIR!, optEmail)).text).toContain(optRef);
  // A second send of the same page (back button, resubmit) records nothing new.
  const [count] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "OptOut" WHERE email = $1`, [optEmail]);
  expect(count?.n).toBe("1");

  // 2. Object (Doe), phone, Spanish, with a PDF.
  const objector = await freshPage(browser, { locale: "es", phone: true });
  await objector.goto(`/settlements/${DOE}/object`);
  await expect(objector.getByRole("heading", { level: 1, name: "Objete el acuerdo" })).toBeVisible();
  await expectAccessible(objector, "objection form (es)");
  await shoot(objector, "objection-phone-es");
  await objector.locator("#fullName").fill("Tomás Ruiz");
  await objector.locator("#email").fill(objEmail);
  await objector.locator("#addressLine1").fill("9 Market St");
  await objector.locator("#city").fill("Wilmington");
  await objector.locator("#state").selectOption("DE");
  await objector.locator("#zip").fill("19801");
  await objector.locator("#represented-no").check();
  await objector.locator("#appearAtHearing").check();
  await objector.locator("#grounds").fill("Los honorarios solicitados son demasiado altos para lo que recibe el grupo.");
  await objector.locator("#document").setInputFiles({ name: "motivos.pdf", mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${stamp}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`) });
  await objector.locator("#attestationName").fill("Tomás Ruiz");
  await objector.locator("#attestationAgree").check();
  await objector.getByRole("button", { name: "Enviar mi objeción" }).click();
  await expect(objector.getByRole("heading", { level: 1, name: "Recibimos su objeción" })).toBeVisible();
  const objRef = (await objector.getByTestId("reference-number").innerText()).trim().slice(0, 17);
  expect(objRef).toMatch(/^OB-/);
  await expectAccessible(objector, "objection confirmation (es)");
  await shoot(objector, "objection-confirmation-phone-es");
  expect((await latestMail(process.env.MAIL_SINK_DIR!, objEmail)).subject).toContain("Su objeción");

  // Spanish opt-out form on a phone, and a closed form.
  const phone = await freshPage(browser, { locale: "es", phone: true });
  await phone.goto(`/settlements/${HONG}/opt-out`);
  await expect(phone.getByRole("heading", { level: 1, name: "Exclúyase (solicitud de exclusión)" })).toBeVisible();
  await expectAccessible(phone, "opt-out form (es, phone)");
  // The switch leads back to the same form in English.
  await phone.getByTestId("language-switch").click();
  await expect(phone.getByRole("heading", { level: 1, name: "Exclude yourself (opt out)" })).toBeVisible();
  await phone.getByTestId("language-switch").click();
  await expect(phone.getByRole("heading", { level: 1, name: "Exclúyase (solicitud de exclusión)" })).toBeVisible();
  await shoot(phone, "opt-out-phone-es");
  await phone.goto(`/settlements/${CLOSED}/object`);
  await expect(phone.getByRole("heading", { level: 1, name: "El plazo para objetar ya venció" })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Enviar mi objeción" })).toHaveCount(0);
  await expectAccessible(phone, "closed form (es)");
  await shoot(phone, "objection-closed-phone-es");

  // 3. Hong's paralegal sees the opt-out; Doe's attorney sees the objection and its document.
  const paralegal = await freshPage(browser);
  await signIn(paralegal, USERS.paralegal);
  await paralegal.goto("/matters");
  const [hong] = await sql<{ id: string }>(`SELECT id FROM "Matter" WHERE slug = $1`, [HONG]);
  const [doe] = await sql<{ id: string }>(`SELECT id FROM "Matter" WHERE slug = $1`, [DOE]);
  await paralegal.goto(`/matters/${hong!.id}/claims/opt-outs?q=${encodeURIComponent(optRef)}`);
  await expect(paralegal.getByTestId("opt-out-table").getByText("Rosa Delgado")).toBeVisible();
  await shoot(paralegal, "staff-opt-outs");
  await paralegal.getByRole("link", { name: optRef }).click();
  await expect(paralegal.getByRole("heading", { level: 1 })).toContainText(optRef);
  await shoot(paralegal, "staff-opt-out-detail");
  const csv = await paralegal.request.get(`/matters/${hong!.id}/claims/opt-outs/export`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(optRef);
  // Not Hong's paralegal's matter: 404.
  expect((await paralegal.goto(`/matters/${doe!.id}/claims/objections`))!.status()).toBe(404);

  const doeAttorney = await freshPage(browser);
  await signIn(doeAttorney, USERS.outsider);
  await doeAttorney.goto(`/matters/${doe!.id}/claims/objections?q=${encodeURIComponent(objRef)}`);
  await expect(doeAttorney.getByTestId("objection-table").getByText("Tomás Ruiz")).toBeVisible();
  await shoot(doeAttorney, "staff-objections");
  await doeAttorney.getByRole("link", { name: objRef }).click();
  await expect(doeAttorney.getByTestId("objection-grounds")).toContainText("honorarios");
  await shoot(doeAttorney, "staff-objection-detail");
  const doc = await doeAttorney.request.get(`/matters/${doe!.id}/claims/objections/${(await sql<{ id: string }>(`SELECT id FROM "Objection" WHERE number = $1`, [objRef]))[0]!.id}/document`);
  expect(doc.status()).toBe(200);
  expect(doc.headers()["content-disposition"]).toContain("attachment");
  expect((await doc.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await doeAttorney.goto(`/matters/${hong!.id}/claims/opt-outs`))!.status()).toBe(404);
});
