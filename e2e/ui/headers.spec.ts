import { expect, test, type Browser, type Page } from "@playwright/test";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

// What the browser enforces from our headers: scripts run only with the page's nonce, nothing of
// ours is refused by the policy, and downloads stay sandboxed.

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

// Collects every report of a refused resource: the browser's console line and the DOM event.
// Left out: eval. zod 4 tries `new Function("")` once when it loads, to choose its compiled fast
// path; the policy refuses it, as it should, and zod parses without it.
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text()) && !/\beval\b/.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction("__reportViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.blockedURI === "eval") return;
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return seen;
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("every page load gets its own nonce; a script without it does not run, one with it does", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const second = await page.goto("/sign-in");
  const policy = first!.headers()["content-security-policy"];
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("form-action 'self'");
  expect(policy).not.toContain("unsafe-eval");
  expect(nonceOf(policy)).toBeTruthy();
  expect(nonceOf(second!.headers()["content-security-policy"])).not.toBe(nonceOf(policy));
  expect(second!.headers()).toMatchObject({ "cross-origin-opener-policy": "same-origin", "cross-origin-resource-policy": "same-origin", "x-content-type-options": "nosniff" });

  // Next.js put this load's nonce on its own scripts.
  const nonce = nonceOf(second!.headers()["content-security-policy"]);
  expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce)).toBe(nonce);

  const ran = await page.evaluate(async (pageNonce) => {
    const w = window as unknown as { __pwned?: number; __trusted?: number };
    const injected = document.createElement("script");
    injected.textContent = "window.__pwned = 1";
    document.body.append(injected);
    const trusted = document.createElement("script");
    trusted.nonce = pageNonce!;
    trusted.textContent = "window.__trusted = 1";
    document.body.append(trusted);
    await new Promise((r) => setTimeout(r, 50));
    return { pwned: w.__pwned, trusted: w.__trusted };
  }, nonce);
  expect(ran).toEqual({ pwned: undefined, trusted: 1 });
});

