import { describe, expect, it } from "vitest";
import { MESSAGES } from "./index";

// Every key in English has a Spanish text and the other way round, so a page never shows a
// raw key or falls back to the wrong language.
function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogue", () => {
  it("has the same keys in English and Spanish", () => {
    expect(keys(MESSAGES.es).sort()).toEqual(keys(MESSAGES.en).sort());
  });
  it("has no empty text", () => {
    for (const locale of ["en", "es"] as const) {
      const empty = keys(MESSAGES[locale]).filter((k) => {
        const text = k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], MESSAGES[locale]);
        return typeof text !== "string" || text.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
