import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { hongMatterId, PASSWORD, sql, USERS } from "../helpers";
import { builtActions, urlOf, type BuiltAction } from "../fuzz/build";
import { actionPayloads, deepText, encodeActionCall, fieldNames, HUGE, multipart, nastyText, objectText, SEED } from "../fuzz/inputs";
import { closeAgents, send, signInOverHttp, sourceAddress, type Answer, type Call } from "../fuzz/wire";

// Property-based inputs through HTTP, against the production web server (issue 9's standing
// security suite): every server action of the build (posted as the framework's client posts
// them: a `Next-Action` header and the encoded reply, or a form without JavaScript) and every
// route handler and lean path, as the actor that reaches the use case's input checks and as the
// actors the gate must refuse. Over every answer: no 5xx, no stack trace or internal path, no
// "something went wrong" (an unexpected error the action client caught), and no row written by a
// batch that was refused throughout.

const RUNS = 100; // generated inputs per boundary
const PROBES = 5; // of those, from each actor the gate must refuse
// More in flight does not go faster on a 2-core machine: the server is CPU-bound.
const CONCURRENCY = 6;
const INTERNAL = /at [\w$.<>[\]]+ \(|webpack-internal:|node_modules[\\/]|\.next[\\/]server|\/work\/|\/home\/|\/root\/|file:\/\/\//;
const CAUGHT = /Something went wrong on our side/;

type Who = "signedOut" | "member" | "paralegal" | "attorney" | "outsider" | "admin";
type Fx = {
  m: string;
  slug: string;
  allegationId: string;
  countId: string;
  elementId: string;
  exhibitId: string;
  plaintiffId: string;
  claimId: string;
  memberClaim: string;
  otherClaim: string;
};

// Which actor the generated inputs come from, the arguments the page binds, and who else must be
// refused. Actions whose use case takes no input (rescore, retry, withdraw, sign-out) or so little
// that a generated one may be valid (a flag's reason, a claim decision) are fuzzed with ids that
// lead nowhere — their use cases parse the input before they look the record up — so that the
// demo data the later specs read stays as it is. Updates carry the record's version
// (expectedUpdatedAt), which generated input does not match, and so use real ids.
const ANY = randomUUID();
const ACTIONS: Record<string, { as: Who; bound: (f: Fx) => unknown[]; refused: Who[] }> = {
  signInAction: { as: "signedOut", bound: () => [], refused: [] },
  signOutAction: { as: "signedOut", bound: () => [], refused: [] },
  submitClaimAction: { as: "signedOut", bound: (f) => [f.slug], refused: [] },
  saveClaimDraftAction: { as: "signedOut", bound: (f) => [f.slug], refused: [] },
  submitOptOutAction: { as: "signedOut", bound: (f) => [f.slug], refused: [] },
  submitObjectionAction: { as: "signedOut", bound: (f) => [f.slug], refused: [] },
  redeemLinkAction: { as: "signedOut", bound: () => [], refused: [] },
  requestLinkAction: { as: "signedOut", bound: () => [], refused: [] },
  answerDeficiencyAction: { as: "member", bound: (f) => [f.memberClaim], refused: ["signedOut", "attorney"] },
  withdrawClaimAction: { as: "member", bound: (f) => [f.otherClaim], refused: ["signedOut", "attorney"] },
  setPaymentDetailsAction: { as: "member", bound: (f) => [f.memberClaim], refused: ["signedOut", "attorney"] },
  changePasswordAction: { as: "member", bound: () => [], refused: ["signedOut"] },
  // A token needs a matter of the caller's own (a random id is none): generated input makes none.
  createApiTokenAction: { as: "paralegal", bound: () => [], refused: ["signedOut", "member"] },
  revokeApiTokenAction: { as: "paralegal", bound: () => [], refused: ["signedOut", "member"] },
  // Claim-feed tokens: the matter's attorneys (settings page), administrators for any matter (tokens page).
  createServiceTokenAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider", "paralegal"] },
  revokeServiceTokenAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider", "paralegal"] },
  createAnyServiceTokenAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  revokeAnyServiceTokenAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  createStaffUserAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  addMembershipAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  setUserDisabledAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  removeMembershipAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  createAllegationAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  updateAllegationAction: { as: "attorney", bound: (f) => [f.m, f.allegationId], refused: ["signedOut", "member", "outsider"] },
  flagAllegationAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  clearFlagAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  linkEvidenceAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  unlinkEvidenceAction: { as: "paralegal", bound: (f) => [f.m, f.allegationId, ANY], refused: ["signedOut", "member", "outsider"] },
  createRequestAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  cancelRequestAction: { as: "paralegal", bound: (f) => [f.m, f.allegationId, ANY], refused: ["signedOut", "member", "outsider"] },
  verifyClaimAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  markDeficientAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  recommendClaimAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  approveClaimAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider", "paralegal"] },
  rejectClaimAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider", "paralegal"] },
  markDuplicateAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider", "paralegal"] },
  bulkAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  rescoreAction: { as: "attorney", bound: () => [ANY], refused: ["signedOut", "member", "outsider"] },
  createCountAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  updateCountAction: { as: "paralegal", bound: (f) => [f.m, f.countId], refused: ["signedOut", "member", "outsider"] },
  addElementAction: { as: "attorney", bound: (f) => [f.m, f.countId], refused: ["signedOut", "member", "outsider"] },
  updateElementAction: { as: "paralegal", bound: (f) => [f.m, f.countId, f.elementId], refused: ["signedOut", "member", "outsider"] },
  reorderElementsAction: { as: "attorney", bound: (f) => [f.m, f.countId], refused: ["signedOut", "member", "outsider"] },
  updateExhibitMetadataAction: { as: "paralegal", bound: (f) => [f.m, f.exhibitId], refused: ["signedOut", "member", "outsider"] },
  designateExhibitAction: { as: "attorney", bound: (f) => [f.m, f.exhibitId], refused: ["signedOut", "member", "outsider", "paralegal"] },
  retryExtractionAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  createProductionAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  createPlaintiffAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  updatePlaintiffAction: { as: "attorney", bound: (f) => [f.m, f.plaintiffId], refused: ["signedOut", "member", "outsider"] },
  // Password reset and the second factor: public, and refused without a live ticket or token.
  requestPasswordResetAction: { as: "signedOut", bound: () => [], refused: [] },
  secondFactorAction: { as: "signedOut", bound: () => [], refused: [] },
  resetPasswordAction: { as: "signedOut", bound: () => [], refused: [] },
  // Switches a random input could turn on for the whole run (two-factor required for all staff
  // or for the demo matter, the matter's court details, an account's authenticator) are fuzzed
  // as an actor the permission refuses, so a lucky input cannot change what later specs sign in to.
  setStaffTwoFactorRequirementAction: { as: "attorney", bound: () => [], refused: ["signedOut", "member"] },
  setAnyMatterTwoFactorRequirementAction: { as: "attorney", bound: () => [], refused: ["signedOut", "member"] },
  resetUserTwoFactorAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  saveTrackerDomainAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  deleteTrackerDomainAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  saveSdkSignatureAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  deleteSdkSignatureAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  importKbCsvAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  importExodusAction: { as: "admin", bound: () => [], refused: ["signedOut", "attorney", "member"] },
  setTrackerOverrideAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  clearTrackerOverrideAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  setMatterTwoFactorRequirementAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  updateMatterDetailsAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  // The demo settlement website's texts and published documents stay as later specs expect them.
  updateSettlementSiteAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  publishExhibitAction: { as: "paralegal", bound: (f) => [f.m, f.exhibitId], refused: ["signedOut", "member", "outsider"] },
  startTwoFactorEnrollmentAction: { as: "member", bound: () => [], refused: ["signedOut"] },
  confirmTwoFactorEnrollmentAction: { as: "member", bound: () => [], refused: ["signedOut"] },
  regenerateRecoveryCodesAction: { as: "member", bound: () => [], refused: ["signedOut"] },
  disableTwoFactorAction: { as: "member", bound: () => [], refused: ["signedOut"] },
  // Captures, redaction, intake and complaint import: ids that point nowhere.
  reanalyzeCaptureAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  acceptSuggestionAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  dismissSuggestionAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  reanalyzeApkAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  acceptSdkSuggestionAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  dismissSdkSuggestionAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  requestRedactionAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider", "paralegal"] },
  startIntakeAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  startComplaintImportAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  acceptProposalAction: { as: "paralegal", bound: (f) => [f.m, ANY, ANY], refused: ["signedOut", "member", "outsider"] },
  dropProposalAction: { as: "paralegal", bound: (f) => [f.m, ANY, ANY], refused: ["signedOut", "member", "outsider"] },
  mergeProposalAction: { as: "paralegal", bound: (f) => [f.m, ANY, ANY], refused: ["signedOut", "member", "outsider"] },
  splitProposalAction: { as: "paralegal", bound: (f) => [f.m, ANY, ANY], refused: ["signedOut", "member", "outsider"] },
  applyAmendmentAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  // Distribution: a preview only replaces the last preview; locking is fuzzed as the paralegal
  // it refuses, so a lucky input cannot lock the demo matter's distribution for later specs.
  computeDistributionAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  lockDistributionAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  // Payment statuses of a run that is not there: the demo's payments stay as they are.
  importPaymentStatusAction: { as: "attorney", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider", "paralegal"] },
  // Chronology: facts by hand, builds from recorded data, an exhibit's dates.
  createFactAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  updateFactAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  deleteFactAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  buildFromCapturesAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  buildFromAllegationsAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  buildFromComplaintAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  addClaimMilestonesAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  addExhibitDateAction: { as: "paralegal", bound: (f) => [f.m, f.exhibitId], refused: ["signedOut", "member", "outsider"] },
  // Revoking an opt-out: an id that points nowhere, so the demo's opt-outs stay as they are.
  revokeOptOutAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  // Issue tags on an exhibit id that points nowhere (the demo exhibits keep their tags); saved searches.
  tagExhibitAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  untagExhibitAction: { as: "paralegal", bound: (f) => [f.m, ANY], refused: ["signedOut", "member", "outsider"] },
  saveSearchAction: { as: "paralegal", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
  deleteSavedSearchAction: { as: "attorney", bound: (f) => [f.m], refused: ["signedOut", "member", "outsider"] },
};

type Tally = { tried: number; fiveXx: string[]; leaks: string[]; caught: string[]; writes: string[]; accepted: number };
const tally: Tally = { tried: 0, fiveXx: [], leaks: [], caught: [], writes: [], accepted: 0 };
// Across both tests, for the closing line.
const totals = { tried: 0, fiveXx: 0 };
let cookies: Record<Who, string>;
const profile: Record<string, { n: number; ms: number }> = {};
let fx: Fx;

// Row counts of every table a request could write (rate-limit buckets and the sealer's own
// table aside, which refusals and the clock write by design).
async function snapshot(): Promise<Record<string, number>> {
  const tables = await sql<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('RateLimit', 'AuditSeal', '_prisma_migrations') ORDER BY 1`,
  );
  // jsonb_build_object takes at most 100 arguments: 40 tables a call, joined with ||.
  const chunks: string[] = [];
  for (let i = 0; i < tables.length; i += 40) {
    chunks.push(`jsonb_build_object(${tables.slice(i, i + 40).map((x) => `'${x.t}', (SELECT count(*) FROM "${x.t}")`).join(", ")})`);
  }
  const [row] = await sql<{ counts: Record<string, string> }>(`SELECT ${chunks.join(" || ")} AS counts`);
  return Object.fromEntries(Object.entries(row!.counts).map(([k, v]) => [k, Number(v)]));
}

function diff(before: Record<string, number>, after: Record<string, number>): string {
  return Object.keys(after)
    .filter((k) => after[k] !== before[k])
    .map((k) => `${k} ${before[k]}→${after[k]}`)
    .join(", ");
}

// Runs calls with a few at a time; each answer is checked, and `accepted` says whether the
// server took it (then rows may change).
async function fire(label: string, calls: Call[], accepted: (a: Answer) => boolean): Promise<number> {
  let next = 0;
  let taken = 0;
  const worker = async () => {
    while (next < calls.length) {
      const call = calls[next++]!;
      const what = `${label}${call.note ? ` (${call.note})` : ""}: ${call.method ?? "GET"} ${call.path.slice(0, 100)} ${call.body === undefined ? "" : JSON.stringify(String(call.body).slice(0, 100))}`;
      tally.tried++;
      let answer: Answer;
      const t0 = Date.now();
      try {
        answer = await send(call);
        const key = `${label.replace(/^.* as /, "as ")} ${call.note ?? ""}`;
        const p = (profile[key] ??= { n: 0, ms: 0 });
        p.n++;
        p.ms += Date.now() - t0;
      } catch (error) {
        tally.fiveXx.push(`${what} → ${(error as Error).message}`);
        continue;
      }
      if (answer.status >= 500) tally.fiveXx.push(`${what} → ${answer.status} ${answer.body.slice(0, 200)}`);
      if (INTERNAL.test(answer.body) || INTERNAL.test(String(answer.headers.location ?? ""))) tally.leaks.push(`${what} → ${answer.body.match(INTERNAL)?.[0]}`);
      if (CAUGHT.test(answer.body)) tally.caught.push(`${what} → ${answer.body.match(/Reference: [\w-]+/)?.[0]}`);
      if (accepted(answer)) taken++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return taken;
}

// One boundary: inputs from the actor that reaches the checks, then a few from each actor the
// gate must refuse (none of those may be taken). If the first were all refused too, every table
// must be as it was.
// Work an earlier boundary accepted and queued (a claims import runs as a job) writes its rows
// later; it must finish before the next boundary counts rows, or those rows would be blamed on it.
async function settleQueuedWork(): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const [busy] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "ClaimImport" WHERE status IN ('QUEUED', 'RUNNING')`);
    if (busy?.n === "0") return;
  }
  throw new Error("claim imports queued by the fuzz did not finish within 60 s");
}

async function boundary(label: string, main: Call[], refused: [Who, Call[]][], accepted: (a: Answer) => boolean) {
  await settleQueuedWork();
  const before = await snapshot();
  const taken = await fire(label, main, accepted);
  for (const [who, calls] of refused) {
    const wrongly = await fire(`${label.replace(/ as \w+$/, "")} as ${who}`, calls, accepted);
    if (wrongly) tally.writes.push(`${label} as ${who}: ${wrongly} taken from an actor the gate must refuse`);
  }
  const changed = diff(before, await snapshot());
  if (taken === 0 && changed) tally.writes.push(`${label}: refused every input but wrote ${changed}`);
  tally.accepted += taken;
  if (taken) console.log(`  ${label}: ${taken} of ${main.length} accepted${changed ? ` (${changed})` : ""}`);
}

const actionAccepted = (a: Answer) =>
  a.body.includes('"status":"success"') ||
  (!!a.headers["x-action-redirect"] && !String(a.headers["x-action-redirect"]).startsWith("/sign-in")) ||
  (a.status === 303 && !String(a.headers.location).startsWith("/sign-in"));
const routeAccepted = (a: Answer) => a.status < 300;

// A path segment: generated text, percent-encoded (lone surrogates as the bytes a client could
// send), or raw escapes a browser would not send.
const segment = (real: string) =>
  fc.oneof(
    { weight: 3, arbitrary: nastyText.map((s) => encodeURIComponent(Buffer.from(s).toString()).slice(0, 3000)) },
    { weight: 1, arbitrary: fc.constantFrom("%00", "%ED%A0%80", "%", "%zz", "..%2F..%2Fetc", "%2e%2e", "a%2Fb", real.toUpperCase()) },
    { weight: 1, arbitrary: fc.constant(real) },
  );
const query = (names: string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...names), fc.oneof(nastyText.map((s) => encodeURIComponent(Buffer.from(s).toString()).slice(0, 3000)), fc.constantFrom("%00", "%ED%A0%80", "%"))), { maxLength: 6 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&")}` : ""));

test.describe.configure({ timeout: 600_000 });

test.beforeAll(async () => {
  const m = await hongMatterId();
  const one = async (text: string, params: unknown[] = [m]) => (await sql<{ v: string }>(text, params))[0]?.v ?? randomUUID();
  fx = {
    m,
    slug: "hong-v-bytedance",
    allegationId: await one(`SELECT id AS v FROM "Allegation" WHERE "matterId" = $1 ORDER BY paragraph LIMIT 1`),
    countId: await one(`SELECT id AS v FROM "Count" WHERE "matterId" = $1 LIMIT 1`),
    elementId: await one(`SELECT e.id AS v FROM "Element" e JOIN "Count" c ON c.id = e."countId" WHERE c."matterId" = $1 LIMIT 1`),
    exhibitId: await one(`SELECT id AS v FROM "Exhibit" WHERE "matterId" = $1 LIMIT 1`),
    plaintiffId: await one(`SELECT id AS v FROM "Plaintiff" WHERE "matterId" = $1 LIMIT 1`),
    claimId: await one(`SELECT id AS v FROM "Claim" WHERE "matterId" = $1 ORDER BY number LIMIT 1`),
    memberClaim: await one(`SELECT c.number AS v FROM "Claim" c JOIN "Claimant" cl ON cl.id = c."claimantId" JOIN "User" u ON u.id = cl."userId" WHERE u.email = $1 LIMIT 1`, [USERS.member1]),
    otherClaim: await one(`SELECT c.number AS v FROM "Claim" c JOIN "Claimant" cl ON cl.id = c."claimantId" LEFT JOIN "User" u ON u.id = cl."userId" WHERE u.email IS DISTINCT FROM $1 LIMIT 1`, [USERS.member1]),
  };
  // The extraction worker writes pages for the seeded exhibits on its own schedule: the row
  // counts are compared once it is done.
  for (let i = 0; i < 90; i++) {
    const [busy] = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Exhibit" WHERE "extractionStatus" IN ('QUEUED', 'RUNNING')`);
    if (busy!.n === "0") break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  cookies = {
    signedOut: "",
    member: await signInOverHttp(USERS.member1, PASSWORD),
    paralegal: await signInOverHttp(USERS.paralegal, PASSWORD),
    attorney: await signInOverHttp(USERS.attorney, PASSWORD),
    outsider: await signInOverHttp(USERS.outsider, PASSWORD),
    admin: await signInOverHttp(USERS.admin, PASSWORD),
  };
});

test.afterAll(() => closeAgents());

let sourceIndex = 0;
const nextSource = () => sourceAddress(sourceIndex++);

test("every server action of the build, fuzzed as its actor and as the actors it refuses", async () => {
  const started = Date.now();
  const names = fieldNames();
  const actions = builtActions();
  const unknown = actions.filter((a) => !ACTIONS[a.exportedName]).map((a) => `${a.filename} ${a.exportedName}`);
  expect(unknown, "server actions without a fuzzing entry here").toEqual([]);
  const params = { matterId: fx.m, matterSlug: fx.slug, allegationId: fx.allegationId, countId: fx.countId, exhibitId: fx.exhibitId, plaintiffId: fx.plaintiffId, claimId: fx.claimId, number: fx.memberClaim, attachmentId: ANY, importId: ANY, batchId: ANY, copyId: ANY, productionId: ANY, factId: ANY, optOutId: ANY, objectionId: ANY };
  const calls = (action: BuiltAction, who: Who, runs: number, seed: number): Call[] => {
    const spec = ACTIONS[action.exportedName]!;
    const path = urlOf(action.pages[0]!, params);
    return actionPayloads(names, runs, seed).map((payload) => {
      const { headers, body } = encodeActionCall(action.id, payload, spec.bound(fx));
      return { method: "POST", path, body, from: nextSource(), note: payload.kind, headers: { ...headers, ...(cookies[who] ? { Cookie: cookies[who] } : {}) } };
    });
  };
  let seed = SEED;
  for (const action of actions) {
    const spec = ACTIONS[action.exportedName]!;
    // RUNS inputs per action in all: PROBES from each refused actor, the rest from its actor.
    const main = calls(action, spec.as, RUNS - PROBES * spec.refused.length, seed++);
    const refused = spec.refused.map((who): [Who, Call[]] => [who, calls(action, who, PROBES, seed++)]);
    await boundary(`${action.exportedName} as ${spec.as}`, main, refused, actionAccepted);
  }
  console.log(`fuzz (server actions): ${actions.length} actions, ${tally.tried} inputs, ${tally.fiveXx.length} 5xx, ${tally.accepted} accepted, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  report();
});

test("every route handler and lean path, fuzzed", async () => {
  const started = Date.now();
  const names = fieldNames();
  const { m } = fx;
  const as = (who: Who, call: Call): Call => ({ ...call, from: call.from ?? nextSource(), headers: { ...call.headers, ...(cookies[who] ? { Cookie: cookies[who] } : {}) } });
  const sample = <T>(arb: fc.Arbitrary<T>, runs: number, seed: number) => fc.sample(arb, { seed, numRuns: runs });
  type Case = { name: string; as: Who; refused: Who[]; arb: fc.Arbitrary<Call> };
  const zeroSha = "0".repeat(64);
  const cases: Case[] = [
    {
      name: "GET exhibit file",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: fc.tuple(segment(fx.exhibitId), query(["view", "download", ...names])).map(([e, q]) => ({ path: `/api/v1/matters/${m}/exhibits/${e}/file${q}` })),
    },
    {
      name: "GET exhibit exports",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(fc.oneof({ weight: 4, arbitrary: segment("exhibit-list.csv") }, { weight: 1, arbitrary: fc.constantFrom("privilege-log.csv", "certification.pdf", "__proto__", "constructor", "hasOwnProperty") }), query(["ids", "ids", "format"]))
        .map(([r, q]) => ({ path: `/api/v1/matters/${m}/exhibits/exports/${r}${q}` })),
    },
    {
      name: "GET analysis papers",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(segment(ANY), fc.oneof({ weight: 3, arbitrary: segment("methodology.pdf") }, { weight: 1, arbitrary: fc.constantFrom("certification-902-13.pdf", "certification-902-13.docx", "__proto__", "constructor") }))
        .map(([id, paper]) => ({ path: `/api/v1/matters/${m}/analyses/${id}/${paper}` })),
    },
    {
      name: "GET production zip",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: segment(ANY).map((p) => ({ path: `/api/v1/matters/${m}/exhibits/productions/${p}/zip` })),
    },
    {
      name: "GET claims export",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: query(["status", "q", "from", "to", "minScore", "deficientDays", "subclass", "sort", "dir", "page", ...names]).map((q) => ({ path: `/matters/${m}/claims/export${q}` })),
    },
    {
      // Payment files of a run that is not there (fuzzing must not lock the demo's distribution).
      name: "GET distribution payment file",
      as: "attorney",
      refused: ["signedOut", "member", "outsider", "paralegal"],
      arb: fc
        .tuple(segment(ANY), fc.oneof({ weight: 3, arbitrary: fc.constantFrom("ACH", "PAYPAL", "VENMO", "CHECK", "PREPAID_CARD") }, { weight: 1, arbitrary: segment("ach") }))
        .map(([run, method]) => ({ path: `/matters/${m}/claims/distribution/${run}/payments/${method}` })),
    },
    {
      name: "POST distribution re-issue file",
      as: "attorney",
      refused: ["signedOut", "member", "outsider", "paralegal"],
      arb: fc
        .tuple(segment(ANY), fc.constantFrom("ACH", "PAYPAL", "VENMO", "CHECK", "PREPAID_CARD", "x"), fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json"))
        .map(([run, method, type]) => ({ method: "POST", path: `/matters/${m}/claims/distribution/${run}/payments/${method}/reissue`, headers: { "Content-Type": type }, body: "" })),
    },
    {
      name: "GET gap report CSV",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: fc.tuple(segment(m), query(names)).map(([mm, q]) => ({ path: `/matters/${mm}/reports/gaps.csv${q}` })),
    },
    {
      name: "GET chronology export",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(fc.constantFrom("export.csv", "export.pdf"), query(["from", "to", "source", "tag", "element", "disputed", "unsupported", "includePrivileged", ...names]))
        .map(([f, q]) => ({ path: `/matters/${m}/chronology/${f}${q}` })),
    },
    {
      name: "GET claim attachment (staff)",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: fc.tuple(segment(fx.claimId), segment(ANY)).map(([c, a]) => ({ path: `/matters/${m}/claims/${c}/attachments/${a}` })),
    },
    {
      name: "GET claim attachment (class member)",
      as: "member",
      refused: ["signedOut", "attorney"],
      arb: fc.tuple(segment(fx.memberClaim), segment(ANY)).map(([c, a]) => ({ path: `/claims/${c}/attachments/${a}` })),
    },
    {
      name: "POST claims import",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(fc.constantFrom("text/csv", "text/csv; charset=utf-8", "text/csv; charset=utf-16", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json"), fc.array(fc.array(nastyText, { maxLength: 5 }), { maxLength: 6 }))
        .map(([type, rows]) => ({ method: "POST", path: `/matters/${m}/claims/import/upload`, headers: { "Content-Type": type }, body: rows.map((r) => r.join(",")).join("\n").slice(0, 200_000) })),
    },
    {
      name: "GET JSON API lists",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(fc.constantFrom("exhibits", "claims", "gaps", `allegations/${fx.allegationId}/links`, `exhibits/${fx.exhibitId}`), query(["q", "cursor", "limit", "status", "designation", "kind", "tag", "from", "to", ...names]))
        .map(([p, q]) => ({ path: `/api/v1/matters/${m}/${p}${q}` })),
    },
    {
      // Ids that lead nowhere (the decision and the link are checked before the record is looked
      // up), so the demo data later specs read stays as it is.
      name: "POST JSON API writes (Idempotency-Key)",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(
          fc.constantFrom(`allegations/${ANY}/links`, `claims/${ANY}/decision`),
          fc.array(fc.tuple(fc.constantFrom("decision", "reason", "fields", "notice", "dueOn", "exhibitId", "relation", "pinCite", "requestId", ...names), fc.oneof(nastyText, fc.jsonValue({ maxDepth: 2 }))), { maxLength: 6 }).map(objectText),
          // Header values a client can send: printable ASCII of any length, or a UUID.
          fc.option(fc.oneof(fc.uuid(), fc.stringMatching(/^[\x20-\x7e]{0,300}$/))),
        )
        .map(([p, body, key]) => ({ method: "POST", path: `/api/v1/matters/${m}/${p}`, headers: { "Content-Type": "application/json", ...(key ? { "Idempotency-Key": key } : {}) }, body })),
    },
    {
      name: "POST claims CSV import",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .tuple(
          fc.constantFrom("text/csv", "text/csv; charset=utf-8", "text/plain", "application/json"),
          fc.array(fc.array(nastyText, { maxLength: 5 }), { maxLength: 6 }),
          fc.option(nastyText),
          fc.constantFrom("", "?sendMail=false", "?sendMail=maybe"),
        )
        .map(([type, rows, name, q]) => ({
          method: "POST",
          path: `/matters/${m}/claims/import/claims${q}`,
          headers: { "Content-Type": type, ...(name === null ? {} : { "X-File-Name": encodeURIComponent(Buffer.from(name).toString()).slice(0, 300) }) },
          body: rows.map((r) => r.join(",")).join("\n").slice(0, 200_000),
        })),
    },
    {
      name: "GET claim import error report",
      as: "paralegal",
      refused: ["signedOut", "member", "outsider"],
      arb: segment(ANY).map((i) => ({ path: `/matters/${m}/claims/import/claims/${i}/errors` })),
    },
    {
      name: "POST public claim API (lean path)",
      as: "signedOut",
      refused: [],
      arb: fc
        .tuple(
          fc.oneof({ weight: 5, arbitrary: fc.constant(fx.slug) }, { weight: 1, arbitrary: segment(fx.slug) }),
          fc.oneof(
            { weight: 5, arbitrary: fc.array(fc.tuple(fc.constantFrom(...names), fc.oneof(nastyText, fc.jsonValue({ maxDepth: 2 }))), { maxLength: 10 }).map(objectText) },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
            { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((d) => `{"fullName":${deepText(d)}}`) },
            { weight: 1, arbitrary: fc.constantFrom(`{"fullName":"${HUGE}"}`, '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', "{", "\u0000", '{"fullName":"\\ud800"}', '{"email":"a\\u0000@b.c"}') },
          ),
          fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"),
        )
        .map(([slug, body, type]) => ({ method: "POST", path: `/api/v1/claims/${slug}`, headers: { "Content-Type": type }, body })),
    },
    {
      name: "POST exhibit upload (lean path)",
      as: "attorney",
      refused: ["signedOut", "member", "outsider"],
      arb: fc
        .record({
          name: fc.oneof(nastyText.map((s) => encodeURIComponent(Buffer.from(s).toString()).slice(0, 5000)), fc.constantFrom("%00", "%ED%A0%80", "%", "..%2F..%2Fetc%2Fpasswd", "a.exe", "")),
          sha: fc.constantFrom(zeroSha, "zz", "", zeroSha + "0"),
          type: fc.constantFrom("application/octet-stream", "application/pdf", "text/plain", "image/png", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ""),
          body: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("%PDF-1.4\n%%EOF\n", "\u0000\u0001")),
          matter: fc.oneof({ weight: 5, arbitrary: fc.constant(m) }, { weight: 1, arbitrary: segment(m) }),
        })
        .map((r) => ({
          method: "POST",
          path: `/api/v1/matters/${r.matter}/exhibits`,
          // A wrong or malformed hash: the upload is refused after reading, so nothing may be kept.
          headers: { ...(r.type ? { "Content-Type": r.type } : {}), "X-File-Name": r.name, "X-Content-SHA256": r.sha || zeroSha },
          body: r.body,
        })),
    },
    {
      name: "Auth.js endpoints",
      as: "signedOut",
      refused: [],
      arb: fc.oneof(
        fc.tuple(segment("session"), query(["callbackUrl", "error", "csrf", ...names])).map(([s, q]) => ({ path: `/api/auth/${s}${q}` })),
        fc
          .tuple(fc.constantFrom("callback/password", "callback/email-link", "signin/password", "signout", "session", "x"), fc.array(fc.tuple(fc.constantFrom("email", "password", "token", "csrfToken", "callbackUrl", "__proto__"), nastyText), { maxLength: 5 }))
          .map(([p, fields]) => {
            const { contentType, body } = multipart(fields);
            return { method: "POST", path: `/api/auth/${p}`, headers: { "Content-Type": contentType }, body };
          }),
        fc.array(fc.tuple(fc.constantFrom("email", "password", "csrfToken"), nastyText), { maxLength: 4 }).map((fields) => ({
          method: "POST",
          path: "/api/auth/callback/password",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: fields.map(([k, v]) => `${k}=${encodeURIComponent(Buffer.from(v).toString())}`).join("&"),
        })),
      ),
    },
  ];
  let seed = SEED + 1000;
  for (const c of cases) {
    const main = sample(c.arb, RUNS - PROBES * c.refused.length, seed++).map((call) => as(c.as, call));
    const refused = c.refused.map((who): [Who, Call[]] => [who, sample(c.arb, PROBES, seed++).map((call) => as(who, call))]);
    await boundary(`${c.name} as ${c.as}`, main, refused, routeAccepted);
  }
  console.log(`fuzz (routes and lean paths): ${cases.length} boundaries, ${tally.tried} inputs, ${tally.fiveXx.length} 5xx, ${tally.accepted} accepted, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  report();
  console.log(`fuzz (total): ${totals.tried} inputs tried, ${totals.fiveXx} answered 5xx`);
});

function report() {
  // FUZZ_PROFILE=1: mean answer time per actor and kind of input, to see where the time goes.
  if (process.env.FUZZ_PROFILE) console.log(Object.entries(profile).map(([k, v]) => `${k}: ${v.n} × ${(v.ms / v.n).toFixed(0)} ms`).join("\n"));
  const show = (name: string, list: string[]) => list.length && console.log(`${name} (${list.length}):\n  ${list.slice(0, 30).join("\n  ")}`);
  show("5xx", tally.fiveXx);
  show("internals in answers", tally.leaks);
  show("unexpected errors", tally.caught);
  show("writes", tally.writes);
  expect.soft(tally.fiveXx, "answers 5xx").toEqual([]);
  expect.soft(tally.leaks, "stack traces or internal paths in answers").toEqual([]);
  expect.soft(tally.caught, "unexpected errors caught by the action client").toEqual([]);
  expect.soft(tally.writes, "rows written on refusal").toEqual([]);
  totals.tried += tally.tried;
  totals.fiveXx += tally.fiveXx.length;
  Object.assign(tally, { tried: 0, fiveXx: [], leaks: [], caught: [], writes: [], accepted: 0 });
}
