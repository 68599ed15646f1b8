import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { checkFileName } from "@/lib/exhibit-files/file-name";
import { isUtf8Text } from "@/lib/exhibit-files/sniff-text";
import { ZStartClaimImport } from "@/lib/schemas/claim-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { enqueue } from "@/lib/server/jobs/boss";
import { logger } from "@/lib/server/logger";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { BlobTooLargeError } from "@/lib/server/storage/blob-store";
import type { ByteSource } from "@/lib/server/storage/blob-store-types";

// A million claims of a few hundred bytes each, with room to spare.
export const CLAIM_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

export type StartClaimImportInput = {
  body: ByteSource | null;
  fileName: unknown;
  sendMail?: unknown;
  declaredSize?: number | null;
};

function refuse(message: string, field = "file"): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

// Stores the uploaded CSV as a blob (hashed as it arrives), records the import and queues the
// "claims-import" job: nothing is parsed on the request path.
export async function startClaimImport(actor: Actor, matterId: string, input: StartClaimImportInput) {
  await requirePermission(actor, matterId, "claims.import");
  const { sendMail } = parseInput(ZStartClaimImport, { sendMail: input.sendMail ?? false });
  const name = checkFileName(typeof input.fileName === "string" ? input.fileName : null);
  if (!name.ok) throw refuse(name.reason, "fileName");
  const fileName = name.name;
  const tooLarge = `“${fileName}” is larger than the ${CLAIM_IMPORT_MAX_BYTES / (1 << 20)} MiB limit for a claim import.`;
  if (input.declaredSize != null && input.declaredSize > CLAIM_IMPORT_MAX_BYTES) throw refuse(tooLarge);
  if (input.declaredSize === 0 || !input.body) throw refuse(`“${fileName}” is empty.`);
  const form = await db.matter.findUnique({ where: { id: matterId }, select: { claimForm: true } });
  if (!form?.claimForm) throw refuse("This matter has no claim form yet: set up the claim form before importing claims.");

  const staged = await (await blobStore())
    .stage(input.body, {
      maxBytes: CLAIM_IMPORT_MAX_BYTES,
      inspectHead: (head) => {
        if (!isUtf8Text(head, head.length < 4100)) throw refuse(`“${fileName}” is not a UTF-8 CSV file.`);
      },
    })
    .catch((error: unknown) => {
      if (error instanceof BlobTooLargeError) throw refuse(tooLarge);
      throw error;
    });
  if (staged.size === 0) {
    await staged.discard();
    throw refuse(`“${fileName}” is empty.`);
  }
  const storageKey = await staged.commit();
  const id = uuidv7();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${staged.sha256}, ${BigInt(staged.size)}, 'text/csv', ${storageKey})
      ON CONFLICT (sha256) DO NOTHING`;
    await tx.claimImport.create({ data: { id, matterId, fileName, blobSha256: staged.sha256, sendMail, createdById: actor.userId } });
    await appendAudit(tx, actor, { matterId, action: "claim-import.start", entityId: id, details: { fileName, sha256: staged.sha256, size: staged.size, sendMail } });
  });
  // After the commit; a lost send is found again at worker start (unsafeFindQueuedClaimImports).
  await enqueue("claims-import", { importId: id }, { singletonKey: id }).catch((err: unknown) => logger.error({ err, importId: id }, "could not enqueue a claim import"));
  return { importId: id, fileName, sha256: staged.sha256, size: staged.size };
}
