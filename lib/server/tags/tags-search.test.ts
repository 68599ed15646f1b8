import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-tags-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { searchExhibits } from "@/lib/server/exhibits/search-exhibits";
import { deleteSavedSearch } from "@/lib/server/searches/delete-saved-search";
import { listSavedSearches } from "@/lib/server/searches/list-saved-searches";
import { saveSearch } from "@/lib/server/searches/save-search";
import { listExhibitTags } from "@/lib/server/tags/list-exhibit-tags";
import { listIssues } from "@/lib/server/tags/list-issues";
import { tagExhibit } from "@/lib/server/tags/tag-exhibit";
import { untagExhibit } from "@/lib/server/tags/untag-exhibit";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
};

async function makeCount(matterId: string) {
  const count = await db.count.create({ data: { matterId, number: 1, title: "Intrusion upon seclusion", elements: { create: [{ position: 1, text: "Intentional intrusion" }, { position: 2, text: "Highly offensive" }] } }, include: { elements: { orderBy: { position: "asc" } } } });
  return count;
}

describe("issue tags", () => {
  it("tags an exhibit and a page with counts, elements and free tags, once, audited, and removes them", async () => {
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const count = await makeCount(matter.id);
    const pdf = await makePdf(["Cover", "Umeng traffic", "Appendix"]);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: pdf, fileName: "capture.pdf", extract: true });

    const byCount = await tagExhibit(paralegal, matter.id, exhibit.id, { issue: `count:${count.id}` });
    const onPage = await tagExhibit(paralegal, matter.id, exhibit.id, { issue: `element:${count.elements[1]!.id}`, page: "3" });
    const free = await tagExhibit(paralegal, matter.id, exhibit.id, { name: "Hot doc" });
    // The same name in another case is the same tag; the same tag twice is one.
    const again = await tagExhibit(paralegal, matter.id, exhibit.id, { name: "HOT DOC" });
    expect(again).toMatchObject({ id: free.id, created: false });
    expect(free.issue.label).toBe("Hot doc");

    const chips = await listExhibitTags(paralegal, matter.id, exhibit.id);
    expect(chips.map((c) => [c.label, c.page])).toEqual([
      ["Count 1: Intrusion upon seclusion", null],
      ["Hot doc", null],
      ["Count 1, element 2: Highly offensive", 3],
    ]);
    expect((await listIssues(paralegal, matter.id)).map((i) => i.label)).toEqual([
      "Count 1: Intrusion upon seclusion",
      "Count 1, element 1: Intentional intrusion",
      "Count 1, element 2: Highly offensive",
      "Hot doc",
    ]);
    const audits = await db.auditEvent.findMany({ where: { matterId: matter.id, action: "exhibit.tag" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(3);
    expect(audits[1]!.details).toMatchObject({ page: 3, kind: "element", issue: "Count 1, element 2: Highly offensive" });
    expect(audits[2]!.details).toMatchObject({ kind: "tag", createdTag: true });

    expect((await refusal(tagExhibit(paralegal, matter.id, exhibit.id, { name: "x", page: "4" }))).fieldErrors.page).toEqual(["This exhibit has 3 pages"]);
    expect((await refusal(tagExhibit(paralegal, matter.id, exhibit.id, {}))).fieldErrors.name).toBeDefined();
    expect((await refusal(tagExhibit(outsider, matter.id, exhibit.id, { name: "x" }))).code).toBe("NOT_FOUND");

    await untagExhibit(paralegal, matter.id, exhibit.id, { exhibitTagId: onPage.id });
    expect((await refusal(untagExhibit(paralegal, matter.id, exhibit.id, { exhibitTagId: onPage.id }))).code).toBe("NOT_FOUND");
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "exhibit.untag" } })).toBe(1);
    expect((await listExhibitTags(paralegal, matter.id, exhibit.id)).map((c) => c.id)).toEqual([byCount.id, free.id]);
  });

  it("refuses another matter's issues and exhibits: tagging across matters finds nothing", async () => {
    const a = await makeMatterWithTeam();
    const b = await makeMatterWithTeam();
    const countB = await makeCount(b.matter.id);
    const { exhibit } = await makeExhibit(a.paralegal, a.matter.id, { extract: true });
    const { exhibit: exhibitB } = await makeExhibit(b.paralegal, b.matter.id, { extract: true });
    expect((await refusal(tagExhibit(a.paralegal, a.matter.id, exhibit.id, { issue: `count:${countB.id}` }))).fieldErrors.issue).toEqual(["Unknown issue"]);
    expect((await refusal(tagExhibit(a.paralegal, a.matter.id, exhibitB.id, { name: "x" }))).code).toBe("NOT_FOUND");
    // b's member, in a's matter.
    expect((await refusal(tagExhibit(b.paralegal, a.matter.id, exhibit.id, { name: "x" }))).code).toBe("NOT_FOUND");
    expect((await refusal(listExhibitTags(b.paralegal, a.matter.id, exhibit.id))).code).toBe("NOT_FOUND");
    expect(await db.exhibitTag.count({ where: { matterId: a.matter.id } })).toBe(0);
  });
});

