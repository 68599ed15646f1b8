import { formatFactPeriod, lastDayCovered, type DatePrecisionValue } from "@/lib/chronology/dates";

export type TimelineFact = { id: string; startDate: Date; endDate: Date | null; precision: DatePrecisionValue; description: string; unsupported: boolean; disputed: boolean };

const WIDTH = 1000;
const PAD = 16;
const LANE = 14;
const AXIS = 28;
const MAX_LANES = 16;
const DAY = 86_400_000;

// A horizontal timeline drawn on the server: one bar per fact over the days it covers (a point
// for a day), stacked in lanes so none hides another. Each bar links to its row in the table.
export function ChronologyTimeline({ facts }: { facts: readonly TimelineFact[] }) {
  if (!facts.length) return null;
  const spans = facts.map((f) => ({ f, from: f.startDate.getTime(), to: lastDayCovered(f.endDate ?? f.startDate, f.precision).getTime() + DAY }));
  const first = new Date(Math.min(...spans.map((s) => s.from)));
  const last = new Date(Math.max(...spans.map((s) => s.to)));
  const from = Date.UTC(first.getUTCFullYear(), 0, 1);
  const to = Date.UTC(last.getUTCFullYear() + (last.getUTCMonth() === 0 && last.getUTCDate() === 1 ? 0 : 1), 0, 1);
  const x = (t: number) => PAD + ((t - from) / (to - from)) * (WIDTH - 2 * PAD);

  // Greedy lanes: a fact goes in the first lane whose last bar ends before it starts (with a gap).
  const laneEnds: number[] = [];
  const placed = spans.map((s) => {
    const x0 = x(s.from);
    const x1 = Math.max(x(s.to), x0 + 6);
    let lane = laneEnds.findIndex((end) => end + 3 <= x0);
    if (lane === -1) lane = laneEnds.length < MAX_LANES ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = x1;
    return { ...s, x0, x1, lane };
  });
  const lanes = laneEnds.length;
  const height = AXIS + lanes * LANE + PAD;
  const years: number[] = [];
  for (let y = new Date(from).getUTCFullYear(); Date.UTC(y, 0, 1) <= to; y++) years.push(y);
  const everyYear = years.length <= 12;

  return (
    <figure className="mb-4 rounded-lg border border-border p-2" data-print="hide">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" role="img" aria-labelledby="timeline-title" data-testid="chronology-timeline">
        <title id="timeline-title">{`Timeline of ${facts.length} fact${facts.length === 1 ? "" : "s"}`}</title>
        <line x1={PAD} x2={WIDTH - PAD} y1={AXIS - 8} y2={AXIS - 8} className="stroke-border-strong" />
        {years.map((y, i) =>
          everyYear || i % Math.ceil(years.length / 12) === 0 ? (
            <g key={y}>
              <line x1={x(Date.UTC(y, 0, 1))} x2={x(Date.UTC(y, 0, 1))} y1={AXIS - 12} y2={height - PAD / 2} className="stroke-border" strokeDasharray="2 3" />
              {/* The closing year's label sits left of its line, inside the drawing. */}
              <text
                x={x(Date.UTC(y, 0, 1)) + (i === years.length - 1 ? -3 : 3)}
                y={AXIS - 14}
                textAnchor={i === years.length - 1 ? "end" : "start"}
                className="fill-muted-foreground text-[11px]"
              >
                {y}
              </text>
            </g>
          ) : null,
        )}
        {placed.map((p) => (
          <a key={p.f.id} href={`#fact-${p.f.id}`} data-testid="timeline-fact">
            <title>{`${formatFactPeriod(p.f.startDate, p.f.endDate, p.f.precision)}: ${p.f.description}${p.f.unsupported ? " (unsupported)" : ""}${p.f.disputed ? " (disputed)" : ""}`}</title>
            <rect
              x={p.x0}
              y={AXIS + p.lane * LANE}
              width={p.x1 - p.x0}
              height={LANE - 4}
              rx={3}
              className={p.f.unsupported ? "fill-unsupported" : "fill-primary"}
              strokeWidth={p.f.disputed ? 2 : 0}
              strokeDasharray={p.f.disputed ? "3 2" : undefined}
              stroke={p.f.disputed ? "currentColor" : undefined}
            />
          </a>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-4 px-1 pt-1 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1">
          <svg className="size-3" viewBox="0 0 10 10" aria-hidden>
            <rect width="10" height="10" rx="2" className="fill-primary" />
          </svg>
          Fact with a source
        </span>
        <span className="inline-flex items-center gap-1">
          <svg className="size-3" viewBox="0 0 10 10" aria-hidden>
            <rect width="10" height="10" rx="2" className="fill-unsupported" />
          </svg>
          Unsupported (no source)
        </span>
        <span>Dashed outline: disputed. Bars span the days a date covers (a month, a year, a period).</span>
      </figcaption>
    </figure>
  );
}
