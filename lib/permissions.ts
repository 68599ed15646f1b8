// Who may do what, as data. Use cases ask `requirePermission(actor, matterId, "…")`
// (lib/server/auth/policy.ts); pages ask `access.can("…")`; the authorization test matrix
// (lib/server/auth/authorization-matrix.test.ts) is generated from these tables, so a rule
// changes in one place and the tests follow. Pure: pages, components and tests import it.

export type MatterRole = "ATTORNEY" | "PARALEGAL";
export type ClaimStatus = "SUBMITTED" | "VERIFIED" | "DEFICIENT" | "DEFICIENCY_ANSWERED" | "APPROVED" | "REJECTED" | "DUPLICATE" | "WITHDRAWN";

const TEAM = ["ATTORNEY", "PARALEGAL"] as const satisfies readonly MatterRole[];
const ATTORNEYS = ["ATTORNEY"] as const satisfies readonly MatterRole[];

// Matter permissions: which matter roles hold each. Membership is the only way into a matter's
// content; admins manage matters and memberships but read a matter only as a member.
export const MATTER_PERMISSIONS = {
  "matter.read": TEAM,
  // Court, case number, judge, counsel, trial date and the orders the papers cite.
  "matter.edit": ATTORNEYS,
  "allegations.write": TEAM,
  "allegations.flag": TEAM,
  "evidence.link": TEAM,
  "evidence.request": TEAM,
  "plaintiffs.write": TEAM,
  "counts.write": TEAM,
  "exhibits.upload": TEAM,
  "exhibits.edit": TEAM,
  "exhibits.retry-extraction": TEAM,
  // Issue tags on exhibits and their pages (counts, elements, free tags), and saved searches.
  "exhibits.tag": TEAM,
  "searches.save": TEAM,
  // Network captures: run the analyzer again (a new analysis; the old one stays), and see the
  // values a detection matched in full (others see them masked).
  "captures.analyze": TEAM,
  "captures.unmask": ATTORNEYS,
  // A matter's own correction to the tracker knowledge base (audited; global rows are the admins').
  "captures.kb-override": TEAM,
  // Privilege and confidentiality have legal effect.
  "exhibits.designate": ATTORNEYS,
  "exhibits.produce": TEAM,
  // Producing privileged material risks waiver: an attorney decides.
  "exhibits.produce-privileged": ATTORNEYS,
  // A certification and a list that names privileged exhibits go to the court: an attorney decides.
  "exhibits.certify": ATTORNEYS,
  "exhibits.list-privileged": ATTORNEYS,
  // Redaction decides what the other side may read: an attorney's call.
  "exhibits.redact": ATTORNEYS,
  "claims.review": TEAM,
  "claims.decide": ATTORNEYS,
  "claims.rescore": TEAM,
  "claims.import": TEAM,
  "claims.export": TEAM,
  // Claim-feed service tokens (a notice administrator files claims into this matter through the
  // claim API): making, listing and revoking them is an attorney's call.
  "claims.feed-tokens": ATTORNEYS,
  // The chronology: add, edit, delete and build facts (audited).
  "chronology.write": TEAM,
  // A chronology paper that states facts proven only by privileged exhibits: an attorney decides.
  "chronology.include-privileged": ATTORNEYS,
  // Requests for exclusion and objections filed on the public forms; their lists, CSVs and
  // documents. Recording that a member withdrew an opt-out (they are back in the class).
  "opt-outs.read": TEAM,
  "opt-outs.revoke": TEAM,
  "objections.read": TEAM,
  // Whether the team must use two-factor sign-in to open the matter.
  "matter.security": ATTORNEYS,
  // The plan of allocation: the team computes previews; locking one fixes every payment, so an
  // attorney decides.
  "distribution.prepare": TEAM,
  "distribution.lock": ATTORNEYS,
  // Class members' payment details in full (bank account, e-mail, phone, mailing address): the
  // team sees them masked. Payment files for the bank and the processors: an attorney, audited.
  "payments.view-full": ATTORNEYS,
  "payments.export": ATTORNEYS,
  // Marking payments paid, failed or returned from the processors' status files (audited).
  "payments.reconcile": ATTORNEYS,
  // What the public settlement website says, and which court documents it publishes: an attorney's call.
  "site.edit": ATTORNEYS,
  "exhibits.publish": ATTORNEYS,
} as const satisfies Record<string, readonly MatterRole[]>;

