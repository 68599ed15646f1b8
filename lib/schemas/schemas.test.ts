import { describe, expect, it } from "vitest";
import { ZCreateAllegation, ZUpdateAllegation } from "@/lib/schemas/allegation";
import { ZCreatePlaintiff } from "@/lib/schemas/plaintiff";
import { ZReject } from "@/lib/schemas/claim";
import { ZOptionalText } from "@/lib/schemas/common";

describe("schemas at the boundary", () => {
  it("refuse text with a NUL byte or a lone surrogate with a field message, and keep well-formed emoji", () => {
    for (const reason of ["a\u0000bcd", "abc\ud800", "\udc00abc"]) {
      const r = ZReject.safeParse({ reason });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/cannot be stored/);
    }
    expect(ZReject.safeParse({ reason: "Duplicate 🙂 filing" }).success).toBe(true);
    expect(ZOptionalText(10).safeParse("\u0000").success).toBe(false);
  });

  it("refuse a body that is not a form at all instead of throwing", () => {
    for (const input of ["text", [], 42, null]) {
      expect(ZCreateAllegation.safeParse(input).success).toBe(false);
      expect(ZUpdateAllegation.safeParse(input).success).toBe(false);
      expect(ZCreatePlaintiff.safeParse(input).success).toBe(false);
    }
  });
});
