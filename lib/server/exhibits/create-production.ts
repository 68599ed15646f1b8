import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { assignBates, batesLabel, batesRange, exhibitLabel } from "@/lib/bates/format";
import { renderSlipSheet, renderTextPdf } from "@/lib/bates/render";
import { LEGENDS, stampPdf } from "@/lib/bates/stamp";
import { nativeZipPath } from "@/lib/productions/load-files";
import { waiverWarning } from "@/lib/productions/waiver-notice";
import { ZCreateProduction } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { unsafePackageProduction } from "@/lib/server/exhibits/package-production";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { enqueue } from "@/lib/server/jobs/boss";
import { logger } from "@/lib/server/logger";
import { putBuffer } from "@/lib/server/storage/active-blob-store";
import { checkStoredBlob, integrityFailure, readVerified } from "@/lib/server/storage/open-verified";

type ProducedAs = "PDF" | "RENDERED" | "NATIVE";

type Planned = {
  exhibitId: string;
  label: string;
  originalSha256: string;
  pages: number;
  producedAs: ProducedAs;
  redactedCopyId: string | null;
  stamped: { sha256: string; size: number; storageKey: string };
};

type Candidate = Awaited<ReturnType<typeof loadExhibits>>[number];

const ATTEMPTS = 3;

// Text the production can set as pages itself; anything else that is not a PDF (HAR, JSON,
// spreadsheets, APKs, media, archives) goes out natively behind a slip sheet.
const RENDERABLE_TYPES = new Set(["text/plain", "message/rfc822"]);

function loadExhibits(matterId: string, ids: string[]) {
  return db.exhibit.findMany({
    where: { matterId, id: { in: ids } },
    include: { blob: true, parent: { select: { number: true } }, redactedCopies: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, redactedSha256: true } } },
  });
}

// Families stay together, parent first: the children are numbered right after their parent at
// intake, and a production keeps that order whatever order they were chosen in.
function familyOrder(a: Candidate, b: Candidate): number {
  const key = (e: Candidate) => [e.parent?.number ?? e.number, e.parent ? 1 : 0, e.number];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

// A production: Bates numbers continue the matter's sequence; each PDF is stamped page by page,
// text and e-mail exhibits are set as pages and stamped, everything else is produced natively
// behind a stamped slip sheet — all as new blobs, the originals untouched. Then the delivery
// (load files, text, natives, hashes) is packaged once as a ZIP whose hashes the log keeps.
// Privileged exhibits are refused unless an attorney overrides with a reason.
export async function createProduction(actor: Actor, matterId: string, input: unknown) {
  const access = await requirePermission(actor, matterId, "exhibits.produce");
  const { submissionKey, name, exhibitIds, privilegeOverrideReason, producedTo, volume, images } = parseInput(ZCreateProduction, input);
  const imageFormat = images === "JPG" || images === "TIFF" ? images : null;
  const unique = [...new Set(exhibitIds)];
  const exhibits = (await loadExhibits(matterId, unique)).sort(familyOrder);
  if (exhibits.length !== unique.length) throw AppError.notFound("One of the chosen exhibits was not found in this matter.");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { batesPrefix: true, fre502dOrder: true, protectiveOrder: true } });

  const privileged = exhibits.filter((e) => e.privilege !== "NONE");
  const privilegedLabels = privileged.map((e) => exhibitLabel(e.prefix, e.number));
  if (privileged.length > 0) {
    const labels = privilegedLabels.join(", ");
    if (!access.can("exhibits.produce-privileged")) throw new AppError("FORBIDDEN", `Only an attorney can produce privileged exhibits (${labels}).`);
    if (!privilegeOverrideReason) {
      const which = `${labels} ${privileged.length === 1 ? "is" : "are"} privileged.`;
      throw new AppError("VALIDATION", `${which} ${waiverWarning(matter)}`, {
        privilegeOverrideReason: [`${which} Remove ${privileged.length === 1 ? "it" : "them"}, or give the reason for producing anyway (the audit log keeps it).`],
      });
    }
  }

  const volumeName = volume || `VOL${String((await db.production.count({ where: { matterId } })) + 1).padStart(3, "0")}`;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { nextBatesNumber: start } = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { nextBatesNumber: true } });
    const planned = await plan(exhibits, matter.batesPrefix, start);
    const ranges = assignBates(start, planned.map((p) => p.pages));
    const end = ranges[ranges.length - 1]!.end;
    const id = uuidv7();
    const result = await db.$transaction(async (tx) => {
      const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "Production", entityId: id });
      if (firstId) return { production: await tx.production.findUniqueOrThrow({ where: { id: firstId } }), first: false };
      // Stamping ran outside the lock; if another production took numbers meanwhile, stamp again.
      const claimed = await tx.matter.updateMany({ where: { id: matterId, nextBatesNumber: start }, data: { nextBatesNumber: end + 1 } });
      if (claimed.count === 0) return null;
      for (const p of planned) {
        await tx.$executeRaw`
          INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${p.stamped.sha256}, ${BigInt(p.stamped.size)}, 'application/pdf', ${p.stamped.storageKey})
          ON CONFLICT (sha256) DO NOTHING`;
      }
      // The orders recorded when it was made, kept with it: the log says what it went out under.
      const orders = matter;
      await tx.production.create({
        data: {
          id,
          matterId,
          name,
          volume: volumeName,
          producedTo: producedTo || null,
          fre502dOrder: orders.fre502dOrder,
          protectiveOrder: orders.protectiveOrder,
          batesPrefix: matter.batesPrefix,
          batesStart: start,
          batesEnd: end,
          privilegeOverrideReason: privileged.length ? privilegeOverrideReason : null,
          imageFormat,
          createdById: actor.userId,
        },
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
          stampedSha256: p.stamped.sha256,
          producedAs: p.producedAs,
          redactedCopyId: p.redactedCopyId,
          privilege: exhibits[i]!.privilege,
          confidentiality: exhibits[i]!.confidentiality,
        })),
      });
      for (const [i, p] of planned.entries()) {
        // The exhibit keeps the Bates range of its first production.
        await tx.exhibit.updateMany({ where: { id: p.exhibitId, batesStart: null }, data: { batesStart: ranges[i]!.start, batesEnd: ranges[i]!.end } });
        await appendAudit(tx, actor, {
          matterId,
          action: "exhibit.produce",
          entityId: p.exhibitId,
          details: { production: name, productionId: id, bates: batesRange(matter.batesPrefix, ranges[i]!.start, ranges[i]!.end), stampedSha256: p.stamped.sha256 },
        });
      }
      const { id: eventId } = await appendAudit(tx, actor, {
        matterId,
        action: "production.create",
        entityId: id,
        details: {
          name,
          bates: batesRange(matter.batesPrefix, start, end),
          exhibits: planned.map((p) => p.label),
          privilegeOverrideReason: privileged.length ? privilegeOverrideReason! : null,
          volume: volumeName,
          producedTo: producedTo || null,
          privileged: privilegedLabels,
          confidential: exhibits.filter((e) => e.confidentiality !== "PUBLIC").length,
          fre502dOrder: orders.fre502dOrder,
          protectiveOrder: orders.protectiveOrder,
          ...(imageFormat ? { images: imageFormat } : {}),
        },
      });
      return { production: await tx.production.update({ where: { id }, data: { auditEventId: eventId } }), first: true };
    });
    if (result) {
      // Page images are rendered by the production job, off the request path: the ZIP is ready
      // when it has run (the productions page shows "Rendering page images" until then).
      if (result.first && imageFormat) {
        await enqueue("production-package", { productionId: result.production.id }, { singletonKey: result.production.id }).catch((error: unknown) =>
          logger.error({ err: error, productionId: result.production.id }, "could not enqueue production packaging; the worker finds it at start"),
        );
      } else if (result.first) {
        // The production stands once committed; if packaging fails now it is retried on the first
        // download (the same bytes, packaging being deterministic), so the failure is logged only.
        await unsafePackageProduction(actor, result.production.id).catch((error: unknown) =>
          logger.error({ err: error, productionId: result.production.id }, "production packaging failed; it will be retried on download"),
        );
      }
      return db.production.findUniqueOrThrow({ where: { id: result.production.id } });
    }
  }
  throw new AppError("CONFLICT", "Other productions kept taking Bates numbers; try again.");
}

