import { createHash } from "node:crypto";
import fsp from "node:fs/promises";
import { ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it, vi } from "vitest";

// The whole app on the S3 adapter, against a real S3-protocol server started for this file.
const s3 = await vi.hoisted(async () => {
  const { startS3Server } = await import("@/lib/server/testing/s3-server");
  const server = await startS3Server();
  Object.assign(process.env, {
    BLOB_ROOT: `/tmp/proofline-unused-${process.pid}-${Date.now()}`,
    BLOB_STORE: "s3",
    S3_ENDPOINT: server.config.endpoint,
    S3_BUCKET: server.config.bucket,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: server.config.accessKeyId,
    S3_SECRET_ACCESS_KEY: server.config.secretAccessKey,
  });
  return server;
});

import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { unsafeRunIntegritySweep } from "@/lib/server/exhibits/integrity-sweep";
import { openExhibitFile } from "@/lib/server/exhibits/open-exhibit-file";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

afterAll(() => s3.stop());

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const admin = new S3Client({
  endpoint: s3.config.endpoint,
  region: s3.config.region,
  forcePathStyle: true,
  credentials: { accessKeyId: s3.config.accessKeyId, secretAccessKey: s3.config.secretAccessKey },
});

describe("exhibits on S3-compatible storage", () => {
  it("stores an upload under its SHA-256 in the bucket, extracts and downloads it verified, and refuses it once altered", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const bytes = Buffer.from(`Capture ${Math.random()}\nTraffic to umeng.com observed.\n`);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, extract: true });
    expect(exhibit.blobSha256).toBe(sha256(bytes));
    expect((await db.blob.findUniqueOrThrow({ where: { sha256: exhibit.blobSha256 } })).storageKey).toBe(exhibit.blobSha256);
    const keys = ((await admin.send(new ListObjectsV2Command({ Bucket: s3.config.bucket }))).Contents ?? []).map((c) => c.Key);
    expect(keys).toContain(exhibit.blobSha256);
    expect(keys.filter((k) => k?.startsWith("tmp/"))).toEqual([]);
    expect(await fsp.readdir(env.BLOB_ROOT).catch(() => [])).toEqual([]);
    expect(exhibit.extractionStatus).toBe("DONE");
    expect(await db.exhibitPage.count({ where: { exhibitId: exhibit.id, text: { contains: "umeng.com" } } })).toBe(1);

    const file = await openExhibitFile(attorney, matter.id, exhibit.id, "download");
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);

    const flipped = Buffer.from(bytes);
    flipped[0] = flipped[0]! ^ 0x01;
    await admin.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: exhibit.blobSha256, Body: flipped }));
    expect((await refusal(openExhibitFile(attorney, matter.id, exhibit.id, "download"))).code).toBe("CONFLICT");
    const failure = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.fail-integrity-check" } });
    expect(failure.details).toMatchObject({ expected: exhibit.blobSha256, actual: sha256(flipped), missing: false });

    // Scoped to this matter: the other test files' blobs live on the local disk, not in this bucket.
    const report = await unsafeRunIntegritySweep({ trigger: "test", matterId: matter.id });
    expect(report.checked).toBe(1);
    expect(report.altered).toContainEqual({ sha256: exhibit.blobSha256, actual: sha256(flipped) });
    const sweep = await db.auditEvent.findFirstOrThrow({ where: { action: "integrity.sweep" }, orderBy: { id: "desc" } });
    expect(sweep.entityId).toBe("s3");
  });
});
