import "server-only";
import { csvBatchStream } from "@/lib/csv/write-csv";
import { ALLEGATION_KIND_LABELS, FLAG_LABELS } from "@/lib/schemas/allegation";
import { romanNumeral } from "@/lib/schemas/count";
import { GAP_CSV_CHUNK, type GapCursor } from "@/lib/schemas/gap-report";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { gapCursorOf, readGapPage, type GapRow } from "@/lib/server/ledger/gap-rows";

const HEADER = ["Paragraph", "Status", "Flag", "Kind", "Allegation", "Elements", "Destination", "Open requests"];

function csvRow(r: GapRow): string[] {
  return [
    r.paragraphLabel,
    r.status,
    r.flagSeverity ? `${FLAG_LABELS[r.flagSeverity]}: ${r.flagReason ?? ""}` : "",
    ALLEGATION_KIND_LABELS[r.kind],
    r.text,
    r.elements.map((e) => { const [c, p] = e.split("."); return `${romanNumeral(Number(c))}.${p}`; }).join(" "),
    [r.destinationHost, r.destinationCountry].filter(Boolean).join(" "),
    r.requests.map((q) => `${q.description}${q.assignee ? ` (${q.assignee})` : ""}${q.dueOn ? ` due ${q.dueOn}${q.overdue ? " OVERDUE" : ""}` : ""}`).join("; "),
  ];
}

// Every gap of the matter, in complaint order, streamed: the rows are read by the report's cursor
// a chunk at a time as the download is taken, never the whole report in memory. Each chunk is
// its own statement, so a change committed during a long download shows in the chunks after it;
// the keyset still lists each gap at most once.
export async function gapReportCsv(actor: Actor, matterId: string): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { docketNumber: true } });
  async function* chunks() {
    let after: GapCursor | undefined;
    for (;;) {
      const { rows, more } = await readGapPage(matterId, { after, limit: GAP_CSV_CHUNK });
      yield rows.map(csvRow);
      const last = rows.at(-1);
      if (!more || !last) return;
      after = gapCursorOf(last);
    }
  }
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `gap-report-${matter.docketNumber.replace(/[^A-Za-z0-9-]/g, "_")}-${day}.csv`, body: csvBatchStream("spreadsheet", HEADER, chunks()) };
}
