// Claims-administration milestones as chronology facts: the settlement's dates recorded on the
// matter, and claims filed per day — a count, never a claim, a claimant or anything they wrote.
// Pure: the use case reads the matter and the per-day counts, this decides what the facts say.
import { formatFactDate } from "@/lib/chronology/dates";

export const CLAIM_MILESTONES = ["claim-deadline", "opt-out-deadline", "objection-deadline", "final-approval-hearing", "claims-filed"] as const;
export type ClaimMilestone = (typeof CLAIM_MILESTONES)[number];

export const CLAIM_MILESTONE_LABELS: Record<ClaimMilestone, string> = {
  "claim-deadline": "claim deadline",
  "opt-out-deadline": "opt-out deadline",
  "objection-deadline": "objection deadline",
  "final-approval-hearing": "final approval hearing",
  "claims-filed": "claims filed",
};

export type ClaimMilestoneFact = {
  key: string;
  milestone: ClaimMilestone;
  startDate: Date;
  description: string;
  claimCount: number | null;
};

// One key per settlement date (a changed date updates that fact), one per day of filings.
export function claimMilestoneKey(milestone: ClaimMilestone, day?: string): string {
  return milestone === "claims-filed" ? `claims:claims-filed:${day}` : `claims:${milestone}`;
}

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
const long = (d: Date) => formatFactDate(d, "DAY");

export type MilestoneInput = {
  timeZone: string;
  // The claim form definition's deadline when the matter has a form, else the matter's own.
  claimDeadline: string | null;
  optOutDeadline: string | null;
  objectionDeadline: string | null;
  finalApprovalHearingAt: Date | null;
  // Claims filed per calendar day in the matter's zone, oldest first.
  filedPerDay: readonly { day: string; count: number }[];
};

// "10:00 AM PST" in the matter's zone: the hearing is set where the court sits.
function timeIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(instant);
}

function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function claimMilestoneFacts(m: MilestoneInput): ClaimMilestoneFact[] {
  const facts: ClaimMilestoneFact[] = [];
  const dated = (milestone: ClaimMilestone, iso: string | null, say: (d: Date) => string) => {
    if (!iso) return;
    const d = utcDay(iso);
    facts.push({ key: claimMilestoneKey(milestone), milestone, startDate: d, description: say(d), claimCount: null });
  };
  dated("claim-deadline", m.claimDeadline, (d) => `Claim deadline: claims must be filed by the end of ${long(d)} (${m.timeZone})`);
  dated("opt-out-deadline", m.optOutDeadline, (d) => `Opt-out deadline: requests for exclusion close at the end of ${long(d)} (${m.timeZone})`);
  dated("objection-deadline", m.objectionDeadline, (d) => `Objection deadline: objections close at the end of ${long(d)} (${m.timeZone})`);
  if (m.finalApprovalHearingAt) {
    const at = m.finalApprovalHearingAt;
    dated("final-approval-hearing", dayIn(at, m.timeZone), (d) => `Final approval hearing, ${long(d)} at ${timeIn(at, m.timeZone)}`);
  }
  let total = 0;
  for (const { day, count } of m.filedPerDay) {
    total += count;
    facts.push({
      key: claimMilestoneKey("claims-filed", day),
      milestone: "claims-filed",
      startDate: utcDay(day),
      claimCount: count,
      description: `${count.toLocaleString("en-US")} claim${count === 1 ? "" : "s"} filed (${total.toLocaleString("en-US")} to date)`,
    });
  }
  return facts;
}
