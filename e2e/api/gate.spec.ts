import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { hongMatterId, signIn, sql, USERS } from "../helpers";

// The gate over HTTP, against the production web server: signed-out answers, the one JSON error
// shape, cross-site refusals and bodies refused before they are read.

type ErrorBody = { error: { code: string; message: string } };

function anonymousContext(playwright: { request: { newContext: (options: { baseURL?: string }) => Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
}

test("signed out, every API route answers 401 in the one error shape; downloads go back to their page", async ({ playwright }) => {
  const matterId = await hongMatterId();
  const [exhibit] = await sql<{ id: string }>(`SELECT id FROM "Exhibit" WHERE "matterId" = $1 LIMIT 1`, [matterId]);
  const api = await anonymousContext(playwright);
  const urls = [
    `/api/v1/matters/${matterId}/exhibits/${exhibit!.id}/file`,
    `/api/v1/matters/${matterId}/exhibits/exports/exhibit-list.csv`,
    `/api/v1/matters/${matterId}/exhibits/productions/00000000-0000-4000-8000-000000000000/zip`,
    `/matters/${matterId}/claims/export`,
    `/matters/${matterId}/reports/gaps.csv`,
  ];
  for (const url of urls) {
    const answer = await api.get(url, { maxRedirects: 0 });
    expect(answer.status(), url).toBe(401);
    const body = (await answer.json()) as ErrorBody;
    expect(body.error.code, url).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/);
  }
  const download = await api.get(`/matters/${matterId}/claims/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000001`, { maxRedirects: 0 });
  expect(download.status()).toBe(303);
  expect(download.headers().location).toBe(`/matters/${matterId}/claims/00000000-0000-4000-8000-000000000000`);
  await api.dispose();
});

test("cross-site POSTs with a signed-in attorney's cookie are refused and change nothing", async ({ page }) => {
  const matterId = await hongMatterId();
  await signIn(page, USERS.attorney);
  const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Exhibit" WHERE "matterId" = $1`, [matterId]);
  const upload = await page.request.post(`/api/v1/matters/${matterId}/exhibits`, {
    data: Buffer.from("forged upload\n"),
    headers: { "Content-Type": "application/octet-stream", "X-File-Name": "forged.txt", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
  });
  expect(upload.status()).toBe(403);
  expect(((await upload.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
  // A form can send text/plain without the browser asking first: the CSV import refuses it.
  const imported = await page.request.post(`/matters/${matterId}/claims/import/upload`, {
    data: "notice_id,confirmation_code,full_name\nN-9,ABCDEFGH12,Forged Row\n",
    headers: { "Content-Type": "text/plain" },
  });
  expect(imported.status()).toBe(415);
  const crossSiteImport = await page.request.post(`/matters/${matterId}/claims/import/upload`, {
    data: "notice_id,confirmation_code,full_name\nN-9,ABCDEFGH12,Forged Row\n",
    headers: { "Content-Type": "text/csv", Origin: "https://evil.example" },
  });
  expect(crossSiteImport.status()).toBe(403);
  const after = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Exhibit" WHERE "matterId" = $1`, [matterId]);
  expect(after[0]!.n).toBe(before[0]!.n);
  expect(await sql(`SELECT 1 FROM "NoticeRecipient" WHERE "fullName" = 'Forged Row'`)).toHaveLength(0);
});

// A stranger who promises 2 GB and sends 100 bytes gets the answer at once, not a connection held
// open waiting for the rest.
test("a signed-out upload declaring 2 GB is answered before its body", async () => {
  const matterId = await hongMatterId();
  const base = new URL(test.info().project.use.baseURL!);
  const started = Date.now();
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, method: "POST", path: `/api/v1/matters/${matterId}/exhibits`, headers: { "Content-Type": "application/octet-stream", "Content-Length": String(2 * 1024 ** 3), "X-File-Name": "big.bin" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.write(Buffer.alloc(100, 1));
    // The rest never comes.
  });
  expect(answer.status).toBe(401);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect((JSON.parse(answer.body) as ErrorBody).error.code).toBe("UNAUTHENTICATED");
});

test("the public claim API answers refusals in the one error shape", async ({ playwright }) => {
  const api = await anonymousContext(playwright);
  const notJson = await api.post("/api/v1/claims/hong-v-bytedance", { data: "fullName=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  expect(notJson.status()).toBe(415);
  expect(((await notJson.json()) as ErrorBody).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  const bad = await api.post("/api/v1/claims/hong-v-bytedance", { data: "[1,2]", headers: { "Content-Type": "application/json" } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
  const fields = await api.post("/api/v1/claims/hong-v-bytedance", { data: { fullName: "" }, headers: { "Content-Type": "application/json" } });
  expect(fields.status()).toBe(422);
  const body = (await fields.json()) as ErrorBody & { error: { fieldErrors: Record<string, string[]> } };
  expect(body.error.code).toBe("VALIDATION");
  expect(Object.keys(body.error.fieldErrors).length).toBeGreaterThan(0);
  await api.dispose();
});
