import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { builtActions, builtAppPaths, urlOf } from "../fuzz/build";
import { encodeActionCall } from "../fuzz/inputs";
import { closeAgents, send } from "../fuzz/wire";
import { hongMatterId, sql } from "../helpers";

// The entry-point inventory of the build (issue 9): every server action and route handler that
// `next build` produced, read from .next's manifests, must be accounted for by the gate. The
// source-level test (lib/server/http/entry-points.test.ts) proves each export of app/**/actions.ts
// and app/**/route.ts carries the gate's mark; this one proves the build holds nothing else (an
// inline "use server" function in a page, a route file the source test does not find), and then,
// behaviourally, that a signed-out call to each answers the gate's refusal.

const BUILDERS = { matterAction: "matter", accountAction: "account", signedInAction: "signed-in", publicAction: "public" } as const;
const ROUTE_WRAPPERS = /^export const (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) = (sessionRoute|publicRoute)\b|^export const (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) = markGated\(/gm;
const METHOD_EXPORT = /^export (?:const|async function|function) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm;
// The public entry points, by design (issue 9: claim form, sign-in and its second factor, e-mail
// links, password reset by e-mail).
const PUBLIC_ACTIONS = [
  "signInAction",
  "secondFactorAction",
  "requestPasswordResetAction",
  "resetPasswordAction",
  "submitClaimAction",
  "saveClaimDraftAction",
  "submitOptOutAction",
  "submitObjectionAction",
  "redeemLinkAction",
  "requestLinkAction",
];
const PUBLIC_ROUTES = ["/api/auth/[...nextauth]/route", "/api/v1/claims/[matterSlug]/uploads/route", "/(site)/language/route", "/api/v1/settlements/[matterSlug]/documents/[exhibitId]/route", "/api/v1/openapi.json/route"];

function builderOf(file: string, name: string): string | undefined {
  const source = fs.readFileSync(path.resolve(file), "utf8");
  const m = new RegExp(`^export const ${name} = (\\w+)\\(`, "m").exec(source);
  return m ? BUILDERS[m[1] as keyof typeof BUILDERS] : undefined;
}

test.afterAll(() => closeAgents());

test("every server action in the build is an export built by the action client", () => {
  const actions = builtActions();
  const problems: string[] = [];
  const kinds: Record<string, number> = {};
  for (const action of actions) {
    if (!/^app\/.*\/actions\.ts$/.test(action.filename)) problems.push(`${action.id}: ${action.filename || "no source file"} ${action.exportedName} is not in an app/**/actions.ts`);
    else if (!fs.existsSync(action.filename)) problems.push(`${action.id}: ${action.filename} is missing from the source`);
    else {
      const kind = builderOf(action.filename, action.exportedName);
      if (!kind) problems.push(`${action.filename} ${action.exportedName}: not built by matterAction/accountAction/signedInAction/publicAction`);
      else kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (kind === "public" && !PUBLIC_ACTIONS.includes(action.exportedName)) problems.push(`${action.filename} ${action.exportedName}: a public action not in the list of public entry points`);
    }
    if (!action.pages.length) problems.push(`${action.id}: carried by no page`);
  }
  console.log(`entry points (build): ${actions.length} server actions (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
  expect(actions.length).toBeGreaterThanOrEqual(30);
  expect(problems).toEqual([]);
});

test("every route handler in the build is a route file whose methods go through the route wrapper", () => {
  const routes = builtAppPaths().filter((key) => key.endsWith("/route"));
  const problems: string[] = [];
  let methods = 0;
  for (const key of routes) {
    const file = `app${key}.ts`;
    if (!fs.existsSync(file)) {
      problems.push(`${key}: no source file ${file} (a framework-made route? account for it here)`);
      continue;
    }
    const source = fs.readFileSync(file, "utf8");
    const exported = [...source.matchAll(METHOD_EXPORT)].map((m) => m[1]);
    const wrapped = new Set([...source.matchAll(ROUTE_WRAPPERS)].map((m) => m[1] ?? m[3]));
    methods += exported.length;
    for (const method of exported) if (!wrapped.has(method)) problems.push(`${file} ${method}: not built by sessionRoute/publicRoute/markGated`);
    if (!exported.length) problems.push(`${file}: no HTTP method exported`);
  }
  console.log(`entry points (build): ${routes.length} route files, ${methods} route handlers`);
  expect(routes.length).toBeGreaterThanOrEqual(10);
  expect(problems).toEqual([]);
});

test("signed out, every gated action and every session route answers the gate's refusal and writes nothing", async () => {
  const m = await hongMatterId();
  const nowhere = "00000000-0000-4000-8000-000000000000";
  const params: Record<string, string> = { matterId: m, matterSlug: "hong-v-bytedance", number: "ZZZZ-ZZZZ-ZZZZ", nextauth: "session", report: "exhibit-list.csv" };
  const param = new Proxy(params, { get: (target, key: string) => target[key] ?? nowhere });
  const before = await sql<{ n: string }>(`SELECT (SELECT count(*) FROM "AuditEvent") + (SELECT count(*) FROM "Allegation") + (SELECT count(*) FROM "Claim") + (SELECT count(*) FROM "Exhibit") + (SELECT count(*) FROM "User") AS n`);
  const problems: string[] = [];
  let actions = 0;
  for (const action of builtActions()) {
    const kind = builderOf(action.filename, action.exportedName);
    if (kind === "public") continue;
    actions++;
    // Well formed, with each number of bound ids a page could bind: the one the action declares
    // meets the gate (sign in first); the others are refused as unreadable before it.
    const answers: string[] = [];
    for (const bound of [[], [m], [m, nowhere], [m, nowhere, nowhere]]) {
      const { headers, body } = encodeActionCall(action.id, { kind: "form", fields: [["title", "x"]], bound }, []);
      const answer = await send({ method: "POST", path: urlOf(action.pages[0]!, param), headers, body });
      const redirect = String(answer.headers["x-action-redirect"] ?? "");
      if (answer.status === 200 && redirect.startsWith("/sign-in")) answers.push("gate");
      else if (answer.status === 200 && /could not be read/.test(answer.body)) answers.push("unreadable");
      else answers.push(`${answer.status} ${redirect || answer.body.slice(0, 120)}`);
    }
    if (!answers.includes("gate") || answers.some((a) => a !== "gate" && a !== "unreadable")) problems.push(`${action.exportedName} (${kind}): ${answers.join(" | ")}`);
  }
  let routes = 0;
  for (const key of builtAppPaths().filter((k) => k.endsWith("/route"))) {
    const source = fs.readFileSync(`app${key}.ts`, "utf8");
    for (const [, method] of source.matchAll(METHOD_EXPORT)) {
      routes++;
      const url = urlOf(`app${key}`, param);
      const answer = await send({ method, path: url, headers: method === "POST" ? { "Content-Type": "application/json" } : {}, body: method === "POST" ? "{}" : undefined });
      if (answer.status >= 500) problems.push(`${method} ${url}: ${answer.status}`);
      if (PUBLIC_ROUTES.includes(key)) continue;
      // 401 in the JSON error shape, or back to the page for a download link; the claims import
      // refuses a JSON body (415) before it looks at the session.
      const refused = answer.status === 401 ? /"UNAUTHENTICATED"/.test(answer.body) : answer.status === 303 ? !!answer.headers.location : answer.status === 415;
      if (!refused) problems.push(`${method} ${url}: answered ${answer.status} signed out`);
    }
  }
  const after = await sql<{ n: string }>(`SELECT (SELECT count(*) FROM "AuditEvent") + (SELECT count(*) FROM "Allegation") + (SELECT count(*) FROM "Claim") + (SELECT count(*) FROM "Exhibit") + (SELECT count(*) FROM "User") AS n`);
  console.log(`entry points (signed out): ${actions} gated actions × 4 shapes, ${routes} route handlers called`);
  expect(problems).toEqual([]);
  expect(after[0]!.n).toBe(before[0]!.n);
});
