import { createHash, randomBytes, randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZClaimAttachmentPath, ZMyClaimAttachmentPath } from "@/lib/schemas/claim";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { answerDeficiency } from "@/lib/server/claims/answer-deficiency";
import { claimAttachmentResponse } from "@/lib/server/claims/claim-attachment-response";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { openClaimAttachment, openMyClaimAttachment, type ClaimAttachmentFile } from "@/lib/server/claims/open-claim-attachment";
import { redeemSignInToken } from "@/lib/server/auth/redeem-sign-in-token";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { env } from "@/lib/server/env";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { refusal } from "@/lib/server/testing/refusal";
import { putBuffer } from "@/lib/server/storage/active-blob-store";
import { blobRoot } from "@/lib/server/storage/blob-store";
import { latestMail } from "@/scripts/lib/mailbox";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Unique bytes per call: blobs are content-addressed and shared, so a test that corrupts one
// must not touch another test's file.
const uniquePdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(16).toString("hex")}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

async function read(file: ClaimAttachmentFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of file.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// Files a claim, signs its claimant in through the mailed link, and answers a deficiency
// notice with a document, as a member does on the portal.
async function claimWithDocument(slug: string, matterId: string, paralegal: Actor, name = "bill.pdf") {
  const input = validClaimInput();
  const { claimId, number } = await submitClaim(slug, input, { ip: null });
  const mail = await latestMail(env.MAIL_SINK_DIR, input.email as string);
  const user = await redeemSignInToken(/token=([\w-]+)/.exec(mail.text)![1]!, null);
  const u = await db.user.findUniqueOrThrow({ where: { id: user!.id } });
  const member: Actor = { userId: u.id, email: u.email, name: u.name, role: u.role, ip: "198.51.100.7" };
  await markDeficient(paralegal, matterId, claimId, { fields: ["document"], notice: "Send a utility bill.", dueOn: inFuture(30) });
  const bytes = uniquePdf();
  await answerDeficiency(member, number, {}, { name, bytes });
  const attachment = await db.claimAttachment.findFirstOrThrow({ where: { claimId } });
  return { claimId, number, member, bytes, attachment };
}

const downloads = (attachmentId: string) =>
  db.auditEvent.findMany({ where: { entityType: "ClaimAttachment", entityId: attachmentId }, orderBy: { id: "asc" } });

describe("claim attachments: who may download", () => {
  it("gives the owner, a paralegal and an attorney of the matter the exact bytes, auditing each download", async () => {
    const { matter, paralegal, attorney } = await makeClaimMatter();
    const { claimId, number, member, bytes, attachment } = await claimWithDocument(matter.slug, matter.id, paralegal);
    expect(attachment.blobSha256).toBe(sha256(bytes));

    const own = await openMyClaimAttachment(member, number, attachment.id);
    expect(sha256(await read(own))).toBe(sha256(bytes));
    expect(own).toMatchObject({ size: bytes.byteLength, mediaType: "application/pdf", fileName: "bill.pdf", sha256: sha256(bytes) });
    // Members type claim numbers loosely; the portal link carries the canonical form.
    const loose = await openMyClaimAttachment(member, number.toLowerCase().replaceAll("-", ""), attachment.id);
    expect(sha256(await read(loose))).toBe(sha256(bytes));
    for (const staff of [paralegal, attorney]) {
      const file = await openClaimAttachment(staff, matter.id, claimId, attachment.id);
      expect(sha256(await read(file))).toBe(sha256(bytes));
    }

    const audit = await downloads(attachment.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["claim-attachment.download", member.userId],
      ["claim-attachment.download", member.userId],
      ["claim-attachment.download", paralegal.userId],
      ["claim-attachment.download", attorney.userId],
    ]);
    expect(audit[0]).toMatchObject({ matterId: matter.id, ip: "198.51.100.7", details: { sha256: sha256(bytes), verified: true } });
  });

  it("answers 404 to another member, an outsider, a non-member admin, a member at the staff door, and mismatched ids", async () => {
    const { matter, paralegal, outsider, admin } = await makeClaimMatter();
    const a = await claimWithDocument(matter.slug, matter.id, paralegal);
    const b = await claimWithDocument(matter.slug, matter.id, paralegal);
    const other = await makeClaimMatter();
    const foreign = await claimWithDocument(other.matter.slug, other.matter.id, other.paralegal);
    const notFound = async (p: Promise<unknown>) => expect((await refusal(p)).code).toBe("NOT_FOUND");

    // Another class member: by the owner's number, and by their own number with the owner's document.
    await notFound(openMyClaimAttachment(b.member, a.number, a.attachment.id));
    await notFound(openMyClaimAttachment(b.member, b.number, a.attachment.id));
    // Staff never use the member door, even for a claim in their matter.
    await notFound(openMyClaimAttachment(paralegal, a.number, a.attachment.id));
    // Staff who are not on the matter, and members at the staff door.
    await notFound(openClaimAttachment(outsider, matter.id, a.claimId, a.attachment.id));
    await notFound(openClaimAttachment(admin, matter.id, a.claimId, a.attachment.id));
    await notFound(openClaimAttachment(a.member, matter.id, a.claimId, a.attachment.id));
    // A document of a different claim in the same matter, and one from another matter.
    await notFound(openClaimAttachment(paralegal, matter.id, b.claimId, a.attachment.id));
    await notFound(openClaimAttachment(paralegal, matter.id, foreign.claimId, foreign.attachment.id));
    await notFound(openClaimAttachment(paralegal, matter.id, a.claimId, foreign.attachment.id));
    await notFound(openClaimAttachment(other.paralegal, other.matter.id, a.claimId, a.attachment.id));
    // Unknown and malformed ids.
    await notFound(openClaimAttachment(paralegal, matter.id, a.claimId, randomUUID()));
    await notFound(openClaimAttachment(paralegal, matter.id, a.claimId, "not-a-uuid"));
    await notFound(openMyClaimAttachment(a.member, a.number, randomUUID()));
    await notFound(openMyClaimAttachment(a.member, "NOT-A-CLAIM", a.attachment.id));

    // Refusals send nothing and record no download; the owner still gets the file (positive control).
    expect(await downloads(a.attachment.id)).toEqual([]);
    const file = await openMyClaimAttachment(a.member, a.number, a.attachment.id);
    expect(sha256(await read(file))).toBe(a.attachment.blobSha256);
  });
});

