import { expect, test, type APIRequestContext } from "@playwright/test";
import { hongMatterId, signIn, sql, USERS } from "../helpers";

// Every query parameter any page reads, all set to the same bad value, once and then repeated
// (finding 11: such requests answered 500). A page ignores a bad value or names it; it never fails.
const KEYS = [
  "status", "kind", "q", "from", "to", "page", "minScore", "deficientDays", "subclass", "designation", "link", "element", "flagged",
  "request", "country", "sort", "dir", "saved", "created", "answered", "withdrawn", "notice", "code", "token", "number", "callbackUrl",
  "reset", "required", "enrolled",
];
const BAD = ["BOGUS", "%00", "a%00b", "0000-01-01", "0000-12-31", "2024-02-30", "-1", "1e400", "%ED%A0%80", "%FF%FE", "x".repeat(100), "__proto__"];
const STACK = /at \S+ \([^)]*:\d+:\d+\)|webpack-internal|node_modules\//;

async function expectCalm(request: APIRequestContext, path: string) {
  const failures: string[] = [];
  for (const bad of BAD) {
    const query = KEYS.map((k) => `${k}=${bad}`).join("&");
    for (const url of [`${path}?${query}`, `${path}?${query}&${query.replace(/=/g, "=1")}`]) {
      const res = await request.get(url, { maxRedirects: 5 });
      const body = await res.text();
      if (res.status() >= 500 || STACK.test(body)) failures.push(`${res.status()} ${url.slice(0, 160)}`);
    }
  }
  expect(failures).toEqual([]);
}

test.describe.configure({ timeout: 300_000 });

test("workspace pages answer bad query parameters without a server error or a stack trace", async ({ page }) => {
  const matterId = await hongMatterId();
  const [allegation] = await sql<{ id: string }>(`SELECT id FROM "Allegation" WHERE "matterId" = $1 LIMIT 1`, [matterId]);
  await signIn(page, USERS.attorney);
  const base = `/matters/${matterId}`;
  for (const path of [`${base}/allegations`, `${base}/exhibits`, `${base}/exhibits/productions`, `${base}/plaintiffs`, `${base}/claims`, `${base}/allegations/${allegation!.id}`]) {
    await expectCalm(page.request, path);
  }
});

test("the outbox answers bad query parameters without a server error", async ({ page }) => {
  await signIn(page, USERS.admin);
  await expectCalm(page.request, "/outbox");
  await expectCalm(page.request, "/account/two-factor");
});

test("public pages answer bad query parameters without a server error", async ({ page }) => {
  const [claim] = await sql<{ number: string }>(`SELECT number FROM "Claim" LIMIT 1`);
  for (const path of ["/sign-in", "/sign-in/two-factor", "/forgot-password", "/reset-password", "/claim/hong-v-bytedance", "/claim/hong-v-bytedance/submitted", "/claim/verify", `/claims/${claim?.number ?? "HONG-0000-0000"}`]) {
    await expectCalm(page.request, path);
  }
});
