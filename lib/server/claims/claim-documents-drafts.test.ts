import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { getClaimDraft } from "@/lib/server/claims/get-claim-draft";
import { saveClaimDraft } from "@/lib/server/claims/save-claim-draft";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { unsafeSweepClaimUploads } from "@/lib/server/claims/sweep-claim-uploads";
import { uploadClaimDocument } from "@/lib/server/claims/upload-claim-document";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { refusal } from "@/lib/server/testing/refusal";
import { latestMail } from "@/scripts/lib/mailbox";

const uniquePdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(16).toString("hex")}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const ctx = { ip: "192.0.2.10" };

describe("documents filed with a claim", () => {
  it("are uploaded first, then taken by the claim that names them, once", async () => {
    const { matter } = await makeClaimMatter();
    const receipt = await uploadClaimDocument(matter.slug, uniquePdf(), { filename: "C:\\Users\\pat\\receipt.pdf" }, ctx);
    expect(receipt).toMatchObject({ filename: "receipt.pdf", mediaType: "application/pdf" });
    expect(receipt.uploadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's hash is stored.
    expect(await db.claimUpload.count({ where: { tokenHash: receipt.uploadToken } })).toBe(0);

    const { claimId, number } = await submitClaim(matter.slug, validClaimInput({ documents: receipt.uploadToken }), ctx);
    const attachments = await db.claimAttachment.findMany({ where: { claimId }, select: { filename: true, blobSha256: true, uploadedById: true } });
    expect(attachments).toEqual([expect.objectContaining({ filename: "receipt.pdf", uploadedById: null })]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "claim.submit", entityId: claimId } });
    expect(audit.details).toMatchObject({ number, documents: [attachments[0]!.blobSha256] });

    // The same token cannot attach the file to a second claim.
    const again = await refusal(submitClaim(matter.slug, validClaimInput({ documents: [receipt.uploadToken] }), ctx));
    expect(again.fieldErrors?.documents?.[0]).toMatch(/expired or was already filed/);
  });

  it("refuses another matter's upload, a file that is not a document, and a sixth document", async () => {
    const { matter } = await makeClaimMatter();
    const other = await makeClaimMatter();
    const foreign = await uploadClaimDocument(other.matter.slug, uniquePdf(), { filename: "other.pdf" }, ctx);
    const refused = await refusal(submitClaim(matter.slug, validClaimInput({ documents: [foreign.uploadToken] }), ctx));
    expect(refused.fieldErrors?.documents).toBeDefined();
    expect(await db.claimUpload.count({ where: { claimId: { not: null }, matterId: other.matter.id } })).toBe(0);

    const text = await refusal(uploadClaimDocument(matter.slug, Buffer.from("just words"), { filename: "notes.pdf" }, ctx));
    expect(text.fieldErrors?.document?.[0]).toMatch(/PDF, JPEG, PNG/);
    const unnamed = await refusal(uploadClaimDocument(matter.slug, uniquePdf(), {}, ctx));
    expect(unnamed.fieldErrors?.filename).toBeDefined();

    const six = await Promise.all(Array.from({ length: 6 }, (_, i) => uploadClaimDocument(matter.slug, uniquePdf(), { filename: `p${i}.pdf` }, ctx)));
    const tooMany = await refusal(submitClaim(matter.slug, validClaimInput({ documents: six.map((r) => r.uploadToken) }), ctx));
    expect(tooMany.fieldErrors?.documents?.[0]).toBe("Attach at most 5 documents");
  });
});

