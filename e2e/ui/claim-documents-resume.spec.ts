import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { latestMail } from "../../scripts/lib/mailbox";
import { screenshot, sql } from "../helpers";

// A class member, in Spanish, starts a claim from the settlement website, attaches a document,
// saves the form, resumes it from the e-mailed link (values and document still there), files
// it, and gives PayPal details on the claim's page. Phone-sized for the resumed form.
const SLUG = "hong-v-bytedance";

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function spanishPage(browser: Browser, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  await context.addCookies([{ name: "NEXT_LOCALE", value: "es", url: test.info().project.use.baseURL! }]);
  return context.newPage();
}

const pdf = (stamp: number) => Buffer.from(`%PDF-1.4\n% ${stamp}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

test("a member attaches a document, saves, resumes from the e-mail, files in Spanish and gives PayPal details", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const email = `resume.${stamp}@example.org`;
  const name = "Lucía Ferrer";

  // 1. From the settlement website to the form, in Spanish.
  const member = await spanishPage(browser);
  await member.goto(`/settlements/${SLUG}`);
  await member.getByRole("link", { name: "Presentar un reclamo" }).first().click();
  await expect(member.getByRole("heading", { level: 1, name: "Presentar un reclamo" })).toBeVisible();
  await member.locator("#fullName").fill(name);
  await member.locator("#email").fill(email);
  await member.locator("#documents-file").setInputFiles({ name: "comprobante.pdf", mimeType: "application/pdf", buffer: pdf(stamp) });
  await expect(member.getByRole("list", { name: "Documentos adjuntos" })).toContainText("comprobante.pdf");
  // A file that is not a document is refused with a reason, and the attached one stays.
  await member.locator("#documents-file").setInputFiles({ name: "notas.txt", mimeType: "text/plain", buffer: Buffer.from("solo texto") });
  await expect(member.getByTestId("claim-documents")).toContainText("No se adjuntó notas.txt");
  await expectAccessible(member, "form with a document (es)");
  await screenshot(member, "claim-form-document-es");

  // 2. Save and finish later: the page says where the link went.
  await member.getByRole("button", { name: "Guardar y terminar después" }).click();
  await expect(member.getByTestId("draft-notice")).toContainText("Su formulario está guardado");
  await expect(member.getByTestId("draft-notice")).toContainText(email);
  await screenshot(member, "claim-form-saved-es");
  const mail = await latestMail(process.env.MAIL_SINK_DIR!, email, "Su formulario de reclamo guardado");
  const link = /https?:\/\/\S+\/claim\/[\w-]+\?draft=[\w-]+/.exec(mail.text)![0];
  expect(link.startsWith(`${test.info().project.use.baseURL}/claim/${SLUG}?draft=`)).toBe(true);

  // 3. Another day, on a phone: the link reopens the form as it was left.
  const phone = await spanishPage(browser, true);
  await phone.goto(new URL(link).pathname + new URL(link).search);
  await expect(phone.getByTestId("draft-notice")).toContainText("Bienvenido de nuevo");
  await expect(phone.locator("#fullName")).toHaveValue(name);
  await expect(phone.locator("#email")).toHaveValue(email);
  await expect(phone.getByRole("list", { name: "Documentos adjuntos" })).toContainText("comprobante.pdf");
  await expectAccessible(phone, "resumed form (es, phone)");
  await screenshot(phone, "claim-form-resumed-phone-es");

  await phone.locator("#dateOfBirth").fill("1988-03-14");
  await phone.locator("#addressLine1").fill("55 Calle Mayor");
  await phone.locator("#city").fill("Chicago");
  await phone.locator("#state").selectOption("IL");
  await phone.locator("#zip").fill("60614");
  await phone.locator("#q_usedInUs").check();
  await phone.locator("#q_illinoisResident").check();
  await phone.locator("#paymentPreference").selectOption("PAYPAL");
  await phone.locator("#attestationAgree").check();
  await phone.locator("#attestationName").fill(name);
  await phone.getByRole("button", { name: "Enviar reclamo" }).click();
  await expect(phone.getByRole("heading", { name: "Recibimos su reclamo" })).toBeVisible();
  const number = (await phone.getByTestId("claim-number").first().innerText()).trim().slice(0, 14);
  await screenshot(phone, "claim-filed-phone-es");

  // The claim holds the document; the saved form is gone.
  const [attached] = await sql<{ filename: string }>(
    `SELECT a.filename FROM "ClaimAttachment" a JOIN "Claim" c ON c.id = a."claimId" WHERE c.number = $1`,
    [number],
  );
  expect(attached?.filename).toBe("comprobante.pdf");
  await phone.goto(new URL(link).pathname + new URL(link).search);
  await expect(phone.getByTestId("draft-notice")).toContainText("ya no está disponible");

  // 4. Confirm the e-mail, then give PayPal details on the claim's page.
  const confirm = await latestMail(process.env.MAIL_SINK_DIR!, email, `Confirm your email for claim ${number}`);
  const verify = /https?:\/\/\S+\/claim\/verify\?token=[\w-]+/.exec(confirm.text)![0];
  await member.goto(new URL(verify).pathname + new URL(verify).search);
  await member.getByRole("button").filter({ hasText: /Confirm/ }).click();
  await expect(member).toHaveURL(/\/claims$/);
  await member.getByRole("link", { name: new RegExp(number) }).click();
  // The claim's page is in the member's language too.
  await expect(member.getByRole("heading", { name: "Historial del reclamo" })).toBeVisible();
  await expect(member.getByTestId("status-history")).toContainText("Reclamo presentado");
  const form = member.getByTestId("payment-details-form");
  await form.locator("#method").selectOption("PAYPAL");
  await form.locator("#recipient").fill(email);
  await form.getByRole("button", { name: "Guardar datos de pago" }).click();
  await expect(member.getByText("Sus datos de pago se guardaron")).toBeVisible();
  // The form still shows the method just saved, so a second save sends it again.
  await expect(form.locator("#method")).toHaveValue("PAYPAL");
  await expectAccessible(member, "claim page with payment details (es)");
  await screenshot(member, "claim-payment-details-es");
  const [payment] = await sql<{ method: string }>(`SELECT p.method FROM "ClaimPaymentDetails" p JOIN "Claim" c ON c.id = p."claimId" WHERE c.number = $1`, [number]);
  expect(payment?.method).toBe("PAYPAL");
});
