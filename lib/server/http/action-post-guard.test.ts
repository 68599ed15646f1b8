import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/app-error";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/server/http/body-limits";
import { decodableUrl, pagePostKind, refusePagePostBody, refusePagePostHeaders } from "@/lib/server/http/action-post-guard";

// The framework's own client encoder: what a browser sends when a form calls an action.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

async function asBody(reply: string | FormData): Promise<{ headers: Record<string, string>; body: Buffer }> {
  if (typeof reply === "string") return { headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "7f00" }, body: Buffer.from(reply) };
  const request = new Request("http://localhost/", { method: "POST", body: reply });
  return { headers: { "content-type": request.headers.get("content-type")!, "next-action": "7f00" }, body: Buffer.from(await request.arrayBuffer()) };
}

async function refusal(kind: "action-call" | "form-post", headers: Record<string, string>, body: Buffer): Promise<string | null> {
  try {
    await refusePagePostBody(kind, headers, body);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return `${error.status} ${error.code}`;
  }
}

describe("page POST guard", () => {
  it("knows which POSTs are server actions or forms to pages", () => {
    expect(pagePostKind("POST", "/matters/x", { "next-action": "7f00" })).toBe("action-call");
    expect(pagePostKind("POST", "/claims/X?y=1", { "content-type": "multipart/form-data; boundary=x" })).toBe("form-post");
    expect(pagePostKind("POST", "/sign-in", { "content-type": "application/x-www-form-urlencoded" })).toBe("form-post");
    expect(pagePostKind("POST", "/matters/m/claims/import/upload", { "content-type": "text/csv" })).toBeNull();
    expect(pagePostKind("POST", "/api/auth/callback/password", { "content-type": "application/x-www-form-urlencoded", "next-action": "x" })).toBeNull();
    expect(pagePostKind("GET", "/sign-in", { "next-action": "7f00" })).toBeNull();
  });

  it("lets through what the framework's client encodes for our actions: ids, the form state, a FormData with a file", async () => {
    const form = new FormData();
    form.set("title", "$K1 looks like a reference");
    form.set("document", new File([new Uint8Array(10)], "a.pdf", { type: "application/pdf" }));
    const state = { status: "error", message: "$oops", fieldErrors: { a: ["b"] }, values: { v: "$@1" }, attempt: "x", none: undefined, when: new Date(0), big: 10n, nan: Number.NaN };
    const calls = [["m1", "$x", state, form], ["slug", { status: "idle" }, form], [{ status: "idle" }, form], ["a", { status: "idle" }]];
    for (const [i, args] of calls.entries()) {
      const { headers, body } = await asBody(await encodeReply(args));
      expect(await refusal("action-call", headers, body), `call ${i}`).toBeNull();
    }
  });

  it("refuses what the framework cannot decode (it answers those with a 500)", async () => {
    const text = (t: string) => refusal("action-call", { "content-type": "text/plain;charset=UTF-8" }, Buffer.from(t));
    for (const t of ["not json", "", '{"a":1}', "7", '["$Q1"]', '["$W2"]', '["$@5"]', '["$h1"]', '["$F1"]', '["$T"]', '["$B1"]', '["$n1x"]', '["$1:a:b"]', '["$R1"]', `[${"[".repeat(5000)}${"]".repeat(5000)}]`]) {
      expect(await text(t), t.slice(0, 30)).toBe("400 BAD_REQUEST");
    }
    expect(await refusal("action-call", { "content-type": "multipart/form-data; boundary=x" }, Buffer.from("garbage"))).toBe("400 BAD_REQUEST");
    const noRoot = new FormData();
    noRoot.set("_1_title", "x");
    const { headers, body } = await asBody(noRoot);
    expect(await refusal("action-call", headers, body)).toBe("400 BAD_REQUEST");
  });

  it("checks the encoded reply of a form sent without JavaScript", async () => {
    const form = (fields: [string, string][]) => {
      const f = new FormData();
      for (const [k, v] of fields) f.append(k, v);
      return asBody(f);
    };
    const good = await form([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'], ["$ACTION_1:1", '[{"status":"idle"}]'], ["$ACTION_KEY", "k1"], ["email", "a@b.c"]]);
    expect(await refusal("form-post", good.headers, good.body)).toBeNull();
    const plain = await form([["email", "a@b.c"]]);
    expect(await refusal("form-post", plain.headers, plain.body)).toBeNull();
    for (const fields of [[["$ACTION_REF_1", ""]], [["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}']], [["$ACTION_REF_1", ""], ["$ACTION_1:0", '"x"']]] as [string, string][][]) {
      const bad = await form(fields);
      expect(await refusal("form-post", bad.headers, bad.body), JSON.stringify(fields)).toBe("400 BAD_REQUEST");
    }
  });

  it("refuses another site's origin and a declared length over the limit before the body", () => {
    const refused = (headers: Record<string, string>) => {
      try {
        refusePagePostHeaders({ host: "app.example", ...headers });
        return null;
      } catch (error) {
        return isAppError(error) ? error.status : error;
      }
    };
    expect(refused({ origin: "http://app.example" })).toBeNull();
    expect(refused({})).toBeNull();
    expect(refused({ origin: "https://evil.example" })).toBe(403);
    expect(refused({ origin: "null" })).toBe(403);
    expect(refused({ "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) })).toBe(413);
    expect(refused({ "content-length": String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
  });

  it("finds addresses whose escapes do not decode", () => {
    expect(decodableUrl("/matters/abc?q=%ED%A0%80")).toBe(true);
    expect(decodableUrl("/matters/%zz")).toBe(false);
    expect(decodableUrl("/claims/%ED%A0%80")).toBe(false);
    expect(decodableUrl("/api/auth/session?x=%ED%A0%80")).toBe(false);
    expect(decodableUrl("/api/v1/claims/hong?x=a+b%20c")).toBe(true);
  });
});
