import http from "node:http";
import { expect, test } from "@playwright/test";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/server/http/body-limits";
import { builtActions } from "../fuzz/build";
import { multipart } from "../fuzz/inputs";
import { baseUrl, closeAgents, send, signInOverHttp } from "../fuzz/wire";
import { PASSWORD, sql, USERS } from "../helpers";

// What the production web server answers before Next.js for POSTs to pages (server actions and
// forms sent without JavaScript) and for addresses that do not decode — each of which Next.js
// answers with a 500 (scripts/web-server.ts, lib/server/http/action-post-guard.ts).

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

// Sends `size` bytes of multipart body (a document field padded to size), with or without a
// Content-Length, and keeps sending until the answer comes or the server closes the connection.
function postLarge(path: string, size: number, opts: { chunked: boolean; headers?: Record<string, string>; fields: [string, string][] }): Promise<Raw> {
  const base = baseUrl();
  const boundary = "----proofline-large";
  const head = Buffer.from(
    opts.fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") +
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const fill = size - head.length - tail.length;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: "POST",
        path,
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, ...(opts.chunked ? {} : { "Content-Length": String(size) }), ...opts.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - started }));
      },
    );
    // The server may close the connection once it has answered; the answer is what counts.
    let answered = false;
    req.once("response", () => (answered = true));
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x25);
    let sent = 0;
    const pump = () => {
      if (sent === 0) req.write(head);
      while (sent < fill) {
        const part = chunk.subarray(0, Math.min(chunk.length, fill - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      req.end(tail);
    };
    pump();
  });
}

const OVER = ACTION_BODY_LIMIT_BYTES + 1024 * 1024;

test.afterAll(() => closeAgents());

test("a form over the action body limit, sent without JavaScript, is answered 413 with a page naming the limit; chunked too", async () => {
  const member = await signInOverHttp(USERS.member1, PASSWORD);
  const [claim] = await sql<{ number: string }>(`SELECT c.number FROM "Claim" c JOIN "Claimant" cl ON cl.id = c."claimantId" JOIN "User" u ON u.id = cl."userId" WHERE u.email = $1`, [USERS.member1]);
  const action = builtActions().find((a) => a.exportedName === "answerDeficiencyAction")!;
  const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ClaimAttachment"`);
  for (const chunked of [false, true]) {
    const answer = await postLarge(`/claims/${claim!.number}`, OVER, { chunked, headers: { Cookie: member }, fields: [[`$ACTION_ID_${action.id}`, ""], ["note", "x"]] });
    expect(answer.status, `chunked: ${chunked}`).toBe(413);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.body).toContain("The form is too large");
    expect(answer.body).toContain(`${ACTION_BODY_LIMIT_BYTES / 1024 ** 2} MiB`);
    expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
  }
  expect((await sql<{ n: string }>(`SELECT count(*) AS n FROM "ClaimAttachment"`))[0]!.n).toBe(before[0]!.n);
});

test("a server action call over the limit is answered 413 in the JSON error shape, declared or chunked", async () => {
  const action = builtActions().find((a) => a.exportedName === "signInAction")!;
  for (const chunked of [false, true]) {
    const answer = await postLarge("/sign-in", OVER, { chunked, headers: { "Next-Action": action.id }, fields: [["0", '["$K1"]']] });
    expect(answer.status, `chunked: ${chunked}`).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: `The form is larger than the limit of ${ACTION_BODY_LIMIT_BYTES / 1024 ** 2} MiB.` } });
  }
});

// A declared length over the limit is answered at once: the body is never waited for.
test("a declared length over the limit is refused before the body", async () => {
  const base = baseUrl();
  const started = Date.now();
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, method: "POST", path: "/sign-in", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(2 * 1024 ** 3) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write("--x\r\n");
  });
  expect(status).toBe(413);
  expect(Date.now() - started).toBeLessThan(5_000);
});

test("under the limit, a form without JavaScript still reaches its action", async () => {
  const action = builtActions().find((a) => a.exportedName === "signInAction")!;
  // The fields React writes into a form whose action useActionState wraps.
  const fields: [string, string][] = [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify({ id: action.id, bound: "$@1" })],
    ["$ACTION_1:1", '[{"status":"idle"}]'],
    ["$ACTION_KEY", "k0"],
    ["email", "nobody@example.org"],
    ["password", "wrong"],
  ];
  const answer = await postLarge("/sign-in", 2 * 1024 * 1024, { chunked: true, fields });
  expect(answer.status).toBe(200);
  expect(answer.body).toContain("That email and password do not match an active account.");
});

test("action calls from another site, with an unreadable Origin or an undecodable reply are refusals, not 500", async () => {
  const action = builtActions().find((a) => a.exportedName === "signInAction")!;
  const call = (headers: Record<string, string>, body: string) => send({ method: "POST", path: "/sign-in", headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", ...headers }, body });
  for (const origin of ["https://evil.example", "null", "not a url"]) {
    const answer = await call({ Origin: origin }, '["$K1"]');
    expect(answer.status, origin).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe("FORBIDDEN");
  }
  for (const body of ["not json", '{"a":1}', '["$Q1"]', '["$@5"]', '["$h1"]', '["$n1x"]', `[${"[".repeat(10_000)}${"]".repeat(10_000)}]`]) {
    const answer = await call({}, body);
    expect(answer.status, body.slice(0, 20)).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("BAD_REQUEST");
  }
  const bad = multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"x","bound":"$@1"}']]);
  const noJs = await send({ method: "POST", path: "/sign-in", headers: { "Content-Type": bad.contentType }, body: bad.body });
  expect(noJs.status).toBe(400);
  expect(noJs.headers["content-type"]).toMatch(/^text\/html/);
});

test("an address whose escapes do not decode is a 400, a page for pages and the JSON shape for the API", async () => {
  for (const path of ["/matters/%zz", "/claims/%ED%A0%80", "/matters/%"]) {
    const answer = await send({ path });
    expect(answer.status, path).toBe(400);
    expect(answer.body).toContain("Request not understood");
  }
  const api = await send({ path: "/api/v1/matters/%ED%A0%80/exhibits/x/file" });
  expect(api.status).toBe(400);
  expect(JSON.parse(api.body)).toEqual({ error: { code: "BAD_REQUEST", message: "The address is not correctly encoded." } });
});
