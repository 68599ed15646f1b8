import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { importNoticeRecipients } from "@/lib/server/claims/import-notice-recipients";
import { confirmationCodesMatch, prefillFromNotice } from "@/lib/server/claims/prefill-from-notice";
import { makeClaimMatter } from "@/lib/server/testing/claim-fixtures";

const HEADER = "notice_id,confirmation_code,full_name,address1,city,state,zip";
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

describe("notice prefill", () => {
  it("fills in the name and address for the right code, in any letter case", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    await importNoticeRecipients(paralegal, matter.id, Readable.from([`${HEADER}\nN-100,K7QX2M9A,Ada Lovelace,1 Main St,Chicago,IL,60601\n`]));
    const hitResult = await prefillFromNotice(matter.id, "N-100", "k7qx2m9a", { ip: ip() });
    expect(hitResult).toMatchObject({ limited: false, values: { fullName: "Ada Lovelace", addressLine1: "1 Main St", zip: "60601" } });
    expect(await prefillFromNotice(matter.id, "N-100", "K7QX2M9B", { ip: ip() })).toEqual({ values: {}, limited: false });
  });

  it("refuses confirmation codes shorter than 8 characters when notices are imported", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const report = await importNoticeRecipients(paralegal, matter.id, Readable.from([`${HEADER}\nN-1,A,Ada L,1 Main St,Chicago,IL,60601\nN-2,ABCDEFGH,Alan T,2 Main St,Chicago,IL,60601\n`]));
    expect(report.errors).toEqual([{ line: 2, message: "confirmation_code is shorter than 8 characters" }]);
    expect(report.imported).toBe(1);
  });

  it("stops answering a notice ID after 10 tries in an hour, whichever addresses they come from, and says so calmly", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    await importNoticeRecipients(paralegal, matter.id, Readable.from([`${HEADER}\nN-200,RIGHTCODE1,Grace Hopper,3 Main St,Austin,TX,78701\n`]));
    for (let i = 0; i < 10; i++) expect((await prefillFromNotice(matter.id, "N-200", `WRONGCODE${i}`, { ip: ip() })).limited).toBe(false);
    // The right code now fills nothing in: a guesser cannot tell it was right.
    expect(await prefillFromNotice(matter.id, "N-200", "RIGHTCODE1", { ip: ip() })).toEqual({ values: {}, limited: true });
  });

  it("stops answering one address after 30 tries in an hour across notice IDs", async () => {
    const { matter } = await makeClaimMatter();
    const from = { ip: `2001:db8::${crypto.randomUUID().slice(0, 4)}` };
    const results = await Promise.all(Array.from({ length: 31 }, (_, i) => prefillFromNotice(matter.id, `GUESS-${i}`, "ABCDEFGH", from)));
    expect(results.filter((r) => r.limited)).toHaveLength(1);
  });

  it("compares codes case-insensitively, whatever their lengths", () => {
    expect(confirmationCodesMatch("ABCDEFGH", "abcdefgh")).toBe(true);
    expect(confirmationCodesMatch("ABCDEFGH", "ABCDEFG")).toBe(false);
    expect(confirmationCodesMatch("ABCDEFGH", "")).toBe(false);
  });
});
