import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import type { SupportStatus } from "@/lib/ledger/support-status";

// Support status is derived, never typed in (DESIGN.md). The rule lives in ONE place, the SQL
// view "AllegationSupport" (prisma/migrations/*_allegation_support_view); this module is the only
// TypeScript that names it, and the ledger, dashboard, gap report and detail page all read it.
//
//   SUPPORTED     ≥1 active SUPPORTS link from a non-privileged exhibit (privilege NONE),
//                 and the allegation is not flagged WEAK
//   PARTIAL       support exists but is only privileged, or a person has flagged it WEAK
//                 (a WEAK flag downgrades non-privileged support until someone clears it)
//   CONTRADICTED  active CONTRADICTS links and no SUPPORTS link at all
//   UNSUPPORTED   anything else (a WEAK flag with no support at all leaves it UNSUPPORTED)
//
// Removed links (removedAt set) never count; CONTEXT links never change the status. The values
// themselves are listed once, in lib/ledger/support-status.ts.

export type SupportRow = {
  allegationId: string;
  status: SupportStatus;
  supportsOpen: number;
  supportsPrivileged: number;
  contradicts: number;
  context: number;
  weak: boolean;
};

// SQL fragment for joins in the ledger queries: `JOIN ${SUPPORT_VIEW} s ON s."allegationId" = a.id`.
export const SUPPORT_VIEW = Prisma.raw(`"AllegationSupport"`);

export async function supportOf(client: Db | Tx, allegationIds: string[]): Promise<Map<string, SupportRow>> {
  if (allegationIds.length === 0) return new Map();
  const rows = await client.$queryRaw<SupportRow[]>`
    SELECT "allegationId"::text AS "allegationId", status, "supportsOpen", "supportsPrivileged", contradicts, context, weak
    FROM ${SUPPORT_VIEW}
    WHERE "allegationId" = ANY(${allegationIds}::uuid[])`;
  return new Map(rows.map((r) => [r.allegationId, r]));
}

// Why the status is what it is, in words, from the same counts the view used.
export function explainStatus(s: Pick<SupportRow, "supportsOpen" | "supportsPrivileged" | "contradicts" | "weak">): string {
  const parts: string[] = [];
  if (s.supportsOpen) parts.push(`${s.supportsOpen} supporting exhibit link${s.supportsOpen === 1 ? "" : "s"}`);
  if (s.supportsPrivileged) parts.push(`${s.supportsPrivileged} privileged supporting link${s.supportsPrivileged === 1 ? "" : "s"} (cannot be used as proof)`);
  if (s.contradicts) parts.push(`${s.contradicts} contradicting link${s.contradicts === 1 ? "" : "s"}`);
  if (s.weak) parts.push("flagged as weak support");
  if (parts.length === 0) return "No supporting or contradicting evidence is linked.";
  return `${parts.join("; ")}.`;
}
