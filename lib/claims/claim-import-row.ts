// One row of a bulk claim import (paper claims, or claims a notice administrator collected),
// checked with THE SAME zod schema as the portal's claim form (buildClaimSubmissionSchema) and the
// same eligibility, deadline and normalisation rules as submit-claim.ts. Pure: no database, so
// the import job and the tests call it alike. What needs the database (a notice ID and its
// confirmation code, an external ID seen before) is checked set-wise by the import job.
import { normalizeAddress, normalizeEmail, normalizePhone } from "@/lib/claims/normalize";
import { eligibilityFailures, subclassFor, type Answers, type TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { buildClaimSubmissionSchema, questionField, type TClaimSubmission } from "@/lib/schemas/claim";
import { isStorableText } from "@/lib/schemas/common";
import { normalizeName } from "@/lib/settlement/responses";

// Columns of the CSV (matched case-insensitively), and the portal field each one fills. Each
// eligibility question is a column named q_<question id>, as on the form.
export const IMPORT_COLUMNS = {
  external_id: null,
  filing_for: "filingFor",
  full_name: "fullName",
  date_of_birth: "dateOfBirth",
  guardian_name: "guardianName",
  email: "email",
  phone: "phone",
  address1: "addressLine1",
  address2: "addressLine2",
  city: "city",
  state: "state",
  zip: "zip",
  payment_preference: "paymentPreference",
  notice_id: "noticeId",
  confirmation_code: "confirmationCode",
  attestation_name: "attestationName",
  submit_anyway: "submitAnyway",
  postmark_date: null,
} as const;

const FIELD_TO_COLUMN: Record<string, string> = Object.fromEntries(
  Object.entries(IMPORT_COLUMNS)
    .filter(([, field]) => field)
    .map(([column, field]) => [field as string, column]),
);

export type ImportRowError = { field: string; message: string };

export type ImportRowContext = {
  def: TClaimFormDefinition;
  // The matter's today (YYYY-MM-DD in its time zone), for a row without a postmark and to refuse
  // a postmark in the future.
  today: string;
};

export type ValidImportRow = {
  externalId: string;
  data: TClaimSubmission;
  answers: Answers;
  subclass: string | null;
  failures: { questionId: string; reason: string }[];
  postmarkedOn: string | null;
  emailNormalized: string;
  phoneNormalized: string | null;
  addressNormalized: string;
  nameNormalized: string;
};

export type ImportRowResult = { ok: true; row: ValidImportRow } | { ok: false; errors: ImportRowError[] };

// The portal's form key is a UUID made by the page; an imported row's key is its external ID,
// checked here, so the schema is given a fixed valid key.
const PLACEHOLDER_KEY = "00000000-0000-4000-8000-000000000000";
const YES = new Set(["yes", "y", "true", "1", "on", "x"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function importSchemaFor(def: TClaimFormDefinition) {
  return buildClaimSubmissionSchema(def);
}

// A cell as the portal's form would send it: an empty input is no answer at all.
function cell(record: Record<string, string | undefined>, column: string): string | undefined {
  const v = record[column];
  return v === undefined || v.trim() === "" ? undefined : v;
}

export function validateImportRow(record: Record<string, string | undefined>, ctx: ImportRowContext, schema: ReturnType<typeof importSchemaFor>): ImportRowResult {
  const errors: ImportRowError[] = [];
  const externalId = cell(record, "external_id")?.trim();
  if (!externalId) errors.push({ field: "external_id", message: "external_id is empty: each row needs the administrator's unique ID for the claim" });
  else if (externalId.length > 100) errors.push({ field: "external_id", message: "external_id must be at most 100 characters" });
  else if (!isStorableText(externalId)) errors.push({ field: "external_id", message: "external_id contains characters that cannot be stored" });

  // Paper claims: timely when postmarked on or before the deadline where the matter is. A row
  // without a postmark is received today, as a portal filing would be.
  const postmark = cell(record, "postmark_date")?.trim();
  let postmarkedOn: string | null = null;
  if (postmark !== undefined) {
    const d = new Date(`${postmark}T00:00:00Z`);
    if (!DATE.test(postmark) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== postmark) {
      errors.push({ field: "postmark_date", message: "postmark_date must be a date in the format YYYY-MM-DD" });
    } else if (postmark > ctx.today) {
      errors.push({ field: "postmark_date", message: `postmark_date ${postmark} is in the future` });
    } else if (postmark > ctx.def.claimDeadline) {
      errors.push({ field: "postmark_date", message: `Postmarked ${postmark}, after the claim deadline of ${ctx.def.claimDeadline}: not timely` });
    } else postmarkedOn = postmark;
  } else if (ctx.today > ctx.def.claimDeadline) {
    errors.push({ field: "postmark_date", message: `The deadline to file was ${ctx.def.claimDeadline}; a claim received after it needs a timely postmark_date` });
  }

  const input: Record<string, unknown> = { submissionKey: PLACEHOLDER_KEY, attestationAgree: "on" };
  const filingFor = cell(record, "filing_for");
  input.filingFor = filingFor === undefined ? "SELF" : filingFor.trim().toUpperCase();
  for (const [column, field] of Object.entries(IMPORT_COLUMNS)) {
    if (!field || field === "filingFor" || field === "submitAnyway") continue;
    const v = cell(record, column);
    if (v !== undefined) input[field] = field === "state" ? v.trim().toUpperCase() : v;
  }
  const anyway = cell(record, "submit_anyway");
  if (anyway !== undefined && YES.has(anyway.trim().toLowerCase())) input.submitAnyway = "on";
  for (const q of ctx.def.questions) {
    const v = cell(record, questionField(q.id));
    if (v !== undefined) input[questionField(q.id)] = q.kind === "yesno" ? v.trim().toLowerCase() : v;
  }

  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set(errors.map((e) => e.field));
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const field = FIELD_TO_COLUMN[key] ?? (key.startsWith("q_") ? key : key || "row");
      if (seen.has(field)) continue;
      seen.add(field);
      errors.push({ field, message: issue.message });
    }
    return { ok: false, errors };
  }
  const data = parsed.data;
  const answers: Answers = {};
  for (const q of ctx.def.questions) {
    const value = (data as Record<string, unknown>)[questionField(q.id)];
    if (typeof value === "string" && value !== "") answers[q.id] = value;
  }
  const failures = eligibilityFailures(ctx.def, answers);
  if (failures.length && !data.submitAnyway) {
    for (const f of failures) errors.push({ field: questionField(f.questionId), message: `${f.reason} Set submit_anyway to yes to file it for review anyway.` });
  }
  if (errors.length || !externalId) return { ok: false, errors };
  return {
    ok: true,
    row: {
      externalId,
      data,
      answers,
      subclass: subclassFor(ctx.def, answers),
      failures,
      postmarkedOn,
      emailNormalized: normalizeEmail(data.email),
      phoneNormalized: normalizePhone(data.phone),
      addressNormalized: normalizeAddress(data),
      nameNormalized: normalizeName(data.fullName),
    },
  };
}

// The claim's idempotency key within its matter: a re-import of the same row finds it taken.
// (Portal keys are UUIDs, so the prefix keeps the two apart.)
export function importIdempotencyKey(externalId: string): string {
  return `import:${externalId}`;
}
