import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { assignBates, batesRange, exhibitLabel } from "@/lib/bates/format";
import { LEGENDS, stampPdf } from "@/lib/bates/stamp";
import { ZCreateProduction } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { putBuffer } from "@/lib/server/storage/active-blob-store";
import { checkStoredBlob, integrityFailure, readVerified } from "@/lib/server/storage/open-verified";

type Planned = {
  exhibitId: string;
  label: string;
  originalSha256: string;
  pages: number;
  stamped: { sha256: string; size: number; storageKey: string } | null;
};

const ATTEMPTS = 3;

// A production: Bates numbers continue the matter's sequence, each PDF page is stamped into a
// new blob (the original is untouched), other files go out natively under one number.
// Privileged exhibits are refused unless an attorney overrides with a reason.
export async function createProduction(actor: Actor, matterId: string, input: unknown) {
  const access = await requirePermission(actor, matterId, "exhibits.produce");
  const { submissionKey, name, exhibitIds, privilegeOverrideReason } = parseInput(ZCreateProduction, input);
  const unique = [...new Set(exhibitIds)];
  const exhibits = await db.exhibit.findMany({ where: { matterId, id: { in: unique } }, include: { blob: true }, orderBy: { number: "asc" } });
  if (exhibits.length !== unique.length) throw AppError.notFound("One of the chosen exhibits was not found in this matter.");

  const privileged = exhibits.filter((e) => e.privilege !== "NONE");
  if (privileged.length > 0) {
    const labels = privileged.map((e) => exhibitLabel(e.prefix, e.number)).join(", ");
    if (!privilegeOverrideReason) {
      throw new AppError("VALIDATION", `${labels} ${privileged.length === 1 ? "is" : "are"} privileged and cannot be produced without an attorney's override and reason.`, {
        privilegeOverrideReason: [`Privileged: ${labels}. Remove ${privileged.length === 1 ? "it" : "them"}, or (attorneys only) give the reason for producing anyway.`],
      });
    }
    if (!access.can("exhibits.produce-privileged")) throw new AppError("FORBIDDEN", `Only an attorney can produce privileged exhibits (${labels}).`);
  }

  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { batesPrefix: true } });
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { nextBatesNumber: start } = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { nextBatesNumber: true } });
    const planned = await plan(exhibits, matter.batesPrefix, start);
    const ranges = assignBates(start, planned.map((p) => p.pages));
    const end = ranges[ranges.length - 1]!.end;
    const id = uuidv7();
    const result = await db.$transaction(async (tx) => {
      const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "Production", entityId: id });
      if (firstId) return tx.production.findUniqueOrThrow({ where: { id: firstId } });
      // Stamping ran outside the lock; if another production took numbers meanwhile, stamp again.
      const claimed = await tx.matter.updateMany({ where: { id: matterId, nextBatesNumber: start }, data: { nextBatesNumber: end + 1 } });
      if (claimed.count === 0) return null;
      for (const p of planned) {
        if (p.stamped) {
          await tx.$executeRaw`
            INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${p.stamped.sha256}, ${BigInt(p.stamped.size)}, 'application/pdf', ${p.stamped.storageKey})
            ON CONFLICT (sha256) DO NOTHING`;
        }
      }
      const production = await tx.production.create({
        data: { id, matterId, name, batesPrefix: matter.batesPrefix, batesStart: start, batesEnd: end, privilegeOverrideReason: privileged.length ? privilegeOverrideReason : null, createdById: actor.userId },
      });
      await tx.productionItem.createMany({
        data: planned.map((p, i) => ({
          productionId: id,
          matterId,
          exhibitId: p.exhibitId,
          position: i + 1,
          batesStart: ranges[i]!.start,
          batesEnd: ranges[i]!.end,
          originalSha256: p.originalSha256,
          stampedSha256: p.stamped?.sha256 ?? null,
        })),
      });
      for (const [i, p] of planned.entries()) {
        // The exhibit keeps the Bates range of its first production.
        await tx.exhibit.updateMany({ where: { id: p.exhibitId, batesStart: null }, data: { batesStart: ranges[i]!.start, batesEnd: ranges[i]!.end } });
        await appendAudit(tx, actor, {
          matterId,
          action: "exhibit.produce",
          entityId: p.exhibitId,
          details: { production: name, productionId: id, bates: batesRange(matter.batesPrefix, ranges[i]!.start, ranges[i]!.end), stampedSha256: p.stamped?.sha256 ?? null },
        });
      }
      await appendAudit(tx, actor, {
        matterId,
        action: "production.create",
        entityId: id,
        details: { name, bates: batesRange(matter.batesPrefix, start, end), exhibits: planned.map((p) => p.label), privilegeOverrideReason: privileged.length ? privilegeOverrideReason! : null },
      });
      return production;
    });
    if (result) return result;
  }
  throw new AppError("CONFLICT", "Other productions kept taking Bates numbers; try again.");
}

async function plan(exhibits: Awaited<ReturnType<typeof db.exhibit.findMany<{ include: { blob: true } }>>>, prefix: string, start: number): Promise<Planned[]> {
  const out: Planned[] = [];
  let next = start;
  for (const e of exhibits) {
    const label = exhibitLabel(e.prefix, e.number);
    // Produced bytes must be the collected bytes: the same verified read as a download.
    const damaged = () => new AppError("CONFLICT", `${label}'s stored file no longer matches its SHA-256; it cannot be produced.`);
    if ((e.detectedType ?? e.blob.mediaType) === "application/pdf") {
      const original = await readVerified(e.blobSha256).catch((error: unknown) => {
        integrityFailure(error);
        throw damaged();
      });
      let stamped: { bytes: Uint8Array; pages: number };
      try {
        stamped = await stampPdf(original, prefix, next, LEGENDS[e.confidentiality]);
      } catch (error) {
        throw new AppError("VALIDATION", `${label} could not be stamped (${(error as Error).message.slice(0, 200)}). Remove it from the production or replace the file.`);
      }
      const stored = await putBuffer(stamped.bytes);
      out.push({ exhibitId: e.id, label, originalSha256: e.blobSha256, pages: stamped.pages, stamped: stored });
      next += stamped.pages;
    } else {
      if (!(await checkStoredBlob(e.blobSha256)).ok) throw damaged();
      out.push({ exhibitId: e.id, label, originalSha256: e.blobSha256, pages: 1, stamped: null });
      next += 1;
    }
  }
  return out;
}