test("sign-in, the public claim form and staff pages load with nothing of ours refused", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await screenshot(page, "csp-sign-in");
  await page.goto("/claim/hong-v-bytedance");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await signIn(page, USERS.attorney);
  const matterId = await hongMatterId();
  await page.goto(`/matters/${matterId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hong v. ByteDance Inc.");
  await screenshot(page, "csp-matter-overview");
  // Client navigation and a dialog (hydrated React, Radix portals and their inline styles).
  await page.getByRole("navigation", { name: "Matter sections" }).getByRole("link", { name: "Plaintiffs" }).click();
  await expect(page.getByTestId("plaintiff-row").first()).toBeVisible();
  // The exhibit viewer draws the PDF with pdf.js in the page (its worker from our own origin).
  const [pdf] = await sql<{ id: string }>(
    `SELECT e.id FROM "Exhibit" e JOIN "Blob" b ON b.sha256 = e."blobSha256" WHERE e."matterId" = $1 AND b."mediaType" = 'application/pdf' LIMIT 1`,
    [matterId],
  );
  await page.goto(`/matters/${matterId}/exhibits/${pdf!.id}`);
  await expect(page.getByTestId("pdf-viewer")).toHaveAttribute("data-state", "ready");
  await expect(page.locator(".page[data-page-number='1'] canvas")).toBeVisible();
  await expect(page.locator(".page[data-page-number='1'] .textLayer span").first()).toBeAttached();
  await expect(page.locator("iframe")).toHaveCount(0);
  await page.waitForTimeout(1_000);
  expect(violations).toEqual([]);
});

test("HSTS only over https: not over plain http, nor because a client without a trusted proxy says https", async ({ request }) => {
  expect((await request.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
  const spoofed = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
  expect(spoofed.headers()["strict-transport-security"]).toBeUndefined();
});

test("exhibit files keep their sandbox and nosniff; the lean JSON answers carry a no-content policy", async ({ browser, request }) => {
  const page = await freshPage(browser);
  await signIn(page, USERS.attorney);
  const matterId = await hongMatterId();
  const [note] = await sql<{ id: string }>(
    `SELECT e.id FROM "Exhibit" e JOIN "Blob" b ON b.sha256 = e."blobSha256" WHERE e."matterId" = $1 AND b."mediaType" <> 'application/pdf' LIMIT 1`,
    [matterId],
  );
  // PDFs too, now that the viewer fetches them for pdf.js instead of framing them.
  const [pdf] = await sql<{ id: string }>(
    `SELECT e.id FROM "Exhibit" e JOIN "Blob" b ON b.sha256 = e."blobSha256" WHERE e."matterId" = $1 AND b."mediaType" = 'application/pdf' LIMIT 1`,
    [matterId],
  );
  for (const id of [note!.id, pdf!.id])
    for (const view of ["?view=1", ""]) {
      const file = await page.request.get(`/api/v1/matters/${matterId}/exhibits/${id}/file${view}`);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'.*frame-ancestors 'self'/);
      expect(file.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "SAMEORIGIN" });
    }
  // JSON reads, which the web server answers by calling the route's handler itself, carry the
  // headers every answer gets, once each, and are compressed for a client that accepts it, as
  // Next.js's answers are.
  const list = await page.request.get(`/api/v1/matters/${matterId}/allegations`, { headers: { "accept-encoding": "gzip" } });
  expect(list.status()).toBe(200);
  expect(list.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "cross-origin-resource-policy": "same-origin", "content-type": "application/json", "content-encoding": "gzip" });
  expect(((await list.json()) as { allegations: unknown[] }).allegations.length).toBeGreaterThan(5);
  const claim = await request.post("/api/v1/claims/hong-v-bytedance", { data: {} });
  expect(claim.headers()).toMatchObject({ "content-security-policy": "default-src 'none'; frame-ancestors 'none'", "x-content-type-options": "nosniff" });
});

test("a 3 MB deficiency document is accepted; one over 10 MB is refused beside the field, before sending", async ({ browser }) => {
  test.setTimeout(120_000);
  const [row] = await sql<{ number: string }>(
    `SELECT c.number FROM "Claim" c JOIN "Claimant" p ON p.id = c."claimantId" JOIN "User" u ON u.id = p."userId" WHERE u.email = $1 LIMIT 1`,
    [USERS.member1],
  );
  const number = row!.number;
  const staff = await freshPage(browser);
  await signIn(staff, USERS.paralegal);
  await staff.goto(`/matters/${await hongMatterId()}/claims?q=${number}`);
  await staff.getByRole("link", { name: number }).click();
  await staff.getByRole("button", { name: "Mark deficient" }).click();
  const dialog = staff.getByRole("dialog");
  await dialog.getByLabel("Supporting document").check();
  await dialog.getByLabel("Notice to the class member").fill("Please send a document that shows your address.");
  await dialog.getByRole("button", { name: "Send notice" }).click();
  await expect(staff.getByRole("dialog")).toHaveCount(0);

  const member = await freshPage(browser);
  const violations = await watchViolations(member);
  await signIn(member, USERS.member1);
  await member.goto(`/claims/${number}`);
  const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(size, 0x20), Buffer.from("\n%%EOF\n")]);
  await member.getByLabel("Supporting document").setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: pdf(11 * 1024 * 1024) });
  await member.getByRole("button", { name: "Send my answer" }).click();
  await expect(member.getByText("The file is larger than 10 MB").first()).toBeVisible();

  await member.getByLabel("Supporting document").setInputFiles({ name: "lease.pdf", mimeType: "application/pdf", buffer: pdf(3 * 1024 * 1024) });
  await member.getByRole("button", { name: "Send my answer" }).click();
  await expect(member.getByText("Your answer was received")).toBeVisible();

  // The member's own document comes back as a sandboxed attachment, never our page policy.
  const href = (await member.getByRole("link", { name: "Download lease.pdf" }).getAttribute("href"))!;
  const sent = await member.request.get(href);
  expect(sent.headers()).toMatchObject({
    "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "content-disposition": expect.stringMatching(/^attachment;/),
  });
  expect((await sent.body()).length).toBeGreaterThan(3 * 1024 * 1024);
  expect(violations).toEqual([]);
});
