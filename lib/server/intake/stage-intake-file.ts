import "server-only";
import { AppError } from "@/lib/app-error";
import { checkFileName } from "@/lib/exhibit-files/file-name";
import { isUtf8Text } from "@/lib/exhibit-files/sniff-text";
import { ZIntakeFileRole } from "@/lib/schemas/intake";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { exhibitMaxBytes } from "@/lib/server/exhibits/limits";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { BlobTooLargeError } from "@/lib/server/storage/blob-store";

// A load file is a table of facts, not a document: 20 MiB holds well over 100,000 rows.
export const LOAD_FILE_MAX_BYTES = 20 * 1024 * 1024;

export type StageIntakeInput = {
  role: unknown;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null;
  fileName: string | null;
  declaredSize?: number | null;
};

function refuse(message: string, field = "file"): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

// Stores a bulk intake's ZIP or CSV load file (hashed as it arrives, as exhibits are) so a batch
// can be started on it. Nothing is numbered and nothing inside the ZIP is read here: the ZIP is
// opened only by the intake job, with its bounded reader.
export async function stageIntakeFile(actor: Actor, matterId: string, input: StageIntakeInput) {
  await requirePermission(actor, matterId, "exhibits.upload");
  const role = parseInput(ZIntakeFileRole, input.role);
  const name = checkFileName(input.fileName);
  if (!name.ok) throw refuse(name.reason, "fileName");
  const fileName = name.name;
  const maxBytes = role === "archive" ? exhibitMaxBytes() : LOAD_FILE_MAX_BYTES;
  const tooLarge = `“${fileName}” is larger than the ${Math.round(maxBytes / (1 << 20))} MiB limit for ${role === "archive" ? "an intake archive" : "a load file"}.`;
  if (input.declaredSize != null && input.declaredSize > maxBytes) throw refuse(tooLarge);
  if (input.declaredSize === 0 || !input.body) throw refuse(`“${fileName}” is empty.`);

  const staged = await (await blobStore())
    .stage(input.body, {
      maxBytes,
      inspectHead: (head) => {
        // A ZIP starts with a local file header (or, empty, with the end of central directory).
        if (role === "archive" && !(head.subarray(0, 4).equals(Buffer.from("PK\x03\x04")) || head.subarray(0, 4).equals(Buffer.from("PK\x05\x06")))) {
          throw refuse(`“${fileName}” is not a ZIP archive.`);
        }
        if (role === "load-file" && !isUtf8Text(head, head.length < 4100)) throw refuse(`“${fileName}” is not a UTF-8 CSV file.`);
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
  const mediaType = role === "archive" ? "application/zip" : "text/csv";
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${staged.sha256}, ${BigInt(staged.size)}, ${mediaType}, ${storageKey})
      ON CONFLICT (sha256) DO NOTHING`;
    await appendAudit(tx, actor, { matterId, action: "intake.upload", entityId: staged.sha256, details: { role, fileName, sha256: staged.sha256, size: staged.size } });
  });
  return { role, fileName, sha256: staged.sha256, size: staged.size };
}
