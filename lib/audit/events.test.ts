import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_EVENTS, LEGACY_AUDIT_ACTIONS, auditRecord, canonicalAuditAction, describeAuditEvent, isAuditAction, storedAuditActionNames } from "@/lib/audit/events";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const sources = ["lib", "prisma", "scripts"].flatMap((d) => sourceFiles(path.join(root, d)));

describe("audit registry: the vocabulary", () => {
  it("names every action domain.verb or domain.verb-noun, in one kebab-case spelling", () => {
    for (const action of Object.keys(AUDIT_EVENTS)) expect(action).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
  });

  it("maps every old spelling to a registered action, and no old spelling is still registered", () => {
    for (const [old, now] of Object.entries(LEGACY_AUDIT_ACTIONS)) {
      expect(isAuditAction(old)).toBe(false);
      expect(isAuditAction(now)).toBe(true);
    }
    expect(storedAuditActionNames("claim.request-rescore")).toEqual(["claim.request-rescore", "claim.rescore-requested"]);
  });

  it("registers every action name the source writes", () => {
    const written = sources.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\baction: "([\w-]+\.[\w-]+)"/g)].map((m) => `${path.relative(root, file)}: ${m[1]}`));
    expect(written.length).toBeGreaterThan(40);
    expect(written.filter((w) => !isAuditAction(w.split(": ")[1]!))).toEqual([]);
  });

  it("has no audit writer that bypasses the registry", () => {
    const direct = sources
      .filter((file) => /auditEvent\.create\(|INSERT INTO "AuditEvent"/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file))
      .sort();
    // appendAudit; the seed (its own client, through seedAudit); claim submission's one statement, built with auditRecord.
    expect(direct).toEqual(["lib/server/audit/append-audit.ts", "lib/server/claims/submit-claim.ts", "prisma/seed-chronology.ts", "prisma/seed-claims.ts", "prisma/seed-exhibits.ts", "prisma/seed-ledger.ts", "prisma/seed.ts"]);
    for (const seed of direct.filter((f) => f.startsWith("prisma/"))) {
      const text = readFileSync(path.join(root, seed), "utf8");
      expect(text.match(/auditEvent\.create\(/g)!.length, seed).toBe(text.match(/\.\.\.seedAudit\(/g)?.length ?? 0);
    }
  });
});

describe("audit registry: writing", () => {
  it("takes the entity type from the registry and passes details that fit", () => {
    expect(auditRecord("exhibit.certify", { sha256: "a".repeat(64) })).toEqual({ action: "exhibit.certify", entityType: "Exhibit", details: { sha256: "a".repeat(64) } });
  });

  it("refuses details that do not fit the action's schema", () => {
    // @ts-expect-error an unknown key is a compile error as well as a runtime one
    expect(() => auditRecord("exhibit.certify", { sha256: "a".repeat(64), extra: 1 })).toThrow(/exhibit\.certify/);
    // @ts-expect-error a missing key too
    expect(() => auditRecord("membership.set", { email: "a@b.c" })).toThrow(/role/);
    expect(() => auditRecord("exhibit.certify", { sha256: "not a hash" })).toThrow(/sha256/);
    // @ts-expect-error a name outside the vocabulary does not compile
    expect(() => auditRecord("exhibit.export", {})).toThrow(/Unknown audit action/);
  });
});

describe("describeAuditEvent", () => {
  it("renders a designation change as one plain sentence", () => {
    const before = { confidentiality: "CONFIDENTIAL", privilege: "NONE", privilegeBasis: null };
    const after = { confidentiality: "CONFIDENTIAL", privilege: "WORK_PRODUCT", privilegeBasis: "Expert analysis for counsel" };
    expect(describeAuditEvent({ action: "exhibit.designate", details: { before, after, reason: "Prepared for litigation" } })).toEqual({
      label: "Designation changed",
      sentence: "Privilege: not privileged → work product. Basis: “Expert analysis for counsel”. Reason: “Prepared for litigation”",
    });
  });

  it("reads rows written under an old spelling with today's label and sentence", () => {
    const d = describeAuditEvent({
      action: "allegation.clear_flag",
      details: { allegationId: "a", before: { severity: "UNSUPPORTED", reason: "no capture yet" }, reason: "Capture PX-0003 received" },
    });
    expect(d).toEqual({ label: "Flag cleared", sentence: "Was unsupported. Reason: “Capture PX-0003 received”" });
    expect(canonicalAuditAction("evidence_request.create")).toBe("evidence-request.create");
    expect(describeAuditEvent({ action: "claim.rescore-failed", details: { reason: "timeout" } })).toEqual({ label: "Re-scoring failed", sentence: "Reason: “timeout”" });
  });

  it("shows a name outside the vocabulary as itself, without crashing", () => {
    // The exhibit page once labelled "exhibit.export", which nothing ever wrote.
    expect(describeAuditEvent({ action: "exhibit.export", details: { any: "thing" } })).toEqual({ label: "exhibit.export", sentence: "—" });
    expect(describeAuditEvent({ action: "", details: undefined })).toEqual({ label: "", sentence: "—" });
  });

  it("keeps the label when stored details no longer fit, and never throws on junk", () => {
    // What the demo seed wrote before details were checked.
    expect(describeAuditEvent({ action: "plaintiff.create", details: { source: "demo seed" } })).toEqual({ label: "Plaintiff added", sentence: "—" });
    for (const details of [null, "text", 42, [], { after: null }, { before: 1, after: 2 }]) {
      for (const action of Object.keys(AUDIT_EVENTS)) expect(() => describeAuditEvent({ action, details })).not.toThrow();
    }
  });
});
