import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { parseExhibitNumber, searchExhibits } from "@/lib/server/exhibits/search-exhibits";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

describe("exhibits: text extraction and search", () => {
  it("extracts a PDF page by page and finds a phrase with its page number and a highlighted snippet", async () => {
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const pdf = await makePdf(["Cover page of the capture report", "The app contacted bugly.qq.com with the device identifier", "Appendix"]);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: pdf, fileName: "report.pdf", extract: true });
    expect(exhibit.extractionStatus).toBe("DONE");
    expect(exhibit.pageCount).toBe(3);
    const hits = await searchExhibits(paralegal, matter.id, { q: '"device identifier"' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ exhibitId: exhibit.id, page: 2, unit: "page" });
    expect(hits[0]!.snippet).toContain("\u0001device\u0002 \u0001identifier\u0002");
    await expect(searchExhibits(outsider, matter.id, { q: "device" })).rejects.toBeInstanceOf(AppError);
  });

  it("a repeated search shows the same snippets, and a page whose text changed shows its new text, not a remembered snippet", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("The SDK sent the IMEI to alog.umeng.com every hour."), fileName: "first.txt", extract: true });
    const first = await searchExhibits(paralegal, matter.id, { q: "umeng" });
    expect(first).toHaveLength(1);
    expect(first[0]!.snippet).toContain("sent the IMEI to alog.\u0001umeng\u0002.com");
    expect(await searchExhibits(paralegal, matter.id, { q: "umeng" })).toEqual(first);
    // Re-extraction writes new text for the same exhibit and page.
    await db.$executeRaw`UPDATE "ExhibitPage" SET text = 'Corrected: the SDK sent the Android ID to alog.umeng.com once a day.' WHERE "exhibitId" = ${exhibit.id}::uuid`;
    const again = await searchExhibits(paralegal, matter.id, { q: "umeng" });
    expect(again).toHaveLength(1);
    expect(again[0]!.snippet).toContain("the Android ID to alog.\u0001umeng\u0002.com");
    expect(again[0]!.snippet).not.toContain("IMEI");
  });

  it("shows the matched term in the snippet of a hit deep inside a long page, also when it matched part of a host", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const filler = "Routine traffic to the content delivery network was recorded and nothing else happened.\n".repeat(150);
    const text = `${filler}At 10:02 the app posted imei=867530900000000 to https://alog.umeng.com/app_logs and mailed lab@example.org.\n${filler}`;
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(text), fileName: "long-capture.txt", extract: true });
    expect(exhibit.extractionStatus).toBe("DONE");
    const snippet = async (q: string) => {
      const hits = await searchExhibits(paralegal, matter.id, { q });
      expect(hits.map((h) => h.exhibitId), q).toEqual([exhibit.id]);
      return hits[0]!.snippet;
    };
    expect(await snippet("umeng")).toContain("https://alog.\u0001umeng\u0002.com/app_logs");
    expect(await snippet("umeng.com")).toContain("alog.\u0001umeng.com\u0002/app_logs");
    expect(await snippet('"alog.umeng.com"')).toContain("https://\u0001alog.umeng.com\u0002/");
    expect(await snippet("imei")).toContain("\u0001imei\u0002=867530900000000");
    expect(await snippet("lab@example.org")).toContain("\u0001lab@example.org\u0002");
  });

  it("reads HAR, e-mail, HTML, CSV and JSON, and lists what it cannot read with the reason", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const har = { log: { version: "1.2", entries: [{ startedDateTime: "2019-04-02T10:00:00Z", request: { method: "POST", url: "https://alog.umeng.com/app_logs", postData: { text: "imei=867530900000000" } }, response: { status: 200 } }] } };
    const files: [string, string, string][] = [
      ["capture.har", JSON.stringify(har), "umeng"],
      ["mail.eml", "From: Lab <lab@example.com>\r\nTo: Counsel <c@example.com>\r\nDate: Tue, 02 Apr 2019 10:00:00 +0000\r\nSubject: Findings\r\n\r\nThe SDK is Igexin.\r\n", "Igexin"],
      ["page.html", "<!doctype html><html><body><script>var tracker=1</script><p>Baidu push SDK present</p></body></html>", "Baidu"],
      ["hosts.csv", "host,org\nbugly.qq.com,Tencent\n", "Tencent"],
      ["data.json", JSON.stringify({ recipient: { organisation: "Alibaba" } }), "Alibaba"],
    ];
    for (const [name, text, word] of files) {
      const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(text), fileName: name, extract: true });
      expect(exhibit.extractionStatus, name).toBe("DONE");
      const hits = await searchExhibits(paralegal, matter.id, { q: word });
      expect(hits.map((h) => h.exhibitId), `${name} found by ${word}`).toContain(exhibit.id);
    }
    const mail = await db.exhibit.findFirstOrThrow({ where: { matterId: matter.id, originalFilename: "mail.eml" } });
    expect(mail.author).toContain("lab@example.com");
    expect(mail.recipients).toContain("c@example.com");
    expect(await searchExhibits(paralegal, matter.id, { q: "tracker" })).toHaveLength(0);

    const broken = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from('{"log": {"entries": ['), fileName: "broken.har", extract: true });
    expect(broken.exhibit.extractionStatus).toBe("FAILED");
    expect(broken.exhibit.extractionError).toMatch(/not valid JSON/);
    const { rows } = await listExhibits(paralegal, matter.id, {});
    expect(rows.find((r) => r.id === broken.exhibit.id)?.extractionError).toMatch(/JSON/);
  });

  it("filters by kind, designation and links, and refuses unknown filter values", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const text = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("umeng text"), fileName: "a.txt", extract: true });
    const har = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(JSON.stringify({ log: { entries: [{ request: { method: "GET", url: "https://umeng.com/" } }] } })), fileName: "b.har", extract: true });
    await db.exhibit.update({ where: { id: har.exhibit.id }, data: { privilege: "WORK_PRODUCT", privilegeBasis: "expert" } });
    const ids = async (f: Record<string, string>) => (await searchExhibits(paralegal, matter.id, { q: "umeng", ...f })).map((h) => h.exhibitId);
    expect(await ids({})).toHaveLength(2);
    expect(await ids({ kind: "NETWORK_CAPTURE" })).toEqual([har.exhibit.id]);
    expect(await ids({ designation: "PRIVILEGED" })).toEqual([har.exhibit.id]);
    expect(await ids({ designation: "NOT_PRIVILEGED" })).toEqual([text.exhibit.id]);
    expect((await listExhibits(paralegal, matter.id, { designation: "PRIVILEGED" })).rows.map((r) => r.id)).toEqual([har.exhibit.id]);
    expect(await ids({ link: "linked" })).toEqual([]);
    expect(await ids({ link: "unlinked" })).toHaveLength(2);
    await expect(searchExhibits(paralegal, matter.id, { q: "umeng", kind: "VIDEO" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("filters on an exhibit's current kind and designation after they change, and on its dates", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const pdf = await makePdf(["Igexin push SDK on page one", "Igexin again on page two"]);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: pdf, fileName: "sdk.pdf", extract: true });
    const other = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("Igexin in a text file"), fileName: "c.txt", extract: true });
    const pages = async (f: Record<string, string>) => (await searchExhibits(paralegal, matter.id, { q: "igexin", ...f })).map((h) => `${h.exhibitId === exhibit.id ? "pdf" : "txt"}:${h.page}`).sort();
    expect(await pages({ kind: "EMAIL" })).toEqual([]);

    const edited = await updateExhibitMetadata(paralegal, matter.id, exhibit.id, {
      title: exhibit.title, kind: "EMAIL", documentDate: "2019-04-02", expectedUpdatedAt: exhibit.updatedAt.toISOString(),
    });
    expect(await pages({ kind: "EMAIL" })).toEqual(["pdf:1", "pdf:2"]);
    expect(await pages({ kind: "DOCUMENT" })).toEqual([]);
    expect(await pages({ from: "2019-04-01", to: "2019-04-02" })).toEqual(["pdf:1", "pdf:2"]);
    expect(await pages({ to: "2019-04-01" })).toEqual([]);

    expect(await pages({ designation: "AEO" })).toEqual([]);
    await designateExhibit(attorney, matter.id, exhibit.id, {
      confidentiality: "AEO", privilege: "ATTORNEY_CLIENT", privilegeBasis: "advice of counsel", reason: "contains advice", expectedUpdatedAt: edited.updatedAt.toISOString(),
    });
    expect(await pages({ designation: "AEO" })).toEqual(["pdf:1", "pdf:2"]);
    expect(await pages({ designation: "PRIVILEGED", kind: "EMAIL" })).toEqual(["pdf:1", "pdf:2"]);
    expect(await pages({ designation: "NOT_PRIVILEGED" })).toEqual(["txt:1"]);

    // A page whose copies disagree with its exhibit is refused by the foreign key.
    await expect(
      db.exhibitPage.create({ data: { exhibitId: other.exhibit.id, matterId: matter.id, kind: "IMAGE", confidentiality: "PUBLIC", privilege: "NONE", page: 2, text: "x" } }),
    ).rejects.toThrow();
  });

  it("finds exhibits by number and by title or description words, ranked above text hits, never another matter's", async () => {
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    // PX-0001 mentions the words only in its text; PX-0002's title has them; PX-0003's description.
    const body = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("The Umeng capture from April shows the device identifier sent in clear."), fileName: "notes.txt", extract: true });
    const titled = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("nothing relevant here"), fileName: "t.txt", extract: true });
    await db.exhibit.update({ where: { id: titled.exhibit.id }, data: { title: "Umeng capture (April 2019)" } });
    const described = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("still nothing"), fileName: "d.txt", extract: true });
    await db.exhibit.update({ where: { id: described.exhibit.id }, data: { title: "Lab report", description: "Umeng SDK capture, second run" } });
    for (let i = 0; i < 3; i++) await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(`filler ${i}`), fileName: `f${i}.txt` });
    // PX-0007 is the same-numbered exhibit's twin in another matter, with the same title and text.
    const theirs = [];
    for (let i = 0; i < 7; i++) theirs.push(await makeExhibit(other.paralegal, other.matter.id, { bytes: Buffer.from(`Umeng capture April ${i}`), fileName: `o${i}.txt`, extract: true }));
    await db.exhibit.update({ where: { id: theirs[1]!.exhibit.id }, data: { title: "Umeng capture (April 2019)" } });
    const mine = new Set([body.exhibit.id, titled.exhibit.id, described.exhibit.id]);

    const search = (q: string) => searchExhibits(paralegal, matter.id, { q });
    // By number, with or without prefix and zero padding; the number hit comes first.
    for (const q of ["PX-0002", "px2", "PX 2", "#2", "2", "0002"]) {
      const hits = await search(q);
      expect(hits[0], q).toMatchObject({ exhibitId: titled.exhibit.id, matchedOn: "number", page: 1 });
      expect(hits.filter((h) => h.matchedOn === "number"), q).toHaveLength(1);
    }
    expect((await search("DX-0002")).filter((h) => h.matchedOn === "number")).toEqual([]);
    expect(parseExhibitNumber("PX-0006")).toEqual({ prefix: "PX", number: 6 });
    expect(parseExhibitNumber("umeng")).toBeNull();

    // By title and description words (any order, stemmed), above the exhibit found in its text.
    const hits = await search("capture umeng");
    expect(hits.map((h) => [h.exhibitId, h.matchedOn])).toEqual([
      [titled.exhibit.id, "title"],
      [described.exhibit.id, "title"],
      [body.exhibit.id, "text"],
    ]);
    expect(hits[0]!.snippet).toBe("\u0001Umeng\u0002 \u0001capture\u0002 (April 2019)");
    expect(hits[1]!.snippet).toContain("Lab report — \u0001Umeng\u0002 SDK \u0001capture\u0002");
    expect((await search('"second run"')).map((h) => [h.exhibitId, h.matchedOn])).toEqual([[described.exhibit.id, "title"]]);
    expect((await search("umeng -april")).map((h) => h.exhibitId)).toEqual([described.exhibit.id]);
    // Filters apply to title hits too.
    expect((await searchExhibits(paralegal, matter.id, { q: "umeng", kind: "EMAIL" })).length).toBe(0);

    // Another matter's exhibits never appear, whatever matches them.
    for (const q of ["umeng", "capture april", "PX-0007", "7", "2"]) {
      for (const h of await search(q)) expect(mine.has(h.exhibitId) || (await db.exhibit.findUniqueOrThrow({ where: { id: h.exhibitId } })).matterId === matter.id, q).toBe(true);
    }
    expect(await search("PX-0007")).toEqual([]);
    await expect(searchExhibits(outsider, matter.id, { q: "umeng" })).rejects.toBeInstanceOf(AppError);

    // The link dialog finds the same way: title words in any order, no page shown for them.
    const linkable = await findLinkableExhibits(paralegal, matter.id, { q: "capture umeng" });
    expect(linkable.map((m) => [m.label, m.matchedOn])).toEqual([
      ["PX-0002", "title"],
      ["PX-0003", "title"],
      ["PX-0001", "text"],
    ]);
    expect(linkable[0]!.page).toBeUndefined();
    expect((await findLinkableExhibits(paralegal, matter.id, { q: "PX-0006" })).map((m) => [m.label, m.matchedOn])).toEqual([["PX-0006", "number"]]);
    expect(await findLinkableExhibits(paralegal, matter.id, { q: "PX-0007" })).toEqual([]);
  });
});