describe("boolean search and the tag filter", () => {
  it("answers AND, OR, NOT, -, phrases, prefixes and parentheses with the right exhibits, and names a malformed query's fault", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const make = async (text: string) => (await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(text), fileName: "e.txt", extract: true })).exhibit.id;
    const umengImei = await make("The app sent the device identifier to alog.umeng.com every hour.");
    const buglyImei = await make("Crash reports with the identifier of the device went to bugly.qq.com.");
    const igexin = await make("The Igexin push SDK transferred contacts.");
    const ids = async (q: string) => (await searchExhibits(paralegal, matter.id, { q })).map((h) => h.exhibitId).sort();
    const sorted = (...xs: string[]) => [...xs].sort();

    expect(await ids("umeng AND identifier")).toEqual([umengImei]);
    expect(await ids("umeng identifier")).toEqual([umengImei]);
    expect(await ids("umeng OR bugly")).toEqual(sorted(umengImei, buglyImei));
    expect(await ids("identifier NOT umeng")).toEqual([buglyImei]);
    expect(await ids("identifier -bugly")).toEqual([umengImei]);
    expect(await ids('"device identifier"')).toEqual([umengImei]);
    expect(await ids('"identifier device"')).toEqual([]);
    expect(await ids("transf*")).toEqual([igexin]);
    expect(await ids("(umeng OR igexin) -contacts")).toEqual([umengImei]);
    expect(await ids("umeng.com")).toEqual([umengImei]);
    // Near misses: a prefix is not a word, and a stem still matches.
    expect(await ids("transf")).toEqual([]);
    expect(await ids("transfers")).toEqual([igexin]);

    const hits = await searchExhibits(paralegal, matter.id, { q: "transf* -umeng" });
    expect(hits[0]!.snippet).toContain("\u0001transferred\u0002");
    const phrase = await searchExhibits(paralegal, matter.id, { q: '"device identifier" umeng.com' });
    expect(phrase[0]!.snippet).toContain("\u0001device\u0002 \u0001identifier\u0002");

    const bad = await refusal(searchExhibits(paralegal, matter.id, { q: '"device identifier' }));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fieldErrors.q![0]).toMatch(/^Unbalanced quote in search/);
    expect((await refusal(searchExhibits(paralegal, matter.id, { q: "(umeng" }))).fieldErrors.q![0]).toMatch(/Unbalanced parenthesis/);
    expect((await refusal(searchExhibits(paralegal, matter.id, { q: "-umeng" }))).fieldErrors.q![0]).toMatch(/at least one word/);
    expect((await refusal(listExhibits(paralegal, matter.id, { q: "umeng OR" }))).code).toBe("VALIDATION");
    // tsquery's own symbols are read as the operators they name; colons and quotes are punctuation.
    expect(await ids("umeng:* | (!x & 'y')")).toEqual([umengImei]);
    expect(await ids("'alog.umeng.com':* & x")).toEqual([]);
  });

  it("filters the list and the search by free tag, element and count (a count also finds its elements' tags)", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const count = await makeCount(matter.id);
    const a = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("umeng one"), fileName: "a.txt", extract: true });
    const b = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("umeng two"), fileName: "b.txt", extract: true });
    const c = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("umeng three"), fileName: "c.txt", extract: true });
    const hot = await tagExhibit(paralegal, matter.id, a.exhibit.id, { name: "Hot" });
    await tagExhibit(paralegal, matter.id, b.exhibit.id, { issue: `element:${count.elements[0]!.id}` });
    await tagExhibit(paralegal, matter.id, c.exhibit.id, { issue: `count:${count.id}` });
    const listed = async (tag: string) => (await listExhibits(paralegal, matter.id, { tag })).rows.map((r) => r.id).sort();
    const searched = async (tag: string) => (await searchExhibits(paralegal, matter.id, { q: "umeng", tag })).map((h) => h.exhibitId).sort();
    expect(await listed(`tag:${hot.issue.id}`)).toEqual([a.exhibit.id]);
    expect(await searched(`tag:${hot.issue.id}`)).toEqual([a.exhibit.id]);
    expect(await listed(`element:${count.elements[0]!.id}`)).toEqual([b.exhibit.id]);
    expect(await listed(`count:${count.id}`)).toEqual([b.exhibit.id, c.exhibit.id].sort());
    expect(await searched(`element:${count.elements[1]!.id}`)).toEqual([]);
    expect((await refusal(listExhibits(paralegal, matter.id, { tag: "nonsense" }))).fieldErrors.tag).toEqual(["Unknown issue"]);
  });
});