export type Permission = keyof typeof MATTER_PERMISSIONS;

export function roleHas(role: MatterRole, permission: Permission): boolean {
  return (MATTER_PERMISSIONS[permission] as readonly MatterRole[]).includes(role);
}

// Account permissions: not tied to a matter.
export type AccountRole = "ADMIN" | "STAFF" | "CLASS_MEMBER";
export const ACCOUNT_PERMISSIONS = {
  "admin.users": ["ADMIN"],
  "admin.memberships": ["ADMIN"],
  "admin.outbox": ["ADMIN"],
  // Installation-wide settings (two-factor required of all staff) and any matter's requirement.
  "admin.settings": ["ADMIN"],
  // The global tracker knowledge base: rows of our own layer, SDK signatures, CSV and Exodus imports.
  "admin.kb": ["ADMIN"],
  // Claim-feed service tokens of any matter (administrators are on no team).
  "admin.service-tokens": ["ADMIN"],
  // Two-factor sign-in is for staff accounts; class members sign in by mailed link.
  "account.two-factor": ["ADMIN", "STAFF"],
  "matters.list": ["ADMIN", "STAFF"],
  // Personal access tokens for the JSON API.
  "account.tokens": ["ADMIN", "STAFF"],
  "claims.own": ["CLASS_MEMBER"],
} as const satisfies Record<string, readonly AccountRole[]>;

export type AccountPermission = keyof typeof ACCOUNT_PERMISSIONS;

export function accountHas(role: AccountRole, permission: AccountPermission): boolean {
  return (ACCOUNT_PERMISSIONS[permission] as readonly AccountRole[]).includes(role);
}

// Claim status transitions: the statuses each step starts from and where it leads (null: the
// status does not change), and the permission it needs (a class member's own steps: "claims.own").
export const CLAIM_TRANSITIONS = {
  verify: { from: ["SUBMITTED"], to: "VERIFIED", permission: "claims.review", verb: "verified" },
  "mark-deficient": { from: ["SUBMITTED", "VERIFIED", "DEFICIENCY_ANSWERED"], to: "DEFICIENT", permission: "claims.review", verb: "marked deficient" },
  recommend: { from: ["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED"], to: null, permission: "claims.review", verb: "recommended" },
  approve: { from: ["SUBMITTED", "VERIFIED", "DEFICIENCY_ANSWERED"], to: "APPROVED", permission: "claims.decide", verb: "approved" },
  reject: { from: ["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED"], to: "REJECTED", permission: "claims.decide", verb: "rejected" },
  "mark-duplicate": { from: ["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED"], to: "DUPLICATE", permission: "claims.decide", verb: "marked duplicate" },
  "answer-deficiency": { from: ["DEFICIENT"], to: "DEFICIENCY_ANSWERED", permission: "claims.own", verb: "answered" },
  withdraw: { from: ["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED"], to: "WITHDRAWN", permission: "claims.own", verb: "withdrawn" },
} as const satisfies Record<
  string,
  { from: readonly ClaimStatus[]; to: ClaimStatus | null; permission: Permission | "claims.own"; verb: string }
>;

export type ClaimTransition = keyof typeof CLAIM_TRANSITIONS;

export function canTransition(step: ClaimTransition, status: ClaimStatus): boolean {
  return (CLAIM_TRANSITIONS[step].from as readonly ClaimStatus[]).includes(status);
}
