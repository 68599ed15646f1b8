import "server-only";
import { randomBytes } from "node:crypto";
import { HONG_CLAIM_FORM } from "@/prisma/seed-claims";
import { db } from "@/lib/server/db";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

// A matter with a team and the demo's claim form, under a unique slug.
export async function makeClaimMatter() {
  const team = await makeMatterWithTeam();
  const matter = await db.matter.update({ where: { id: team.matter.id }, data: { claimForm: HONG_CLAIM_FORM } });
  return { ...team, matter };
}

const tag = () => randomBytes(4).toString("hex");

// A valid public claim form submission; each call is a different person unless overridden.
export function validClaimInput(overrides: Record<string, unknown> = {}) {
  const t = tag();
  return {
    submissionKey: crypto.randomUUID(),
    filingFor: "SELF",
    fullName: `Pat Claimant ${t}`,
    dateOfBirth: `19${50 + (parseInt(t.slice(0, 2), 16) % 50)}-0${1 + (parseInt(t.slice(2, 4), 16) % 9)}-1${parseInt(t.slice(4, 6), 16) % 10}`,
    email: `pat.${t}@example.org`,
    phone: `415-555-${String(parseInt(t.slice(0, 4), 16) % 10000).padStart(4, "0")}`,
    addressLine1: `${parseInt(t, 16) % 9000 + 100} Market St`,
    city: "San Francisco",
    state: "CA",
    zip: "94103",
    q_usedInUs: "yes",
    q_illinoisResident: "no",
    paymentPreference: "PAYPAL",
    attestationName: `Pat Claimant ${t}`,
    attestationAgree: "on",
    ...overrides,
  };
}
