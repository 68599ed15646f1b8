import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The dependency rules of DESIGN.md, read from the source: a move that breaks one fails here with
// the file and the import, instead of surfacing later as a bundling error or a load-order bug.
const ROOT = path.resolve(import.meta.dirname, "..");

type Import = { target: string; runtime: boolean };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (rel !== "lib/generated") out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(rel);
    }
  }
  return out;
}

// Tests (vitest's *.test.ts and the soak suite's *.soak.ts) set up their own world.
const isTest = (file: string) => file.endsWith(".test.ts") || file.endsWith(".soak.ts");

// "@/lib/x" or "./x" to a repository path; packages (next, zod, server-only) to null.
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return base;
}

const importCache = new Map<string, Import[]>();

// Static imports and re-exports (runtime unless every binding is a type), plus import() calls and
// import("…") types, which count for layering but not for load-order cycles.
function importsOf(file: string): Import[] {
  const cached = importCache.get(file);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Import[] = [];
  const add = (specifier: string, runtime: boolean) => {
    const target = resolve(file, specifier);
    if (target) found.push({ target, runtime });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(statement.moduleSpecifier.text, !typeOnly);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      add(statement.moduleSpecifier.text, !statement.isTypeOnly);
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  importCache.set(file, found);
  return found;
}

function violations(files: string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter((i) => forbidden(i.target)).map((i) => `${file} imports ${i.target}`));
}

// Strongly connected components (Tarjan) with more than one member, or one that imports itself.
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return found;
}

const libFiles = sourceFiles("lib");
const componentFiles = sourceFiles("components");
const serverFiles = libFiles.filter((f) => f.startsWith("lib/server/") && !isTest(f));

// What each lib/server module loads when it is loaded; type-only imports and import() calls do
// not run at load time, so they cannot make a half-initialised module.
function runtimeGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of serverFiles) {
    graph.set(file, [...new Set(importsOf(file).filter((i) => i.runtime && i.target.startsWith("lib/server/")).map((i) => i.target))]);
  }
  return graph;
}

// lib/server/<domain>/… → <domain>; a top-level module (db.ts, env.ts) is its own domain.
const domainOf = (file: string) => file.split("/")[2]!.replace(/\.tsx?$/, "");

// Domains that reach each other, and why that is accepted: each side uses only the other's
// infrastructure, never its use cases.
const ACCEPTED_DOMAIN_CYCLES = new Set([
  // A claim is checked against opt-outs after it is filed; an objection stores its PDF like a claim attachment.
  "claims -> settlement",
  "settlement -> claims",
  // Auth's use cases (password change, sign-out) write audit rows; audit's chain check asks the policy.
  "audit -> auth",
  "auth -> audit",
  // Sign-in reads the client IP (http/forwarded-headers); the route wrapper signs the request in.
  "auth -> http",
  "http -> auth",
]);

// process.env is read through lib/server/env.ts (validated once at boot). Tooling (scripts/, bench/,
// e2e/, prisma/, *.config.ts) and tests are outside these folders or skipped below. Each other
// reader names the variables it may touch, and why.
const ENV_READERS: Record<string, { names: string[]; why: string }> = {
  "lib/server/env.ts": { names: ["*"], why: "the one validated reader" },
  "lib/server/logger.ts": { names: ["LOG_LEVEL"], why: "the logger must work when the configuration is invalid, to report it" },
  "lib/server/auth/auth.ts": { names: ["AUTH_URL"], why: "set from APP_URL for Auth.js, which reads it from process.env itself" },
  "instrumentation.ts": { names: ["NEXT_RUNTIME"], why: "set by Next.js per runtime; checked before any Node-only module loads" },
  "proxy.ts": { names: ["NODE_ENV"], why: "inlined by Next.js at build time (the development CSP differs)" },
};

describe("architecture", () => {
  it("lib never imports components", () => {
    expect(violations(libFiles, (t) => t.startsWith("components/"))).toEqual([]);
  });

  it("components never import lib/server", () => {
    expect(violations(componentFiles, (t) => t.startsWith("lib/server/"))).toEqual([]);
  });

  it("no lib/server module loads itself through a cycle of runtime imports", () => {
    expect(cycles(runtimeGraph())).toEqual([]);
  });

  it("lib/server domains do not depend on each other in a cycle, except the accepted ones", () => {
    const graph = runtimeGraph();
    const domains = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const [from, to] = [domainOf(file), domainOf(target)];
        if (from === to) continue;
        if (!domains.has(from)) domains.set(from, new Set());
        domains.get(from)!.add(to);
      }
    }
    const reaches = (from: string, goal: string) => {
      const seen = new Set<string>();
      const todo = [from];
      while (todo.length) {
        for (const next of domains.get(todo.pop()!) ?? []) {
          if (next === goal) return true;
          if (seen.has(next)) continue;
          seen.add(next);
          todo.push(next);
        }
      }
      return false;
    };
    const cyclic = [...domains].flatMap(([from, tos]) => [...tos].filter((to) => reaches(to, from)).map((to) => `${from} -> ${to}`));
    const explain = (edge: string) => {
      const [from, to] = edge.split(" -> ");
      const files = [...graph].filter(([f, targets]) => domainOf(f) === from && targets.some((t) => domainOf(t) === to)).map(([f]) => f);
      return `${edge} (${files.join(", ")})`;
    };
    expect(cyclic.filter((edge) => !ACCEPTED_DOMAIN_CYCLES.has(edge)).map(explain)).toEqual([]);
  });

  it("reads process.env only in lib/server/env.ts and a short list of justified places", () => {
    const appFiles = [...sourceFiles("app"), ...componentFiles, ...libFiles, "proxy.ts", "instrumentation.ts"].filter((f) => !isTest(f) && !f.startsWith("lib/server/testing/"));
    const reads = appFiles.flatMap((file) =>
      // process.env.NAME, or "*" for the whole object or a computed name.
      [...fs.readFileSync(path.join(ROOT, file), "utf8").matchAll(/\bprocess\.env\b(?:\.(\w+))?/g)].map((m) => ({ file, name: m[1] ?? "*" })),
    );
    const allowed = ({ file, name }: { file: string; name: string }) => ENV_READERS[file]?.names.some((n) => n === "*" || n === name);
    expect(reads.filter((r) => !allowed(r)).map((r) => `${r.file} reads process.env.${r.name}`)).toEqual([]);
    // A justification outliving its reason is a hole in the rule.
    expect(Object.keys(ENV_READERS).filter((file) => !reads.some((r) => r.file === file))).toEqual([]);
  });

  it("type-checks the schema engine stand-in, which runs as plain JavaScript", () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")) as { include: string[] };
    expect(tsconfig.include).toContain("scripts/prisma-schema-engine.mjs");
    expect(fs.readFileSync(path.join(ROOT, "scripts/prisma-schema-engine.mjs"), "utf8").split("\n").slice(0, 3)).toContain("// @ts-check");
  });

  it("sees the imports it checks (a parse that finds nothing would pass every rule)", () => {
    expect(importsOf("lib/server/auth/auth.ts")).toContainEqual({ target: "lib/server/db.ts", runtime: true });
    expect(importsOf("lib/server/audit/append-audit.ts")).toContainEqual({ target: "lib/server/auth/actor.ts", runtime: false });
    expect(cycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]]))).toEqual([["a", "b"]]);
  });
});
