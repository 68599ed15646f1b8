import { expect, request, test } from "@playwright/test";
import { hongMatterId, screenshot, signIn, sql, USERS } from "../helpers";

// A paralegal makes a read-only token for the Hong matter, a script uses it (no cookies), then
// the token is revoked and the same request is refused.
test("a personal access token works from a script on its matter only, cannot write, and stops at revocation", async ({ page, baseURL }) => {
  const matterId = await hongMatterId();
  const name = `script ${Date.now()}`;
  await signIn(page, USERS.paralegal);
  await page.goto("/account");
  await page.getByRole("link", { name: "Manage API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /Hong/ }).check();
  await page.getByLabel("Access").selectOption("READ");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-api-token");
  await expect(shown).toHaveText(/^pl_[0-9a-f]{32}_[\w-]{43}$/);
  const token = (await shown.textContent())!.trim();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Active");
  await screenshot(page, "api-tokens-created");

  // The secret is stored only as a hash.
  const [row] = await sql<{ secretHash: string }>(`SELECT "secretHash" FROM "ApiToken" WHERE name = $1`, [name]);
  expect(row!.secretHash).not.toContain(token.split("_")[2]!);

  const script = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const matters = await script.get("/api/v1/matters");
  expect(matters.status()).toBe(200);
  expect((await matters.json()).matters.map((m: { id: string }) => m.id)).toEqual([matterId]);
  const allegations = await script.get(`/api/v1/matters/${matterId}/allegations?limit=5`);
  expect(allegations.status()).toBe(200);
  const body = await allegations.json();
  expect(body.allegations).toHaveLength(5);
  expect(body.allegations[0]).toHaveProperty("status");
  // The next page starts after the last ¶ of this one.
  const next = await (await script.get(`/api/v1/matters/${matterId}/allegations?limit=5&cursor=${body.nextCursor}`)).json();
  expect(next.allegations[0].id).not.toBe(body.allegations[0].id);
  // An unchanged list answers 304 to its ETag.
  const again = await script.get(`/api/v1/matters/${matterId}/allegations?limit=5`, { headers: { "If-None-Match": allegations.headers()["etag"]! } });
  expect(again.status()).toBe(304);
  // Read only: an upload is refused and nothing is stored.
  const upload = await script.post(`/api/v1/matters/${matterId}/exhibits`, { headers: { "Content-Type": "application/octet-stream", "X-File-Name": "x.txt" }, data: Buffer.from("token write") });
  expect(upload.status()).toBe(403);
  expect((await upload.json()).error.message).toMatch(/read-only/);
  // A bad cursor is a 400-class answer naming the field, not a 500.
  const badCursor = await script.get(`/api/v1/matters/${matterId}/allegations?cursor=garbage`);
  expect(badCursor.status()).toBe(422);
  expect((await badCursor.json()).error.fieldErrors).toHaveProperty("cursor");

  await page.reload();
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  await screenshot(page, "api-tokens-revoked");
  const refused = await script.get("/api/v1/matters");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
  await script.dispose();
});
