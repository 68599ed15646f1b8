import { describe, expect, it } from "vitest";
import { CLAIM_ALPHABET, generateClaimNumber, isValidClaimNumber, normalizeClaimNumber } from "@/lib/claims/claim-number";
import { isDisposableDomain } from "@/lib/claims/disposable-domains";
import { ipPrefix, normalizeAddress, normalizeEmail, normalizePhone } from "@/lib/claims/normalize";

describe("claim numbers", () => {
  it("use only the unambiguous alphabet, grouped in fours, and pass their own check", () => {
    for (let i = 0; i < 2000; i++) {
      const n = generateClaimNumber();
      expect(n).toMatch(/^[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$/);
      expect(isValidClaimNumber(n)).toBe(true);
    }
    expect(CLAIM_ALPHABET).not.toMatch(/[01IO]/);
  });

  // Luhn mod N misses exactly one swap: the alphabet's first and last characters ("2Z" ↔ "Z2").
  it("catch every single-character substitution and every adjacent swap but 2Z/Z2", () => {
    for (let k = 0; k < 50; k++) {
      const n = generateClaimNumber().replaceAll("-", "");
      for (let i = 0; i < n.length; i++) {
        for (const c of CLAIM_ALPHABET) {
          if (c === n[i]) continue;
          expect(isValidClaimNumber(n.slice(0, i) + c + n.slice(i + 1))).toBe(false);
        }
        const pair = n[i]! + n[i + 1];
        if (i + 1 < n.length && n[i] !== n[i + 1] && pair !== "2Z" && pair !== "Z2") {
          expect(isValidClaimNumber(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2))).toBe(false);
        }
      }
    }
  });

  it("accept what people type and refuse look-alikes", () => {
    const n = generateClaimNumber();
    expect(normalizeClaimNumber(` ${n.toLowerCase().replaceAll("-", " ")} `)).toBe(n);
    expect(normalizeClaimNumber(n.replace(/.$/, "O"))).toBeNull();
    expect(normalizeClaimNumber("ABCD")).toBeNull();
  });

  it("are unique in practice (no collision in 100,000)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(generateClaimNumber());
    expect(seen.size).toBe(100_000);
  });
});

describe("normalisation", () => {
  it("folds case, Gmail dots and +tags, but keeps dots where the provider honours them", () => {
    expect(normalizeEmail("Jane.Doe+claims@GoogleMail.com")).toBe("janedoe@gmail.com");
    expect(normalizeEmail("jane.doe+x@outlook.com")).toBe("jane.doe@outlook.com");
    expect(normalizeEmail("jane.doe+x@example.org")).toBe("jane.doe+x@example.org");
    expect(normalizeEmail("j.anedoe@example.org")).not.toBe(normalizeEmail("jane.doe@example.org"));
  });

  it("reduces US phone numbers to ten digits", () => {
    expect(normalizePhone("+1 (415) 555-0100")).toBe("4155550100");
    expect(normalizePhone("415.555.0100")).toBe("4155550100");
    expect(normalizePhone("12")).toBeNull();
  });

  it("treats street-suffix and unit spellings as one address, but not another street number", () => {
    const a = normalizeAddress({ addressLine1: "123 Main Street", addressLine2: "Apt. 4", zip: "60601", state: "il" });
    const b = normalizeAddress({ addressLine1: "123 MAIN ST #4", zip: "60601-1234", state: "IL" });
    const c = normalizeAddress({ addressLine1: "124 Main St", addressLine2: "Apt 4", zip: "60601", state: "IL" });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("finds disposable domains and their subdomains only", () => {
    expect(isDisposableDomain("mailinator.com")).toBe(true);
    expect(isDisposableDomain("x.mailinator.com")).toBe(true);
    expect(isDisposableDomain("gmail.com")).toBe(false);
  });

  it("groups IPs by network", () => {
    expect(ipPrefix("203.0.113.9")).toBe("203.0.113");
    expect(ipPrefix("::ffff:203.0.113.9")).toBe("203.0.113");
    expect(ipPrefix("2001:db8:abcd:12::1")).toBe("2001:db8:abcd");
    expect(ipPrefix(undefined)).toBeNull();
  });
});
