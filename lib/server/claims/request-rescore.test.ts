import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { getRescoreStatus } from "@/lib/server/claims/get-rescore-status";
import { requestRescore } from "@/lib/server/claims/request-rescore";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { QUEUES } from "@/lib/server/jobs/queues";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";

describe("batch re-scoring as a background job", () => {
  it("is requested once, runs as a job and reports its result from the audit trail", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const email = `same.${Date.now()}@example.org`;
    await submitClaim(matter.slug, validClaimInput({ email }), { ip: null });
    await submitClaim(matter.slug, validClaimInput({ email }), { ip: null });
    expect(await getRescoreStatus(paralegal, matter.id)).toEqual({ state: "never" });

    expect(await requestRescore(paralegal, matter.id)).toEqual({ started: true });
    expect(await getRescoreStatus(paralegal, matter.id)).toMatchObject({ state: "running", by: "Paralegal" });
    // A second click while it runs starts nothing.
    expect(await requestRescore(paralegal, matter.id)).toEqual({ started: false });
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "claim.request-rescore" } })).toBe(1);

    // What the worker does with the job (the queue's own handler, not a copy of it).
    await QUEUES["claims-rescore"].run({ matterId: matter.id, actor: paralegal });
    expect(await getRescoreStatus(paralegal, matter.id)).toMatchObject({ state: "done", claims: 2, signals: 1, changed: 0 });
  });

  it("lets a run that never finished be started again", async () => {
    const { matter, attorney } = await makeClaimMatter();
    // Recorded under the name used before the vocabulary was closed: old rows still count.
    await db.auditEvent.create({
      data: { matterId: matter.id, action: "claim.rescore-requested", entityType: "Matter", entityId: matter.id, details: {}, at: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    expect(await getRescoreStatus(attorney, matter.id)).toMatchObject({ state: "failed", reason: expect.stringContaining("did not finish") });
    expect(await requestRescore(attorney, matter.id)).toEqual({ started: true });
  });

  it("answers 404 to people outside the matter's team", async () => {
    const { matter, outsider, member, admin } = await makeClaimMatter();
    for (const who of [outsider, member, admin]) {
      await expect(requestRescore(who, matter.id)).rejects.toMatchObject({ code: "NOT_FOUND" } satisfies Partial<AppError>);
      await expect(getRescoreStatus(who, matter.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "claim.request-rescore" } })).toBe(0);
  });
});
