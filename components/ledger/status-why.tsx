import { Lock } from "lucide-react";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SupportStatus } from "@/lib/ledger/support-status";
import { Mono } from "@/components/ui/mono";

export type WhyLink = { relation: string; label: string; title: string; privileged: boolean; pinCite: string | null };

// The status with the links that produce it: a native <details>, so it opens by keyboard, click or
// touch, and the badge's title shows the summary on hover.
export function StatusWhy({ status, summary, links }: { status: SupportStatus; summary: string; links: WhyLink[] }) {
  return (
    <details className="group relative" data-testid="status-why">
      <summary className="cursor-pointer list-none rounded-md [&::-webkit-details-marker]:hidden" title={summary}>
        <StatusBadge status={status} />
        <span className="sr-only"> — show why</span>
      </summary>
      <div className="absolute top-full left-0 z-20 mt-1 grid w-72 gap-1 rounded-md border border-border bg-popover p-2 text-xs shadow-md">
        <p className="text-muted-foreground">{summary}</p>
        {links.length > 0 && (
          <ul className="grid gap-0.5">
            {links.map((l, i) => (
              <li key={i} className="flex flex-wrap items-center gap-1">
                <span className={l.relation === "CONTRADICTS" ? "text-contradicted-fg" : "text-supported-fg"}>{l.relation === "CONTRADICTS" ? "Contradicts" : "Supports"}</span>
                <Mono>{l.label}</Mono>
                {l.privileged && (
                  <span className="inline-flex items-center gap-0.5 text-muted-foreground">
                    <Lock aria-hidden className="size-3" /> privileged
                  </span>
                )}
                {l.pinCite && <span className="text-muted-foreground">at {l.pinCite}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
