import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/i18n/return-path";

describe("safeReturnPath", () => {
  it("keeps a same-origin relative path with its query and fragment", () => {
    expect(safeReturnPath("/settlements/hong-v-bytedance/faq")).toBe("/settlements/hong-v-bytedance/faq");
    expect(safeReturnPath("/claim/x?notice=A1#top")).toBe("/claim/x?notice=A1#top");
  });
  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil", "", "/a\nb", "/a\\b", "\t/x"])("refuses %j", (raw) => {
    expect(safeReturnPath(raw)).toBe("/settlements");
  });
  it("refuses non-strings and overlong paths", () => {
    expect(safeReturnPath(undefined)).toBe("/settlements");
    expect(safeReturnPath(["/x"])).toBe("/settlements");
    expect(safeReturnPath(`/${"a".repeat(2001)}`)).toBe("/settlements");
  });
  it("normalises dot segments without leaving the site", () => {
    expect(safeReturnPath("/../../etc")).toBe("/etc");
  });
});
