import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { encodeGapCursor, GAP_PAGE_SIZE, type GapCursor } from "@/lib/schemas/gap-report";
import { gapCursorOf, readGapPage, readGapTotals } from "@/lib/server/ledger/gap-rows";

export type { GapRequest, GapRow, GapTotals } from "@/lib/server/ledger/gap-rows";

// One page of the gap report (every allegation not proven, in complaint order) with the totals
// of the whole report. `after` / `before` are decoded cursors (ZGapCursor); `next` / `previous`
// are the cursors of the neighbouring pages, null at either end.
export async function getGapReport(actor: Actor, matterId: string, page: { after?: GapCursor; before?: GapCursor; limit?: number } = {}) {
  await requirePermission(actor, matterId, "matter.read");
  const limit = page.limit ?? GAP_PAGE_SIZE;
  const before = page.before;
  const after = before ? undefined : page.after;
  // The totals count every allegation of the matter, the page walks only as far as its rows: two
  // statements on two pooled connections, so the page waits for the slower one, not for both.
  const [matter, totals, { rows, more }] = await Promise.all([
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { caption: true, docketNumber: true, court: true } }),
    readGapTotals(matterId),
    readGapPage(matterId, { after, before, limit }),
  ]);
  const first = rows.at(0);
  const last = rows.at(-1);
  // Walking back, `more` says whether there is a page before this one; a page reached by
  // Previous always has the page it came from after it.
  const hasPrevious = before ? more : after !== undefined;
  const hasNext = before ? true : more;
  return {
    matter,
    generatedAt: new Date(),
    totals,
    rows,
    previous: hasPrevious && first ? encodeGapCursor(gapCursorOf(first)) : null,
    next: hasNext && last ? encodeGapCursor(gapCursorOf(last)) : null,
  };
}
