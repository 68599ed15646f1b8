// What a new user saw go wrong in claims administration (issue 14, items 1–4), each checked the
// way a claimant or a reviewer would notice it.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { formatDateTime, todayIn } from "@/lib/claims/dates";
import { db } from "@/lib/server/db";
import { appUrl, env } from "@/lib/server/env";
import { listClaims } from "@/lib/server/claims/list-claims";
import { listPublicClaimForms } from "@/lib/server/claims/list-public-claim-forms";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { latestMail } from "@/scripts/lib/mailbox";
import { HONG_CLAIM_FORM } from "@/prisma/seed-claims";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("claims administration: what a new user tripped over", () => {
  it("the staff queue shows the public claim address, and the public list names the settlement", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const { publicAddress } = await listClaims(paralegal, matter.id, {});
    expect(publicAddress).toBe(`${appUrl}/claim/${matter.slug}`);
    // A mistyped address lists the closest settlement first.
    expect((await listPublicClaimForms(`${matter.slug}x`))[0]?.slug).toBe(matter.slug);
  });

  it("a matter without a claim form has no public address and is not listed", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    expect((await listClaims(paralegal, matter.id, {})).publicAddress).toBeNull();
    expect((await listPublicClaimForms(matter.slug)).map((m) => m.slug)).not.toContain(matter.slug);
  });

  it("a blank eligibility answer is an error to fix, not a failed criterion to override", async () => {
    const { matter } = await makeClaimMatter();
    const blank = await refusal(submitClaim(matter.slug, validClaimInput({ q_usedInUs: undefined }), { ip: null }));
    expect(blank.fieldErrors.q_usedInUs?.join(" ")).toMatch(/^Answer /);
    expect(blank.fieldErrors.q_usedInUs?.join(" ")).not.toContain("Submit for review anyway");
    // Even where the matter marked the criterion optional, blank is "answer this", not "you fail".
    const optional = await makeClaimMatter();
    const form = structuredClone(HONG_CLAIM_FORM);
    form.questions[0] = { ...form.questions[0]!, required: false };
    await db.matter.update({ where: { id: optional.matter.id }, data: { claimForm: form } });
    const blankOptional = await refusal(submitClaim(optional.matter.slug, validClaimInput({ q_usedInUs: undefined }), { ip: null }));
    expect(blankOptional.fieldErrors.q_usedInUs?.join(" ")).toMatch(/^Answer /);
    // A real "no" to the criterion still offers the override.
    const no = await refusal(submitClaim(matter.slug, validClaimInput({ q_usedInUs: "no" }), { ip: null }));
    expect(no.fieldErrors.q_usedInUs?.join(" ")).toContain("Submit for review anyway");
  });

  it("the confirmation mail ends a caption that has its own full stop with one full stop", async () => {
    const { matter } = await makeClaimMatter();
    await db.matter.update({ where: { id: matter.id }, data: { caption: "Hong v. ByteDance Inc." } });
    // The form (with its caption) is cached briefly per slug; a fresh slug reads the new caption.
    const slug = `${matter.slug}-inc`;
    await db.matter.update({ where: { id: matter.id }, data: { slug } });
    const input = validClaimInput();
    await submitClaim(slug, input, { ip: null });
    const mail = await latestMail(env.MAIL_SINK_DIR, input.email);
    expect(mail.text).toContain("in Hong v. ByteDance Inc.\n");
    expect(mail.text).not.toContain("Inc..");
  });

  it("deadlines close at the end of the day in the matter's time zone, not at midnight UTC", () => {
    // 07:30 UTC on Jan 1 is still Dec 31 in California.
    const moment = new Date("2027-01-01T07:30:00Z");
    expect(todayIn("America/Los_Angeles", moment)).toBe("2026-12-31");
    expect(todayIn("UTC", moment)).toBe("2027-01-01");
    // Claimants read times in the matter's zone, named.
    expect(formatDateTime(moment, "America/Los_Angeles")).toBe("Dec 31, 2026, 11:30 PM PST");
    expect(formatDateTime(moment)).toBe("Jan 1, 2027, 7:30 AM UTC");
  });
});
