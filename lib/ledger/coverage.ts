import type { SupportStatus } from "@/lib/ledger/support-status";

// The shape of the coverage dashboard's data: computed by lib/server/ledger/get-coverage.ts,
// drawn by components/ledger/coverage-dashboard.tsx (which may not import lib/server).
export type ElementCoverage = {
  countId: string;
  countNumber: number;
  countTitle: string;
  elementId: string;
  position: number;
  text: string;
  allegations: number;
  supported: number;
  partial: number;
  contradicted: number;
  unsupported: number;
};

export type Coverage = {
  total: number;
  byStatus: Record<SupportStatus, number>;
  elements: ElementCoverage[];
  unprovenElements: number;
  openRequests: number;
  overdueRequests: number;
};
