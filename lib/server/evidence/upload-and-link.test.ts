import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { randomUUID } from "node:crypto";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { db } from "@/lib/server/db";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { previewExhibit } from "@/lib/server/evidence/preview-exhibit";
import { receiveExhibitUpload } from "@/lib/server/exhibits/receive-exhibit-upload";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import type { Actor } from "@/lib/server/auth/actor";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validAllegationInput } from "@/lib/server/testing/ledger-fixtures";

const upload = (actor: Actor, matterId: string, bytes: Buffer, headers: Record<string, string>) =>
  receiveExhibitUpload(async () => actor, matterId, (async function* () {
    yield bytes;
  })(), new Headers({ "content-type": "application/octet-stream", "x-file-name": "IMG_2041.txt", ...headers }));

const metadataHeader = (m: Record<string, unknown>) => ({ "x-exhibit-metadata": encodeURIComponent(JSON.stringify(m)) });

describe("upload and link from an allegation", () => {
  it("numbers the upload with the title, source, custodian, date and collector the person gave, audits them, and links it", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const allegation = await createAllegation(paralegal, matter.id, validAllegationInput());
    const answer = await upload(
      paralegal,
      matter.id,
      Buffer.from(`capture ${randomUUID()} umeng.com`),
      metadataHeader({ title: "Umeng traffic capture, Pixel 3", source: "Expert capture", custodian: "Dr. Lee", obtainedAt: "2019-04-12", collectedBy: "", extra: undefined }),
    );
    expect(answer.status).toBe(201);
    const exhibitId = (answer.body as { exhibit: { id: string } }).exhibit.id;
    const exhibit = await db.exhibit.findUniqueOrThrow({ where: { id: exhibitId } });
    expect(exhibit).toMatchObject({ title: "Umeng traffic capture, Pixel 3", source: "Expert capture", custodian: "Dr. Lee", originalFilename: "IMG_2041.txt" });
    expect(exhibit.obtainedAt?.toISOString().slice(0, 10)).toBe("2019-04-12");
    // Left blank in the prompt: stays blank, not the uploader's name.
    expect(exhibit.collectedBy).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibitId, action: "exhibit.upload" } });
    expect(audit.details).toMatchObject({ metadata: { title: "Umeng traffic capture, Pixel 3", custodian: "Dr. Lee", obtainedAt: "2019-04-12" } });

    const link = await linkEvidence(paralegal, matter.id, allegation.id, { exhibitId, relation: "CONTRADICTS", pinCite: "p. 1", submissionKey: randomUUID() });
    expect(link).toMatchObject({ relation: "CONTRADICTS", pinCite: "p. 1" });
  });

  it("refuses a prompt without a title, or a bad date, before reading the file, naming the field", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const noTitle = await upload(paralegal, matter.id, Buffer.from("x"), metadataHeader({ source: "Subpoena" }));
    expect(noTitle.status).toBe(422);
    expect(noTitle.bodyRead).toBe(false);
    expect(JSON.stringify(noTitle.body)).toContain("title");
    const badDate = await upload(paralegal, matter.id, Buffer.from("x"), metadataHeader({ title: "A", obtainedAt: "2019-02-30" }));
    expect(badDate.status).toBe(422);
    expect(JSON.stringify(badDate.body)).toContain("obtainedAt");
    const garbled = await upload(paralegal, matter.id, Buffer.from("x"), { "x-exhibit-metadata": "%E0%A4%A" });
    expect(garbled.status).toBe(422);
    const nul = await upload(paralegal, matter.id, Buffer.from("x"), metadataHeader({ title: "A\u0000B" }));
    expect(nul.status).toBe(422);
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("without a prompt an upload keeps today's behaviour (file-name title)", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const answer = await upload(paralegal, matter.id, Buffer.from(`plain ${randomUUID()}`), {});
    expect(answer.status).toBe(201);
    expect((answer.body as { exhibit: { title: string } }).exhibit.title).toBe("IMG 2041");
  });
});

describe("the link dialog's finder and preview", () => {
  it("finds exhibits by number, title and extracted text, one row each, only in this matter", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    const memo = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(`Memo ${randomUUID()}`), fileName: "Igexin memo.txt" });
    const pdf = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(await makePdf(["Cover page", "bugly.qq.com received the IMEI"])), fileName: "report.pdf", extract: true });
    await makeExhibit(other.paralegal, other.matter.id, { bytes: Buffer.from(`Igexin elsewhere ${randomUUID()}`), fileName: "Igexin other.txt" });

    const byNumber = await findLinkableExhibits(paralegal, matter.id, { q: memo.label });
    expect(byNumber[0]).toMatchObject({ id: memo.exhibit.id, matchedOn: "number" });
    expect((await findLinkableExhibits(paralegal, matter.id, { q: String(memo.exhibit.number) }))[0]?.id).toBe(memo.exhibit.id);

    const byTitle = await findLinkableExhibits(paralegal, matter.id, { q: "igexin" });
    expect(byTitle.map((x) => x.id)).toEqual([memo.exhibit.id]);
    expect(byTitle[0]!.matchedOn).toBe("title");

    const byText = await findLinkableExhibits(paralegal, matter.id, { q: "bugly IMEI" });
    expect(byText).toHaveLength(1);
    expect(byText[0]).toMatchObject({ id: pdf.exhibit.id, matchedOn: "text", page: 2 });
    expect(byText[0]!.snippet).toContain("\u0001");

    const newest = await findLinkableExhibits(paralegal, matter.id, {});
    expect(newest.map((x) => x.id)).toEqual([pdf.exhibit.id, memo.exhibit.id]);
  });

  it("previews metadata and the first page's text; another matter's exhibit is not found", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    const pdf = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(await makePdf(["First page names umeng.com", "Second"])), fileName: "report.pdf", extract: true });
    const preview = await previewExhibit(paralegal, matter.id, pdf.exhibit.id);
    expect(preview).toMatchObject({ label: pdf.label, title: "report", custodian: null, snippet: { page: 1 } });
    expect(preview.snippet!.text).toContain("umeng.com");
    await expect(previewExhibit(other.paralegal, other.matter.id, pdf.exhibit.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
