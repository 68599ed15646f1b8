import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { computeSignals, type SignalSubject } from "@/lib/server/claims/compute-signals";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { refusal } from "@/lib/server/testing/refusal";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";

describe("claim intake: one bad claim never sinks its neighbours", () => {
  it("refuses a name with a NUL byte or a lone surrogate with a field message, and stores the 6 valid claims sent with it", async () => {
    const { matter } = await makeClaimMatter();
    const valid = Array.from({ length: 6 }, () => validClaimInput());
    const results = await Promise.allSettled([
      ...valid.map((input) => submitClaim(matter.slug, input, { ip: "198.51.100.7" })),
      submitClaim(matter.slug, validClaimInput({ fullName: "Pat\u0000Claimant" }), { ip: "198.51.100.7" }),
      submitClaim(matter.slug, validClaimInput({ city: "San \ud800Francisco" }), { ip: "198.51.100.7" }),
    ]);
    expect(results.slice(0, 6).every((r) => r.status === "fulfilled")).toBe(true);
    const nul = await refusal(Promise.reject((results[6] as PromiseRejectedResult).reason));
    expect(nul.fieldErrors?.fullName?.[0]).toMatch(/cannot be stored/);
    const surrogate = await refusal(Promise.reject((results[7] as PromiseRejectedResult).reason));
    expect(surrogate.fieldErrors?.city?.[0]).toMatch(/cannot be stored/);
    expect(await db.claim.count({ where: { matterId: matter.id } })).toBe(6);
  });

  it("answers the signal lookups of the valid claims when one claim in the same batch carries a NUL byte", async () => {
    const { matter } = await makeClaimMatter();
    const subject = (fullName: string): SignalSubject => ({
      matterId: matter.id,
      fullName,
      dateOfBirth: "1980-02-03",
      emailNormalized: `${crypto.randomUUID()}@example.org`,
      phoneNormalized: null,
      addressNormalized: "1 market st san francisco ca 94103",
      ip: "198.51.100.8",
      ipPrefix: "198.51.100",
    });
    // Same tick: all seven travel in one statement, which PostgreSQL refuses for the NUL.
    const results = await Promise.allSettled([
      ...Array.from({ length: 3 }, (_, i) => computeSignals(subject(`Valid Person ${i}`))),
      computeSignals(subject("Bad\u0000Person")),
      ...Array.from({ length: 3 }, (_, i) => computeSignals(subject(`Valid Person ${i + 3}`))),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
  });
});
