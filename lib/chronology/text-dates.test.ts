import { describe, expect, it } from "vitest";
import { findTextDates } from "@/lib/chronology/text-dates";

const one = (text: string) => {
  const found = findTextDates(text);
  expect(found, text).toHaveLength(1);
  const f = found[0]!;
  return { start: f.startDate.toISOString().slice(0, 10), end: f.endDate?.toISOString().slice(0, 10) ?? null, precision: f.precision, phrase: f.phrase };
};

describe("dates named in a complaint's text", () => {
  it("reads a day, with or without 'on or about', in the forms complaints use", () => {
    expect(one("On or about June 1, 2019, Plaintiff downloaded the app.")).toEqual({ start: "2019-06-01", end: null, precision: "DAY", phrase: "On or about June 1, 2019" });
    expect(one("The app launched on September 3rd, 2017 in the U.S.")).toMatchObject({ start: "2017-09-03", precision: "DAY" });
    expect(one("Defendant filed on 27 November 2019.")).toMatchObject({ start: "2019-11-27", precision: "DAY" });
    expect(one("The capture was taken 2019-04-03 at noon.")).toMatchObject({ start: "2019-04-03", precision: "DAY" });
    expect(one("On 4/3/2019 the SDK beaconed.")).toMatchObject({ start: "2019-04-03", precision: "DAY", phrase: "4/3/2019" });
    expect(one("In Sept. 12, 2018 the update shipped")).toMatchObject({ start: "2018-09-12", precision: "DAY" });
  });

  it("reads months, years and approximate years", () => {
    expect(one("In or around March 2018, TikTok added the SDK.")).toEqual({ start: "2018-03-01", end: null, precision: "MONTH", phrase: "In or around March 2018" });
    expect(one("as late as April of 2019")).toMatchObject({ start: "2019-04-01", precision: "MONTH" });
    expect(one("Musical.ly was acquired in 2017.")).toEqual({ start: "2017-01-01", end: null, precision: "YEAR", phrase: "in 2017" });
    expect(one("The practice continued since 2016 without notice.")).toMatchObject({ start: "2016-01-01", precision: "YEAR" });
    expect(one("in or around 2016 the code was added")).toMatchObject({ start: "2016-01-01", precision: "APPROXIMATE" });
    expect(one("In early 2018, the servers moved.")).toMatchObject({ start: "2018-01-01", precision: "APPROXIMATE", phrase: "In early 2018" });
    expect(one("by mid-2019 all users were affected")).toMatchObject({ start: "2019-01-01", precision: "APPROXIMATE" });
    expect(one("circa 2015")).toMatchObject({ precision: "APPROXIMATE" });
  });

  it("reads periods as a start and an end at their unit", () => {
    expect(one("between May and July 2019, the app sent IMEIs")).toEqual({ start: "2019-05-01", end: "2019-07-01", precision: "MONTH", phrase: "between May and July 2019" });
    expect(one("from March 2018 through June 2019")).toMatchObject({ start: "2018-03-01", end: "2019-06-01", precision: "MONTH" });
    expect(one("between 2016 and 2018")).toMatchObject({ start: "2016-01-01", end: "2018-01-01", precision: "YEAR" });
  });

  it("finds several in order, each with its sentence", () => {
    const found = findTextDates("Plaintiff Hong created an account in 2017. On or about April 3, 2019, the app sent her IMEI to umeng.com. She never consented.");
    expect(found.map((f) => [f.phrase, f.sentence])).toEqual([
      ["in 2017", "Plaintiff Hong created an account in 2017."],
      ["On or about April 3, 2019", "On or about April 3, 2019, the app sent her IMEI to umeng.com."],
    ]);
  });

  it("is not fooled by numbers that are not dates", () => {
    for (const text of [
      "Section 2019 of the Act applies.",
      "Defendant paid $2,019 in fees.",
      "Defendant paid $2019 in fees.",
      "See ¶ 2019 above.",
      "Cal. Civ. Code § 2019 requires notice.",
      "Case No. 2019 was dismissed.",
      "Case 5:19-cv-07792 Document 1",
      "The app had 2019 users in Illinois.",
      "in 2019 users were counted",
      "in 2,019 cases",
      "Users may 2019 times open the app",
      "on 13/45/2019",
      "February 30, 2019",
      "1897 and 2150",
    ]) {
      expect(findTextDates(text), text).toEqual([]);
    }
  });
});
