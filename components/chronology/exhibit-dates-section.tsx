import Link from "next/link";
import type { ActionState } from "@/lib/action-state";
import { formatFactDate } from "@/lib/chronology/dates";
import { ActionButton } from "@/components/chronology/action-button";

type Proposal = { dateKind: string; label: string; startDate: Date; description: string; factId: string | null; deleted: boolean };

// "Add to chronology" on an exhibit: each date it records, proposed as a fact sourced to it.
export function ExhibitDatesSection({
  matterId,
  proposals,
  action,
}: {
  matterId: string;
  proposals: readonly Proposal[];
  action: ((prev: ActionState, form: FormData) => Promise<ActionState>) | null;
}) {
  return (
    <section className="mt-8" aria-labelledby="chronology-heading">
      <h2 id="chronology-heading" className="mb-2 text-lg font-semibold">
        Chronology
      </h2>
      {proposals.length === 0 ? (
        <p className="text-sm text-muted-foreground">The exhibit records no date (obtained, sent or document date) to add to the chronology.</p>
      ) : (
        <ul className="grid gap-3">
          {proposals.map((p) => (
            <li key={p.dateKind} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3" data-testid="exhibit-date-proposal">
              <div className="text-sm">
                <p className="font-medium">
                  {p.label}: {formatFactDate(p.startDate, "DAY")}
                </p>
                <p className="text-muted-foreground">{p.description}</p>
              </div>
              {p.factId ? (
                <Link href={`/matters/${matterId}/chronology#fact-${p.factId}`} className="text-sm text-primary hover:underline">
                  In the chronology
                </Link>
              ) : p.deleted ? (
                <span className="text-sm text-muted-foreground">Deleted from the chronology</span>
              ) : action ? (
                <ActionButton action={action} label="Add to chronology" hidden={{ dateKind: p.dateKind }} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
