import { describe, expect, it } from "vitest";
import { formatCents, parseCents, planDistribution, PlanError } from "@/lib/distribution/plan";

describe("plan of allocation arithmetic", () => {
  it("shares a pool by weight, leaving fewer cents over than claims", () => {
    const p = planDistribution(1_000_00n, 0n, "RAISE_TO_FLOOR", [{ weight: 5, count: 3 }, { weight: 1, count: 4 }]);
    expect(p.totalWeight).toBe(19n);
    // 100000·5/19 = 26315 r 15, 100000/19 = 5263 r 3: 3·26315 + 4·5263 = 99997, 3 cents left over.
    expect(p.leftoverCents).toBe(3n);
    expect([p.allocatedCents, p.residueCents, p.belowCount]).toEqual([1_000_00n, 0n, 0]);
  });

  it("raises the lightest weights until every sharing claim meets the minimum, walking upwards", () => {
    // 3,000 cents; weights 1 ×10, 2 ×10, 20 ×1 (50 shares → 60 a unit). Minimum 101: weight 1
    // (60) is raised, which leaves weight 2 at 1,990·2/40 = 99, so it is raised too.
    const p = planDistribution(3000n, 101n, "RAISE_TO_FLOOR", [{ weight: 1, count: 10 }, { weight: 2, count: 10 }, { weight: 20, count: 1 }]);
    expect([p.threshold, p.belowCount, p.poolCents, p.allocatedCents]).toEqual([20, 20, 3000n - 101n * 20n, 3000n]);
  });

  it("drops the lightest weights only as far as needed", () => {
    const p = planDistribution(1000n, 60n, "DROP_BELOW_FLOOR", [{ weight: 1, count: 10 }, { weight: 2, count: 10 }, { weight: 10, count: 1 }]);
    // Without weight 1: 1000/30 per unit → weight 2 gets 66 ≥ 60.
    expect([p.threshold, p.belowCount, p.poolCents, p.residueCents]).toEqual([2, 10, 1000n, 0n]);
  });

  it("refuses a minimum the fund cannot pay everyone; a dropped-out class leaves the fund as residue", () => {
    expect(() => planDistribution(100n, 50n, "RAISE_TO_FLOOR", [{ weight: 1, count: 3 }])).toThrow(PlanError);
    expect(planDistribution(100n, 50n, "DROP_BELOW_FLOOR", [{ weight: 1, count: 3 }]).residueCents).toBe(100n);
  });

  it("reads and writes dollars as integer cents", () => {
    expect(parseCents("$1,234,567.8")).toBe(123456780n);
    expect(parseCents("12")).toBe(1200n);
    for (const bad of ["1,23", "1.234", "-5", "1e6", ""]) expect(parseCents(bad)).toBeNull();
    expect(formatCents(123456789012n)).toBe("$1,234,567,890.12");
    expect(formatCents(-5n)).toBe("-$0.05");
  });
});
