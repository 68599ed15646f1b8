import { describe, expect, it } from "vitest";
import { PAYOUTS_WEB_MAX_ROWS, payoutPartCount, splitIntoParts } from "@/lib/payments/payouts";

describe("PayPal upload parts", () => {
  it("keeps up to 5,000 payments in one file and splits past it, every payment once and in order", () => {
    const n = (count: number) => Array.from({ length: count }, (_, i) => i);
    expect(PAYOUTS_WEB_MAX_ROWS).toBe(5000);
    expect(splitIntoParts(n(0))).toEqual([]);
    expect(splitIntoParts(n(5000)).map((p) => p.length)).toEqual([5000]);
    expect(splitIntoParts(n(5001)).map((p) => p.length)).toEqual([5000, 1]);
    const parts = splitIntoParts(n(12_001));
    expect(parts.map((p) => p.length)).toEqual([5000, 5000, 2001]);
    expect(parts.flat()).toEqual(n(12_001));
    expect([0, 1, 5000, 5001, 12_001].map(payoutPartCount)).toEqual([1, 1, 1, 2, 3]);
  });
});
