import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { importNoticeRecipients } from "@/lib/server/claims/import-notice-recipients";
import { makeClaimMatter } from "@/lib/server/testing/claim-fixtures";

describe("notice recipient import", () => {
  it("imports good rows, reports each bad row by line, and upserts by notice ID", async () => {
    const { matter, paralegal, member } = await makeClaimMatter();
    const csv = [
      "Notice_ID,confirmation_code,full_name,address1,address2,city,state,zip",
      "N-1,ABC12345,Ada Lovelace,1 Main St,,Chicago,IL,60601",
      "N-2,DEF45678,Alan Turing,2 Main St,Apt 3,Springfield,ZZ,62701",
      "N-3,GHI78901,Grace Hopper,3 Main St,,Austin,TX,7870",
      "N-1,XYZ00000,Ada Lovelace,1 Main St,,Chicago,IL,60601",
    ].join("\n");
    const report = await importNoticeRecipients(paralegal, matter.id, Readable.from([csv]));
    expect(report.rows).toBe(4);
    expect(report.errors).toEqual([
      { line: 3, message: "state is not a US state code" },
      { line: 4, message: "zip is not a 5-digit ZIP code" },
    ]);
    const rows = await db.noticeRecipient.findMany({ where: { matterId: matter.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ noticeId: "N-1", confirmationCode: "XYZ00000" });
    await expect(importNoticeRecipients(member, matter.id, Readable.from([csv]))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("notice IDs on claims", () => {
  it("accepts a matching notice ID and code, refuses a wrong code naming the field", async () => {
    const { submitClaim } = await import("@/lib/server/claims/submit-claim");
    const { validClaimInput } = await import("@/lib/server/testing/claim-fixtures");
    const { matter, paralegal } = await makeClaimMatter();
    await importNoticeRecipients(paralegal, matter.id, Readable.from(["notice_id,confirmation_code,full_name,address1,city,state,zip\nN-9,CODE9999,Ada L,1 Main St,Chicago,IL,60601\n"]));
    const ok = await submitClaim(matter.slug, validClaimInput({ noticeId: "N-9", confirmationCode: "code9999" }), { ip: null });
    expect(ok.created).toBe(true);
    await expect(submitClaim(matter.slug, validClaimInput({ noticeId: "N-9", confirmationCode: "WRONG" }), { ip: null })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { confirmationCode: [expect.stringContaining("do not match")] },
    });
  });
});
