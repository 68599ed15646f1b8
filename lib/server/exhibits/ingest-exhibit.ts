import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { checkFileName, titleFromFileName } from "@/lib/exhibit-files/file-name";
import { legacyOfficeReason } from "@/lib/exhibit-files/ooxml";
import type { Exhibit } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { detectType, type DetectedType } from "@/lib/server/exhibits/detect-type";
import { EXTRACTABLE_TYPES } from "@/lib/server/exhibits/extractable";
import { exhibitMaxBytes } from "@/lib/server/exhibits/limits";
import { enqueue } from "@/lib/server/jobs/boss";
import { APK_ANALYZER_VERSION, HAR_ANALYZER_VERSION, isApkType, isCaptureType } from "@/lib/analyzer/capture-types";
import { logger } from "@/lib/server/logger";
import { dateFromCalendar } from "@/lib/schemas/common";
import { ZNewExhibitMetadata, type TNewExhibitMetadata } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { BlobTooLargeError } from "@/lib/server/storage/blob-store";

export type IngestInput = {
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null;
  fileName: string | null;
  // From the Content-Length header, when the client sent one: refuses an oversize file before
  // reading a byte of it.
  declaredSize?: number | null;
  // A hash the client computed: compared, never trusted.
  declaredSha256?: string | null;
  // What the uploader said about the document (upload-and-link's prompt). Given, it replaces the
  // file-name title, and a blank collector stays blank rather than defaulting to the uploader.
  metadata?: unknown;
};

export type IngestResult = {
  exhibit: Exhibit;
  label: string;
  duplicate: boolean;
};

function refuse(message: string, field = "file"): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

