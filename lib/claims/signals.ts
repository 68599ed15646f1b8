import type { SignalKind } from "@/lib/generated/prisma/enums";

// How much each signal adds to a claim's fraud score (capped at 100), and the thresholds at which
// the burst signals fire. One table, read by submission scoring and by batch re-scoring alike.
export const SIGNAL_WEIGHTS: Record<SignalKind, number> = {
  SAME_EMAIL: 40,
  SAME_PHONE: 25,
  SAME_ADDRESS: 15,
  NAME_DOB_NEAR_DUPLICATE: 40,
  IP_BURST: 20,
  ADDRESS_BURST: 20,
  VELOCITY_SPIKE: 15,
  DISPOSABLE_EMAIL: 30,
};

export const SIGNAL_LABELS: Record<SignalKind, string> = {
  SAME_EMAIL: "Same email as another claim",
  SAME_PHONE: "Same phone as another claim",
  SAME_ADDRESS: "Same address as another claim",
  NAME_DOB_NEAR_DUPLICATE: "Near-duplicate name with the same date of birth",
  IP_BURST: "Many claims from one IP address",
  ADDRESS_BURST: "Many claims from one address",
  VELOCITY_SPIKE: "Burst of claims from one network",
  DISPOSABLE_EMAIL: "Disposable email domain",
};

export const BURST = {
  // Claims from one IP within an hour (this one included) before IP_BURST fires.
  ipPerHour: 5,
  // Claims at one normalised address (this one included) before ADDRESS_BURST fires.
  perAddress: 4,
  // Claims from one /24 (or /48) network within ten minutes before VELOCITY_SPIKE fires.
  networkPerTenMinutes: 20,
  // pg_trgm similarity of the names, for claimants with the same date of birth whose names also
  // share their first two or last three letters (blocking: batch re-scoring compares those pairs
  // only, so a million claims are not compared all against all within a birthday).
  nameSimilarity: 0.5,
};

// At or above this score a claim is routed to a reviewer before anything else happens to it.
export const REVIEW_THRESHOLD = 40;

export function scoreOf(signals: readonly { weight: number }[]): number {
  return Math.min(100, signals.reduce((sum, s) => sum + s.weight, 0));
}
