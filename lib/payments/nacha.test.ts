import { describe, expect, it } from "vitest";
import { buildNachaFile, type NachaEntry } from "@/lib/payments/nacha";

const entry = (i: number, over: Partial<NachaEntry> = {}): NachaEntry => ({
  routingNumber: i % 2 ? "021000021" : "011000015",
  accountNumber: `${1000 + i}`,
  accountType: i % 3 ? "CHECKING" : "SAVINGS",
  amountCents: BigInt(100 * i + 7),
  id: `CLAIM-${i}`,
  name: `José Núñez ${i}`,
  ...over,
});

describe("NACHA file", () => {
  it("is blank-safe without originator details: every record 94 characters, blocks of ten", () => {
    const file = buildNachaFile({ odfiRouting: null, destinationName: null, companyId: null, companyName: null, originName: null, entryDescription: "SETTLEMENT" }, [entry(1)], {
      created: new Date("2026-12-02T15:04:00Z"),
      effectiveDate: new Date("2026-12-03T00:00:00Z"),
    });
    const lines = file.text.split("\r\n").slice(0, -1);
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => l.length === 94)).toBe(true);
    expect(file.text).not.toMatch(/undefined|null|NaN/);
    expect(lines[0]!.slice(23, 33)).toBe("2612021504");
    // Accents become plain letters, in capitals.
    expect(lines[2]!.slice(54, 76)).toBe("JOSE NUNEZ 1          ");
    expect(lines.slice(5)).toEqual(Array(5).fill("9".repeat(94)));
  });

  it("splits into batches whose controls add up to the file control", () => {
    const entries = Array.from({ length: 10_003 }, (_, i) => entry(i + 1));
    const file = buildNachaFile({ odfiRouting: "021000021", destinationName: "BANK", companyId: "123456789", companyName: "FUND", originName: "FUND", entryDescription: "SETTLEMENT" }, entries, {
      created: new Date(),
      effectiveDate: new Date(),
    });
    expect(file.batches).toBe(2);
    const lines = file.text.split("\r\n").slice(0, -1);
    expect(lines.length % 10).toBe(0);
    const controls = lines.filter((l) => l[0] === "8");
    expect(controls.map((l) => Number(l.slice(4, 10)))).toEqual([10_000, 3]);
    const fileControl = lines.find((l) => l[0] === "9" && l !== "9".repeat(94))!;
    expect(BigInt(fileControl.slice(43, 55))).toBe(controls.reduce((n, l) => n + BigInt(l.slice(32, 44)), 0n));
    expect(BigInt(fileControl.slice(21, 31))).toBe(controls.reduce((n, l) => n + BigInt(l.slice(10, 20)), 0n) % 10_000_000_000n);
    expect(Number(fileControl.slice(7, 13))).toBe(lines.length / 10);
    // Trace numbers run on across batches.
    const traces = lines.filter((l) => l[0] === "6").map((l) => l.slice(79));
    expect(traces.at(-1)).toBe(`02100002${String(10_003).padStart(7, "0")}`);
  });

  it("refuses what cannot be written in its field", () => {
    const o = { odfiRouting: null, destinationName: null, companyId: null, companyName: null, originName: null, entryDescription: "X" };
    const at = { created: new Date(), effectiveDate: new Date() };
    expect(() => buildNachaFile(o, [entry(1, { amountCents: 0n })], at)).toThrow(/amount/);
    expect(() => buildNachaFile(o, [entry(1, { accountNumber: "123456789012345678" })], at)).toThrow(/account/);
    expect(() => buildNachaFile(o, [entry(1, { routingNumber: "1234" })], at)).toThrow(/routing/);
  });
});
