// Shared wording of the papers Proofline generates for a court (certifications, exhibit lists,
// privilege logs). Pure, so pages show the same blanks and warnings the papers print.

// A fact nobody recorded: a line to complete by hand, never a guess.
export const BLANK = "__________";

export function blankIfMissing(value: string | null | undefined): string {
  return value && value.trim() ? value : BLANK;
}

export function utcStamp(d: Date): string {
  return `${d.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

export type AuditRef = { id: bigint; at: Date };

// Every paper names when it was generated and the audit event that recorded its generation, so a
// copy found later can be traced to who made it and from which recorded facts.
export function generatedLine(events: readonly AuditRef[]): string {
  if (events.length === 0) throw new Error("a paper is generated under at least one audit event");
  const ids = events.map((e) => `#${e.id}`);
  const at = events[0]!.at;
  return `Generated ${utcStamp(at)} by Proofline from recorded data only; recorded as audit event${ids.length === 1 ? "" : "s"} ${ids.join(", ")}.`;
}

// The custody facts a FRE 902(14) certification states about each file. An exhibit missing
// them gets blanks in the draft and a warning naming them.
export type CertificationFacts = { obtainedAt: Date | null; collectedBy: string | null };

export function certificationGaps(e: CertificationFacts): string[] {
  const gaps: string[] = [];
  if (!e.obtainedAt) gaps.push("date collected");
  if (!e.collectedBy?.trim()) gaps.push("collected by");
  return gaps;
}