export async function ingestExhibit(actor: Actor, matterId: string, input: IngestInput): Promise<IngestResult> {
  await requirePermission(actor, matterId, "exhibits.upload");
  const name = checkFileName(input.fileName);
  if (!name.ok) throw refuse(name.reason, "fileName");
  const fileName = name.name;
  const metadata: TNewExhibitMetadata | null = input.metadata == null ? null : parseInput(ZNewExhibitMetadata, input.metadata);
  const maxBytes = exhibitMaxBytes();
  const declaredSha = input.declaredSha256?.trim().toLowerCase() || null;
  if (declaredSha && !/^[0-9a-f]{64}$/.test(declaredSha)) throw refuse("The declared SHA-256 is not 64 hexadecimal characters.", "sha256");
  if (input.declaredSize != null && input.declaredSize > maxBytes) throw new AppError("VALIDATION", tooLarge(fileName, maxBytes), { file: [tooLarge(fileName, maxBytes)] });
  if (input.declaredSize === 0 || !input.body) throw refuse(`“${fileName}” is empty.`);

  let detected: DetectedType | undefined;
  const staged = await (await blobStore()).stage(input.body, {
    maxBytes,
    inspectHead: async (head) => {
      detected = await detectType(head, fileName, false);
    },
  }).catch((error: unknown) => {
    if (error instanceof BlobTooLargeError) throw refuse(tooLarge(fileName, maxBytes));
    throw error;
  });

  try {
    if (staged.size === 0) throw refuse(`“${fileName}” is empty.`);
    // A file shorter than the sniffing window was inspected whole: decide again knowing that.
    if (staged.size < 4100) detected = await detectType(staged.head, fileName, true);
    if (!detected) throw refuse(`“${fileName}” could not be identified.`);
    if (declaredSha && declaredSha !== staged.sha256) {
      throw new AppError(
        "CONFLICT",
        `“${fileName}” arrived with SHA-256 ${staged.sha256}, not the ${declaredSha} your side computed: the upload was damaged and was not stored.`,
      );
    }
  } catch (error) {
    await staged.discard();
    throw error;
  }

  const storageKey = await staged.commit();
  const type = detected;
  const { sha256, size } = staged;

  const result = await db.$transaction(async (tx) => {
    // Locks the matter row: numbering and the duplicate check are serialised per matter, so
    // two uploads never take one number and the same bytes never become two exhibits.
    const [matter] = await tx.$queryRaw<{ exhibitPrefix: string; nextExhibitNumber: number }[]>`
      SELECT "exhibitPrefix", "nextExhibitNumber" FROM "Matter" WHERE id = ${matterId}::uuid FOR UPDATE`;
    if (!matter) throw AppError.notFound("Matter not found");

    await tx.$executeRaw`
      INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${sha256}, ${BigInt(size)}, ${type.mediaType}, ${storageKey})
      ON CONFLICT (sha256) DO NOTHING`;

    const existing = await tx.exhibit.findFirst({ where: { matterId, blobSha256: sha256 }, orderBy: { number: "asc" } });
    if (existing) {
      await appendAudit(tx, actor, {
        matterId,
        action: "exhibit.upload",
        entityId: existing.id,
        details: { duplicate: true, fileName, sha256, size },
      });
      return { exhibit: existing, label: exhibitLabel(existing.prefix, existing.number), duplicate: true, analysisId: null, apkAnalysisId: null };
    }

    const number = matter.nextExhibitNumber;
    await tx.matter.update({ where: { id: matterId }, data: { nextExhibitNumber: number + 1 } });
    const extractable = EXTRACTABLE_TYPES.has(type.mediaType);
    const exhibit = await tx.exhibit.create({
      data: {
        id: uuidv7(),
        matterId,
        number,
        prefix: matter.exhibitPrefix,
        title: metadata?.title ?? titleFromFileName(fileName),
        source: metadata?.source ?? null,
        custodian: metadata?.custodian ?? null,
        obtainedAt: dateFromCalendar(metadata?.obtainedAt),
        kind: type.kind,
        originalFilename: fileName,
        blobSha256: sha256,
        detectedType: type.mediaType,
        // Only what someone recorded: the uploader is not the collector (a certification states this).
        collectedBy: metadata?.collectedBy ?? null,
        extractionStatus: extractable ? "QUEUED" : "NOT_APPLICABLE",
        // A legacy Office file looks like a document that should be searchable; the reason says
        // why it is not and how to make it so.
        extractionError: type.mediaType === "application/x-cfb" ? legacyOfficeReason(fileName) : null,
        createdById: actor.userId,
      },
    });
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.upload",
      entityId: exhibit.id,
      details: { number: exhibitLabel(exhibit.prefix, number), fileName, sha256, size, mediaType: type.mediaType, ...(metadata ? { metadata } : {}) },
    });
    // A network capture is analysed in the background; the analysis row is made with the exhibit.
    const analysis = isCaptureType(type.mediaType)
      ? await tx.captureAnalysis.create({ data: { id: uuidv7(), matterId, exhibitId: exhibit.id, inputSha256: sha256, analyzerVersion: HAR_ANALYZER_VERSION } })
      : null;
    // So is an Android package: what code it carries, read statically.
    const apkAnalysis = isApkType(type.mediaType)
      ? await tx.apkAnalysis.create({ data: { id: uuidv7(), matterId, exhibitId: exhibit.id, inputSha256: sha256, analyzerVersion: APK_ANALYZER_VERSION } })
      : null;
    return { exhibit, label: exhibitLabel(exhibit.prefix, number), duplicate: false, analysisId: analysis?.id ?? null, apkAnalysisId: apkAnalysis?.id ?? null };
  });

  if (!result.duplicate && result.exhibit.extractionStatus === "QUEUED") {
    // Lost sends are recovered at worker start (see queues.ts), so a queue outage does not fail the upload.
    await enqueue("exhibit-extract", { exhibitId: result.exhibit.id }, { singletonKey: result.exhibit.id }).catch((err: unknown) =>
      logger.error({ err, exhibitId: result.exhibit.id }, "could not enqueue text extraction"),
    );
  }
  if (!result.duplicate && result.analysisId) {
    await enqueue("capture-analyze", { analysisId: result.analysisId }, { singletonKey: result.analysisId }).catch((err: unknown) =>
      logger.error({ err, analysisId: result.analysisId }, "could not enqueue capture analysis"),
    );
  }
  if (!result.duplicate && result.apkAnalysisId) {
    await enqueue("apk-analyze", { analysisId: result.apkAnalysisId }, { singletonKey: result.apkAnalysisId }).catch((err: unknown) =>
      logger.error({ err, analysisId: result.apkAnalysisId }, "could not enqueue APK analysis"),
    );
  }
  return { exhibit: result.exhibit, label: result.label, duplicate: result.duplicate };
}

function tooLarge(fileName: string, maxBytes: number): string {
  return `“${fileName}” is larger than the ${formatBytes(maxBytes)} limit for one exhibit.`;
}

function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(n % (1 << 30) === 0 ? 0 : 1)} GiB`;
  if (n >= 1 << 20) return `${Math.round(n / (1 << 20))} MiB`;
  return `${n} bytes`;
}