async function plan(exhibits: Candidate[], prefix: string, start: number): Promise<Planned[]> {
  const out: Planned[] = [];
  let next = start;
  for (const e of exhibits) {
    const label = exhibitLabel(e.prefix, e.number);
    const legend = LEGENDS[e.confidentiality];
    // Produced bytes must be the collected bytes: the same verified read as a download.
    const damaged = () => new AppError("CONFLICT", `${label}'s stored file no longer matches its SHA-256; it cannot be produced.`);
    const type = e.detectedType ?? e.blob.mediaType;
    const stamp = async (bytes: Uint8Array) => {
      try {
        return await stampPdf(bytes, prefix, next, legend);
      } catch (error) {
        throw new AppError("VALIDATION", `${label} could not be stamped (${(error as Error).message.slice(0, 200)}). Remove it from the production or replace the file.`);
      }
    };
    // A redacted PDF goes out as its newest verified redacted copy, never as the original.
    const redacted = type === "application/pdf" ? (e.redactedCopies[0] ?? null) : null;
    let producedAs: ProducedAs;
    let stamped: { bytes: Uint8Array; pages: number };
    if (type === "application/pdf") {
      const original = await readVerified(redacted?.redactedSha256 ?? e.blobSha256).catch((error: unknown) => {
        integrityFailure(error);
        throw damaged();
      });
      producedAs = "PDF";
      stamped = await stamp(original);
    } else {
      if (!(await checkStoredBlob(e.blobSha256)).ok) throw damaged();
      const pages = RENDERABLE_TYPES.has(type) && e.extractionStatus === "DONE" ? await db.exhibitPage.findMany({ where: { exhibitId: e.id }, orderBy: { page: "asc" }, select: { text: true } }) : [];
      if (pages.length > 0) {
        producedAs = "RENDERED";
        stamped = await stamp(await renderTextPdf(pages.map((p) => p.text)));
      } else {
        producedAs = "NATIVE";
        const slip = await renderSlipSheet({ bates: batesLabel(prefix, next), fileName: e.originalFilename, nativePath: nativeZipPath(batesLabel(prefix, next), e.originalFilename), legend });
        stamped = await stamp(slip);
      }
    }
    const stored = await putBuffer(stamped.bytes);
    out.push({ exhibitId: e.id, label, originalSha256: e.blobSha256, pages: stamped.pages, producedAs, redactedCopyId: redacted?.id ?? null, stamped: stored });
    next += stamped.pages;
  }
  return out;
}
