import "server-only";

// How a tracker fact reads in an audit row (dates as calendar days).
export type StoredFact = { organisation: string; parent: string | null; country: string | null; category: string; source: string; checkedOn: Date | null };

export function factSnapshot(r: StoredFact) {
  return {
    organisation: r.organisation,
    parent: r.parent,
    country: r.country,
    category: r.category,
    source: r.source,
    checkedOn: r.checkedOn ? r.checkedOn.toISOString().slice(0, 10) : null,
  };
}

export function sameFact(a: StoredFact, b: StoredFact): boolean {
  return JSON.stringify(factSnapshot(a)) === JSON.stringify(factSnapshot(b));
}

export const calendarDay = (s: string | undefined | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
