// The plan of allocation as arithmetic on a handful of numbers: one row per weight (how many
// approved claims weigh that much), never one per claim. Everything is integer cents as bigint.
//
// Pro rata: a claim of weight w receives floor(P·w / W) cents of the pool P, W the sum of the
// weights sharing it; the cents the floors leave over (fewer than the claims sharing) go one each
// to the claims with the largest remainders (P·w mod W), ties by claim number — the largest
// remainder method, so the pool is paid out to the cent. The SQL pass applies exactly these numbers
// (lib/server/distribution/compute-distribution.ts).
//
// Minimum payment F: shares are proportional to weight, so the claims under the floor are the
// lightest weights. Raising them costs the others, which can push the next weight under the floor
// in turn, and dropping them raises the others; in both modes the answer is the lightest weight
// from which every claim meets the floor, found by walking the weights upwards.

export type MinimumMode = "RAISE_TO_FLOOR" | "DROP_BELOW_FLOOR";
export type WeightGroup = { weight: number; count: number };

export type Plan = {
  // Claims weighing less than this are raised to the floor or dropped; the rest share the pool.
  threshold: number;
  poolCents: bigint;
  totalWeight: bigint;
  // Cents handed out one each by largest remainder after the floors.
  leftoverCents: bigint;
  sharingCount: number;
  belowCount: number;
  allocatedCents: bigint;
  residueCents: bigint;
};

export class PlanError extends Error {}

export function netFund(gross: bigint, fees: bigint, costs: bigint, admin: bigint): bigint {
  return gross - fees - costs - admin;
}

export function planDistribution(net: bigint, minimum: bigint, mode: MinimumMode, groups: WeightGroup[]): Plan {
  const sorted = [...groups].filter((g) => g.count > 0).sort((a, b) => a.weight - b.weight);
  const total = sorted.reduce((n, g) => n + g.count, 0);
  for (let j = 0; j < sorted.length; j++) {
    const below = sorted.slice(0, j).reduce((n, g) => n + g.count, 0);
    const sharing = sorted.slice(j);
    const pool = mode === "RAISE_TO_FLOOR" ? net - minimum * BigInt(below) : net;
    if (pool < 0n) break;
    const W = sharing.reduce((n, g) => n + BigInt(g.weight) * BigInt(g.count), 0n);
    if ((pool * BigInt(sharing[0]!.weight)) / W < minimum) continue;
    const floors = sharing.reduce((n, g) => n + ((pool * BigInt(g.weight)) / W) * BigInt(g.count), 0n);
    const raised = mode === "RAISE_TO_FLOOR" ? minimum * BigInt(below) : 0n;
    return {
      threshold: sharing[0]!.weight,
      poolCents: pool,
      totalWeight: W,
      leftoverCents: pool - floors,
      sharingCount: total - below,
      belowCount: below,
      allocatedCents: raised + pool,
      residueCents: net - raised - pool,
    };
  }
  if (mode === "RAISE_TO_FLOOR" && total > 0) {
    throw new PlanError(
      `The net fund cannot pay the minimum payment to each of the ${total.toLocaleString("en-US")} approved claims. Lower the minimum, or drop claims under it instead.`,
    );
  }
  // Nothing shares: no approved claims, or every one falls under the floor and is dropped.
  return { threshold: 2_147_483_647, poolCents: 0n, totalWeight: 0n, leftoverCents: 0n, sharingCount: 0, belowCount: total, allocatedCents: 0n, residueCents: net };
}

// "$1,234.56", "1234.5", "1234" → cents. null when it is not an amount of money.
export function parseCents(text: string): bigint | null {
  const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return BigInt(m[1]!.replaceAll(",", "")) * 100n + BigInt((m[2] ?? "0").padEnd(2, "0"));
}

export function formatCents(cents: bigint | number | string): string {
  const c = BigInt(cents);
  const sign = c < 0n ? "-" : "";
  const abs = c < 0n ? -c : c;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${dollars}.${(abs % 100n).toString().padStart(2, "0")}`;
}
