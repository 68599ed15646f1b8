// The values of an allegation's support status and the word for each: one list for the server's
// queries, the ledger's URL filter, the badges and the charts. Which value applies is decided by
// the SQL view that lib/server/ledger/support-status.ts reads (DESIGN.md: derived, never typed in).
export const SUPPORT_STATUSES = ["SUPPORTED", "PARTIAL", "UNSUPPORTED", "CONTRADICTED"] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

export const SUPPORT_STATUS_LABELS: Record<SupportStatus, string> = {
  SUPPORTED: "Supported",
  PARTIAL: "Partial",
  UNSUPPORTED: "Unsupported",
  CONTRADICTED: "Contradicted",
};
