import { describe, expect, it } from "vitest";
import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { describeRule, firedRules, knownValueForms } from "@/lib/analyzer/methodology";

const d = (entryIndex: number, ruleId: string, matched: string, path = "$.imei"): Detection => ({ entryIndex, part: "body", path, matched, ruleId, category: "IMEI", mode: ruleId.startsWith("known.") ? "known" : "pattern" });

describe("methodology appendix facts", () => {
  it("counts each fired rule and cites its first hit with the value masked", () => {
    const rules = firedRules([d(7, "imei.field", "356938035643809"), d(3, "imei.field", "356938035643809"), d(5, "known.imei.md5", "0123456789abcdef0123456789abcdef")]);
    expect(rules.map((r) => [r.ruleId, r.hits])).toEqual([
      ["imei.field", 2],
      ["known.imei.md5", 1],
    ]);
    expect(rules[0]!.example).toEqual({ entryIndex: 3, part: "body", path: "$.imei", masked: expect.not.stringContaining("356938035643809") });
    expect(rules[0]!.looksFor).toContain("a field whose name matches");
    expect(rules[1]!.description).toBe("The matter's test device's own IMEI, MD5 hex digest.");
  });

  it("names an unknown rule as from an earlier version rather than guessing", () => {
    expect(describeRule("gone.rule").description).toMatch(/earlier analyzer version/);
  });

  it("lists the forms tried for each recorded test-device value, masked", () => {
    const forms = knownValueForms({ imei: "356938035643809", androidId: null });
    expect(forms).toHaveLength(1);
    expect(forms[0]!.field).toBe("IMEI");
    expect(forms[0]!.masked).not.toContain("356938035643809");
    expect(forms[0]!.forms).toMatch(/Base64 \(\d+\).*SHA-256 hex digest \(\d+\)/);
  });
});