describe("saved searches", () => {
  it("keeps a private search to its owner, shows a shared one to the team, lets only the owner delete, and hides both from other matters", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    const mine = await saveSearch(paralegal, matter.id, { name: "Umeng hits", q: "umeng OR bugly", kind: "TEXT" });
    const again = await saveSearch(paralegal, matter.id, { name: "umeng HITS", q: "umeng OR bugly", kind: "TEXT" });
    expect(again.id).toBe(mine.id);
    expect((await refusal(saveSearch(paralegal, matter.id, { name: "Umeng hits", q: "igexin" }))).fieldErrors.name![0]).toMatch(/already have a saved search/);
    const shared = await saveSearch(paralegal, matter.id, { name: "Team: SDKs", q: '"push SDK" OR igexin', shared: "on" });
    expect((await refusal(saveSearch(paralegal, matter.id, { name: "Bad", q: '"open' }))).fieldErrors.q![0]).toMatch(/Unbalanced quote/);
    expect((await refusal(saveSearch(paralegal, matter.id, { name: "Nothing" }))).fieldErrors.q).toBeDefined();

    expect((await listSavedSearches(paralegal, matter.id)).map((s) => [s.name, s.mine, s.filters])).toEqual([
      ["Team: SDKs", true, { q: '"push SDK" OR igexin' }],
      ["Umeng hits", true, { q: "umeng OR bugly", kind: "TEXT" }],
    ]);
    expect((await listSavedSearches(attorney, matter.id)).map((s) => [s.name, s.mine, s.ownerName])).toEqual([["Team: SDKs", false, expect.any(String)]]);
    expect((await refusal(listSavedSearches(other.paralegal, matter.id))).code).toBe("NOT_FOUND");
    expect(await listSavedSearches(other.paralegal, other.matter.id)).toEqual([]);

    expect((await refusal(deleteSavedSearch(attorney, matter.id, { savedSearchId: mine.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteSavedSearch(attorney, matter.id, { savedSearchId: shared.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(deleteSavedSearch(other.paralegal, matter.id, { savedSearchId: shared.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteSavedSearch(other.paralegal, other.matter.id, { savedSearchId: shared.id }))).code).toBe("NOT_FOUND");
    await deleteSavedSearch(paralegal, matter.id, { savedSearchId: shared.id });
    expect((await listSavedSearches(attorney, matter.id))).toEqual([]);
    const audits = await db.auditEvent.findMany({ where: { matterId: matter.id, action: { startsWith: "saved-search." } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["saved-search.create", "saved-search.create", "saved-search.delete"]);
  });
});
