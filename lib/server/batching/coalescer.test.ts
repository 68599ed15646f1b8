import { describe, expect, it } from "vitest";
import { createCoalescer } from "@/lib/server/batching/coalescer";

describe("coalescer", () => {
  it("runs concurrent calls as one group, and when the group fails, runs each item alone so only the bad one fails", async () => {
    const groups: number[][] = [];
    const double = createCoalescer<number, number>(async (items) => {
      groups.push([...items]);
      if (items.includes(13)) throw new Error("unlucky item in the group");
      return items.map((n) => n * 2);
    });
    const results = await Promise.allSettled([1, 2, 13, 4].map((n) => double(n)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([2, 4, "unlucky item in the group", 8]);
    expect(groups[0]).toEqual([1, 2, 13, 4]);
    expect(groups.slice(1).every((g) => g.length === 1)).toBe(true);
  });
});
