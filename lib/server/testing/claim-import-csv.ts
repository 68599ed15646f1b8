// A generated bulk claim import for the HONG claim form (claim-fixtures.ts): `rows` data rows, of
// which `badPerThousand` in every 1,000 are refused, each for a different rule. Every 50th good
// row is a near-twin of the one before it (same birth date, address and phone, a one-letter name
// change), so the batch carries fraud signals against itself. Deterministic for a given `tag`.
// No "server-only": the bench imports it from plain tsx.

export const CLAIM_IMPORT_HEADER =
  "external_id,filing_for,full_name,date_of_birth,guardian_name,email,phone,address1,address2,city,state,zip,payment_preference,notice_id,confirmation_code,attestation_name,postmark_date,submit_anyway,q_usedInUs,q_illinoisResident,q_deviceUsed";

// Names built from syllables (32^5 of them), so that, as in a real class, few claimants share a
// name: the near-duplicate rule compares only claimants with one birth date and similar names.
const SYLLABLES = ["ka", "mo", "ri", "ta", "le", "no", "si", "da", "vi", "ro", "be", "ha", "lu", "ne", "zo", "pa", "ga", "to", "mi", "ce", "fa", "jo", "ku", "re", "sa", "wi", "ya", "de", "lo", "na", "ti", "bo"];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const STREETS = ["Market St", "Oak Avenue", "Pine Road", "Maple Dr", "Elm Street", "Cedar Ln", "Lake Blvd", "Hill Ct"];
const PLACES: [string, string, string][] = [
  ["San Francisco", "CA", "94103"],
  ["Chicago", "IL", "60601"],
  ["Austin", "TX", "78701"],
  ["Brooklyn", "NY", "11201"],
  ["Miami", "FL", "33101"],
  ["Denver", "CO", "80202"],
  ["Seattle", "WA", "98101"],
  ["Columbus", "OH", "43004"],
];
const PAY = ["PAYPAL", "VENMO", "CHECK"];

// The rule each bad row breaks, in turn (the field the report names).
export const BAD_ROW_KINDS = ["state", "zip", "full_name", "email", "date_of_birth", "zip-state", "eligibility", "postmark_date", "filing_for", "attestation_name"] as const;

type Options = { rows: number; badPerThousand?: number; tag?: string; deadline?: string };

function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function* claimImportCsv({ rows, badPerThousand = 10, tag = "t", deadline = "2099-03-01" }: Options): Generator<string> {
  let out = `${CLAIM_IMPORT_HEADER}\n`;
  let prev: string[] | null = null;
  let bad = 0;
  const stride = badPerThousand > 0 ? Math.floor(1000 / badPerThousand) : 0;
  for (let i = 0; i < rows; i++) {
    const n = i.toString(36);
    const g = mix(i);
    const f = cap(SYLLABLES[g % 32]! + SYLLABLES[(g >>> 5) % 32]!);
    const l = cap(SYLLABLES[(g >>> 10) % 32]! + SYLLABLES[(g >>> 15) % 32]! + SYLLABLES[(g >>> 20) % 32]!);
    const place = PLACES[i % 8]!;
    // Birth dates spread independently of the names (as in life), about 20,000 of them.
    const h = Math.imul(i + 1, 2654435761) >>> 0;
    const dob = `19${String(40 + (h % 60)).padStart(2, "0")}-${String(1 + (Math.floor(h / 60) % 12)).padStart(2, "0")}-${String(1 + (Math.floor(h / 720) % 28)).padStart(2, "0")}`;
    const name = `${f} ${l}`;
    let r = [
      `${tag}-${i}`, "SELF", name, dob, "", `claimant.${n}@example.org`, `3${String(i).padStart(9, "0").replace(/^(\d\d)(\d{3})(\d{4})$/, "$1-$2-$3")}`,
      `${100 + (i % 9000)} ${STREETS[i % 8]} ${n}`, "", place[0], place[1], place[2], PAY[i % 3]!, "", "", name, i % 3 === 0 ? "2026-01-15" : "", "", "yes",
      place[1] === "IL" ? "yes" : "no", i % 4 === 0 ? "Pixel 7" : "",
    ];
    if (prev && i % 50 === 49) {
      // A near-twin of the previous row: same birth date, address and phone; the name off by a letter.
      const twin = `${prev[2]!.slice(0, -1)}${prev[2]!.endsWith("x") ? "y" : "x"}`;
      r = [...prev];
      r[0] = `${tag}-${i}`;
      r[2] = twin;
      r[5] = `twin.${n}@example.org`;
      r[15] = twin;
    }
    if (stride && i % stride === stride - 1) {
      const kind = BAD_ROW_KINDS[bad++ % BAD_ROW_KINDS.length]!;
      if (kind === "state") r[10] = "ZZ";
      else if (kind === "zip") r[11] = "9410";
      else if (kind === "full_name") r[2] = "";
      else if (kind === "email") r[5] = "not-an-email";
      else if (kind === "date_of_birth") r[3] = "1990-02-30";
      else if (kind === "zip-state") r[10] = place[1] === "TX" ? "CA" : "TX";
      else if (kind === "eligibility") r[18] = "no";
      else if (kind === "postmark_date") r[16] = nextDay(deadline);
      else if (kind === "filing_for") r[1] = "SOMEONE";
      else r[15] = "Somebody Else";
    } else prev = r;
    out += `${r.map(field).join(",")}\n`;
    if (out.length > 64 * 1024) {
      yield out;
      out = "";
    }
  }
  if (out) yield out;
}

// MurmurHash3's finaliser: name syllables independent of the birth date's hash above.
function mix(i: number): number {
  let h = Math.imul(i ^ 0x5bd1e995, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function nextDay(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}
