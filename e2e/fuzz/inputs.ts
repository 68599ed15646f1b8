import fc from "fast-check";
import { z } from "zod";
import * as adminSchemas from "@/lib/schemas/admin";
import * as allegationSchemas from "@/lib/schemas/allegation";
import * as authSchemas from "@/lib/schemas/auth";
import * as claimSchemas from "@/lib/schemas/claim";
import * as countSchemas from "@/lib/schemas/count";
import * as evidenceSchemas from "@/lib/schemas/evidence";
import * as exhibitSchemas from "@/lib/schemas/exhibit";
import * as plaintiffSchemas from "@/lib/schemas/plaintiff";

// Generated inputs for the HTTP fuzzing spec (e2e/api/fuzz.spec.ts): fast-check with a fixed
// seed, so a failure names an input that comes back on the next run.

export const SEED = 20_261_202;

// Field names the schemas know, so that generated forms get past "unknown field" and reach the
// field checks, plus names that have meant trouble elsewhere (prototype keys, React's own).
export function fieldNames(): string[] {
  const keys = new Set<string>(["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$ACTION_ID_0", "$ACTION_REF_1", "a.b", "0", "claimIds", "exhibitIds", "fields"]);
  const visit = (s: unknown, depth: number) => {
    if (depth > 4 || !(s instanceof z.ZodType)) return;
    const def = s.def as unknown as Record<string, unknown>;
    if (s instanceof z.ZodObject) {
      for (const [k, v] of Object.entries(s.shape as Record<string, unknown>)) {
        keys.add(k);
        visit(v, depth + 1);
      }
    }
    for (const inner of [def.in, def.out, def.innerType, def.schema, def.element]) visit(inner, depth + 1);
    for (const option of (def.options as unknown[] | undefined) ?? []) visit(option, depth + 1);
  };
  for (const mod of [adminSchemas, allegationSchemas, authSchemas, claimSchemas, countSchemas, evidenceSchemas, exhibitSchemas, plaintiffSchemas]) {
    for (const value of Object.values(mod)) visit(value, 0);
  }
  return [...keys];
}

export const HUGE = "x".repeat(70_000);

// One text value: unicode of every plane (lone surrogates included), NUL, formula and markup
// payloads, impossible dates and numbers, enum-looking words and the like.
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\uffff", "\u202e", "=HYPERLINK(\"http://evil.example\")", "@SUM(1+1)", "+1+1",
      "0000-01-01", "9999-99-99", "2024-02-30", "-1", "1e400", "NaN", "Infinity", " ", "", "__proto__", "constructor",
      "$K1", "$$", "$undefined", "$@0", "../../../etc/passwd", "%00", "<script>alert(1)</script>", "'; DROP TABLE \"User\"; --",
      "ATTORNEY", "PARALEGAL", "ADMIN", "PRIVILEGED", "CONFIDENTIAL", "NONE", "true", "false", "null", "[]", "{}",
      "00000000-0000-0000-0000-000000000000", "2026-12-02T00:00:00.000Z",
    ),
  },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  { weight: 3, arbitrary: fc.integer().map(String) },
  { weight: 3, arbitrary: fc.double().map(String) },
  { weight: 3, arbitrary: fc.uuid() },
);

// JSON values of the wrong type and shape: anything, deep nesting, objects with own prototype keys.
export function deep(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

// The same as JSON text, built without recursion (JSON.stringify runs out of stack on it).
export function deepText(depth: number): string {
  const open: string[] = [];
  for (let i = 0; i < depth; i++) open.push(i % 2 ? "[" : '{"a":');
  return `${open.join("")}"leaf"${open.reverse().map((o) => (o === "[" ? "]" : "}")).join("")}`;
}

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1000 }).map(deep) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "then", "status"), nastyText, { maxKeys: 3 }) },
);

// A JSON object whose keys are field names, parsed from text so that `__proto__` is an own key.
export function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;
}

