// What applying an amended complaint does to the ledger: each pending ¶ that matched an allegation
// by its words carries its label, text and pin cite over to that allegation. Pure, so the review
// page's summary and the use case that applies it count the same changes.

export type AmendmentAllegation = {
  id: string;
  paragraphLabel: string;
  text: string;
  complaintPage: number | null;
  complaintLine: number | null;
  heading: string | null;
};

export type AmendmentProposal = {
  id: string;
  label: string;
  text: string;
  page: number | null;
  line: number | null;
  heading: string | null;
  // The live allegation the ¶ matched; null for a new ¶ (or one whose allegation is withdrawn).
  matched: AmendmentAllegation | null;
};

export type AmendmentStep = {
  proposalId: string;
  allegationId: string;
  from: string;
  to: string;
  relabel: boolean;
  reword: boolean;
  // Page, line or heading moved (every ¶ after an insertion moves down the page).
  repin: boolean;
};

export type AmendmentPlan = {
  steps: AmendmentStep[];
  renumbered: number;
  reworded: number;
  // Matched ¶s whose label and words stay (their pin cite may still move).
  unchanged: number;
  // Labels two matched ¶s both claim: the amendment cannot give both.
  duplicateLabels: string[];
};

export function planAmendment(proposals: AmendmentProposal[]): AmendmentPlan {
  const steps: AmendmentStep[] = [];
  const seen = new Map<string, number>();
  for (const p of proposals) {
    const a = p.matched;
    if (!a) continue;
    seen.set(p.label, (seen.get(p.label) ?? 0) + 1);
    steps.push({
      proposalId: p.id,
      allegationId: a.id,
      from: a.paragraphLabel,
      to: p.label,
      relabel: a.paragraphLabel !== p.label,
      reword: a.text !== p.text,
      repin: a.complaintPage !== p.page || a.complaintLine !== p.line || a.heading !== p.heading,
    });
  }
  return {
    steps,
    renumbered: steps.filter((s) => s.relabel).length,
    reworded: steps.filter((s) => s.reword).length,
    unchanged: steps.filter((s) => !s.relabel && !s.reword).length,
    duplicateLabels: [...seen].filter(([, n]) => n > 1).map(([label]) => label),
  };
}