describe("claim attachments: integrity", () => {
  it("refuses a stored file with a flipped byte or gone missing, and audits the failure", async () => {
    const { matter, paralegal, attorney } = await makeClaimMatter();
    const { claimId, number, member, attachment } = await claimWithDocument(matter.slug, matter.id, paralegal);
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: attachment.blobSha256 } });
    const stored = path.join(blobRoot(), blob.storageKey);
    const original = await fsp.readFile(stored);
    const flipped = Buffer.from(original);
    flipped[20] = flipped[20]! ^ 0x01;
    await fsp.writeFile(stored, flipped);
    try {
      const staffError = await refusal(openClaimAttachment(attorney, matter.id, claimId, attachment.id));
      expect(staffError).toMatchObject({ code: "CONFLICT", status: 409 });
      expect((await refusal(openMyClaimAttachment(member, number, attachment.id))).code).toBe("CONFLICT");
      await fsp.rm(stored);
      expect((await refusal(openClaimAttachment(attorney, matter.id, claimId, attachment.id))).message).toMatch(/missing/);
    } finally {
      await fsp.writeFile(stored, original);
    }

    const audit = await downloads(attachment.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["claim-attachment.fail-integrity-check", attorney.userId],
      ["claim-attachment.fail-integrity-check", member.userId],
      ["claim-attachment.fail-integrity-check", attorney.userId],
    ]);
    expect(audit[0]).toMatchObject({ matterId: matter.id, details: { expected: blob.sha256, actual: sha256(flipped), missing: false } });
    expect(audit[2]).toMatchObject({ details: { expected: blob.sha256, actual: null, missing: true } });

    // Restored, it downloads again.
    expect(sha256(await read(await openClaimAttachment(attorney, matter.id, claimId, attachment.id)))).toBe(blob.sha256);
  });
});

describe("claim attachments: the response", () => {
  it("always sends an attachment with a safe name, no sniffing, a sandbox and no caching", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    const { claimId, bytes, attachment } = await claimWithDocument(matter.slug, matter.id, paralegal, "bill.pdf");
    const response = claimAttachmentResponse(await openClaimAttachment(paralegal, matter.id, claimId, attachment.id));
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="bill.pdf"; filename*=UTF-8''bill.pdf`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
      "cache-control": "private, no-store",
      "x-content-sha256": sha256(bytes),
    });
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
  });

  it("sends a stored type it does not name as application/octet-stream, under an escaped name", async () => {
    // A row written around the upload check (older data, a shared blob): still never rendered.
    const { matter, paralegal } = await makeClaimMatter();
    const { claimId } = await claimWithDocument(matter.slug, matter.id, paralegal);
    const html = Buffer.from(`<script>alert(${randomBytes(4).readUInt32BE()})</script>`);
    const stored = await putBuffer(html);
    await db.blob.create({ data: { sha256: stored.sha256, size: BigInt(stored.size), mediaType: "text/html", storageKey: stored.storageKey } });
    const row = await db.claimAttachment.create({ data: { claimId, blobSha256: stored.sha256, filename: 'Relevé "août"; x.html' } });
    const response = claimAttachmentResponse(await openClaimAttachment(paralegal, matter.id, claimId, row.id));
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Relev_ _ao_t__ x.html"; filename*=UTF-8''Relev%C3%A9%20%22ao%C3%BBt%22%3B%20x.html`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(html);
    expect(contentDisposition("attachment", "it's (1)*.pdf")).toBe(`attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`);
  });

  it("treats malformed path parameters as not found", () => {
    const id = randomUUID();
    expect(ZClaimAttachmentPath.safeParse({ matterId: id, claimId: id, attachmentId: id }).success).toBe(true);
    expect(ZClaimAttachmentPath.safeParse({ matterId: id, claimId: "1 OR 1=1", attachmentId: id }).success).toBe(false);
    expect(ZMyClaimAttachmentPath.safeParse({ number: "XXXX-XXXX-XXXX", attachmentId: id }).success).toBe(false);
    expect(ZMyClaimAttachmentPath.safeParse({ number: "2222-2222-2222", attachmentId: "../../etc/passwd" }).success).toBe(false);
  });
});