export type ActionPayload =
  // What the action client's forms send: the bound arguments, the previous state, the form.
  | { kind: "form"; fields: [string, string][]; bound: "real" | unknown[] }
  // A reply of the wrong shape: any arguments, decoded by the framework (no FormData).
  | { kind: "reply"; text: string }
  // Bytes that are not a reply at all, under some content type.
  | { kind: "raw"; contentType: string; body: string }
  // A form post without JavaScript (the framework finds the action in the form's fields).
  | { kind: "no-js"; fields: [string, string][] };

export function actionPayloads(names: string[], runs: number, seed: number): ActionPayload[] {
  const field = fc.constantFrom(...names);
  const fields = fc.array(fc.tuple(field, nastyText), { maxLength: 8 });
  const arb: fc.Arbitrary<ActionPayload> = fc.oneof(
    { weight: 30, arbitrary: fields.map((f) => ({ kind: "form" as const, fields: f, bound: "real" as const })) },
    { weight: 4, arbitrary: fc.tuple(fields, fc.array(jsonish, { maxLength: 4 })).map(([f, bound]) => ({ kind: "form" as const, fields: f, bound })) },
    {
      weight: 4,
      arbitrary: fc
        .oneof(
          fc.array(jsonish, { maxLength: 5 }).map((a) => JSON.stringify(a)),
          fc.array(fc.constantFrom("$K1", "$Q9", "$W2", "$@3", "$h4", "$F5", "$T6", "$B7", "$n1x", "$D-", "$i8", "$R9", "$x1", "$1", "$0:a:b", "$Y", "$S", "$undefined", "$$"), { minLength: 1, maxLength: 4 }).map((a) => JSON.stringify(a)),
          fc.integer({ min: 100, max: 100_000 }).map((d) => `[${deepText(d)}]`),
          fc.constant('[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]'),
        )
        .map((text) => ({ kind: "reply" as const, text })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          contentType: fc.constantFrom("text/plain;charset=UTF-8", "application/json", "multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream"),
          body: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.constant("--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--x--\r\n")),
        })
        .map((r) => ({ kind: "raw" as const, ...r })),
    },
    // Rendered as a whole page each: few, for time.
    { weight: 1, arbitrary: fields.map((f) => ({ kind: "no-js" as const, fields: f })) },
  );
  return fc.sample(arb, { seed, numRuns: runs });
}

// A multipart body built by hand: names and values go out byte for byte (a FormData would
// replace lone surrogates, and quote names its own way).
export function multipart(parts: [string, string | Buffer][]): { contentType: string; body: Buffer } {
  const boundary = `----proofline-fuzz-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "_")}"\r\n\r\n`));
    chunks.push(typeof value === "string" ? Buffer.from(value) : value);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

// React's reply encoding escapes strings that start with "$"; generated bound values are sent
// as a client would send them.
const escape = (v: unknown): unknown =>
  typeof v === "string" ? (v.startsWith("$") ? `$${v}` : v) : Array.isArray(v) ? v.map(escape) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escape(x)])) : v;

// The request body of one action call, as the framework's client makes it.
export function encodeActionCall(actionId: string, payload: ActionPayload, realBound: unknown[]): { headers: Record<string, string>; body: Buffer } {
  switch (payload.kind) {
    case "form": {
      const bound = payload.bound === "real" ? realBound : payload.bound;
      const root = JSON.stringify([...bound.map(escape), { status: "idle" }, "$K1"]);
      const { contentType, body } = multipart([...payload.fields.map(([k, v]): [string, string] => [`_1_${k}`, v]), ["0", root]]);
      return { headers: { "Next-Action": actionId, "Content-Type": contentType, Accept: "text/x-component" }, body };
    }
    case "reply":
      return { headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, body: Buffer.from(payload.text) };
    case "raw":
      return { headers: { "Next-Action": actionId, "Content-Type": payload.contentType, Accept: "text/x-component" }, body: Buffer.from(payload.body) };
    case "no-js": {
      // As React writes a form whose action has bound arguments (useActionState binds the state).
      const { contentType, body } = multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" })],
        ["$ACTION_1:1", JSON.stringify([...realBound.map(escape), { status: "idle" }])],
        ["$ACTION_KEY", "k0"],
        ...payload.fields,
      ]);
      return { headers: { "Content-Type": contentType, Accept: "text/html" }, body };
    }
  }
}