describe("a claim form saved to finish later", () => {
  it("mails a resume link, keeps values and documents, saves in place, and is gone once the claim is filed", async () => {
    const { matter } = await makeClaimMatter();
    const person = validClaimInput();
    const doc = await uploadClaimDocument(matter.slug, uniquePdf(), { filename: "statement.pdf" }, ctx);
    const half = { email: person.email, fullName: person.fullName, city: "Oakland", q_usedInUs: "yes", attestationAgree: "on", submissionKey: person.submissionKey, documents: doc.uploadToken };
    const saved = await saveClaimDraft(matter.slug, half, { ...ctx, locale: "es" });
    expect(saved.created).toBe(true);
    const mail = await latestMail(env.MAIL_SINK_DIR, person.email as string);
    expect(mail.subject).toContain("Su formulario de reclamo guardado");
    expect(mail.text).toContain(`/claim/${matter.slug}?draft=${saved.token}`);
    // The outbox keeps the mail without its link's token.
    expect(await db.outboxMessage.count({ where: { text: { contains: saved.token } } })).toBe(0);

    const resumed = await getClaimDraft(matter.slug, saved.token);
    expect(resumed.status).toBe("found");
    if (resumed.status !== "found") return;
    expect(resumed.values).toMatchObject({ email: person.email, fullName: person.fullName, city: "Oakland", q_usedInUs: "yes" });
    // Never the signature tick nor the form's key.
    expect(resumed.values.attestationAgree).toBeUndefined();
    expect(resumed.values.submissionKey).toBeUndefined();
    expect(resumed.documents).toEqual([expect.objectContaining({ filename: "statement.pdf" })]);
    // The draft's document outlives the one-day upload expiry.
    const upload = await db.claimUpload.findFirstOrThrow({ where: { id: resumed.documents[0]!.id } });
    expect(upload.expiresAt.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);

    // Saved again from the resumed form: the same draft, no second mail.
    const mailsBefore = await db.outboxMessage.count({ where: { to: person.email as string } });
    const again = await saveClaimDraft(matter.slug, { ...half, documents: undefined, draftDocuments: resumed.documents[0]!.id, draftToken: saved.token, city: "San Francisco" }, ctx);
    expect(again).toMatchObject({ created: false, token: saved.token });
    expect(await db.outboxMessage.count({ where: { to: person.email as string } })).toBe(mailsBefore);
    expect(await db.claimDraft.count({ where: { matterId: matter.id } })).toBe(1);

    // Someone without the link cannot name the draft's document by id.
    const stranger = await refusal(submitClaim(matter.slug, validClaimInput({ draftDocuments: resumed.documents[0]!.id }), ctx));
    expect(stranger.fieldErrors?.documents).toBeDefined();

    const { claimId } = await submitClaim(matter.slug, { ...person, draftToken: saved.token, draftDocuments: [resumed.documents[0]!.id] }, ctx);
    expect(await db.claimAttachment.count({ where: { claimId, filename: "statement.pdf" } })).toBe(1);
    expect(await getClaimDraft(matter.slug, saved.token)).toEqual({ status: "gone" });
    expect(await getClaimDraft(matter.slug, "x".repeat(43))).toEqual({ status: "gone" });
  });

  it("needs a valid e-mail to send the link to", async () => {
    const { matter } = await makeClaimMatter();
    const refused = await refusal(saveClaimDraft(matter.slug, { fullName: "No Mail" }, ctx));
    expect(refused.fieldErrors?.email).toBeDefined();
    expect(await db.claimDraft.count({ where: { matterId: matter.id } })).toBe(0);
  });
});

describe("the claim-upload sweep", () => {
  it("removes expired uploads no claim took, and their files, and keeps what a claim or a live draft holds", async () => {
    const { matter } = await makeClaimMatter();
    const past = new Date(Date.now() - 3 * 86_400_000);
    const stale = await uploadClaimDocument(matter.slug, uniquePdf(), { filename: "stale.pdf" }, { ...ctx, now: past });
    const taken = await uploadClaimDocument(matter.slug, uniquePdf(), { filename: "taken.pdf" }, ctx);
    await submitClaim(matter.slug, validClaimInput({ documents: taken.uploadToken }), ctx);
    const staleRow = await db.claimUpload.findFirstOrThrow({ where: { filename: "stale.pdf", matterId: matter.id } });
    const store = await blobStore();
    expect(await store.exists(staleRow.blobSha256)).toBe(true);

    const report = await unsafeSweepClaimUploads();
    expect(report.uploads).toBeGreaterThanOrEqual(1);
    expect(await db.claimUpload.count({ where: { id: staleRow.id } })).toBe(0);
    expect(await db.blob.count({ where: { sha256: staleRow.blobSha256 } })).toBe(0);
    expect(await store.exists(staleRow.blobSha256)).toBe(false);
    expect(await db.claimUpload.count({ where: { filename: "taken.pdf", matterId: matter.id } })).toBe(1);
    // A token of a swept upload is refused like any unknown one.
    expect((await refusal(submitClaim(matter.slug, validClaimInput({ documents: stale.uploadToken }), ctx))).fieldErrors?.documents).toBeDefined();
  });
});
