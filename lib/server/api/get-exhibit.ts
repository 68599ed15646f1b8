import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

// One exhibit's recorded metadata and the SHA-256 of its original (what a download is checked
// against), looked up inside the matter the URL names.
export async function getExhibitForApi(actor: Actor, matterId: string, exhibitId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const x = await findExhibitInMatter(matterId, exhibitId);
  return {
    exhibit: {
      id: x.id,
      label: exhibitLabel(x.prefix, x.number),
      title: x.title,
      description: x.description,
      kind: x.kind,
      originalFilename: x.originalFilename,
      mediaType: x.detectedType ?? x.blob.mediaType,
      size: Number(x.blob.size),
      sha256: x.blobSha256,
      source: x.source,
      custodian: x.custodian,
      obtainedAt: day(x.obtainedAt),
      collectedBy: x.collectedBy,
      documentDate: day(x.documentDate),
      confidentiality: x.confidentiality,
      privilege: x.privilege,
      privilegeBasis: x.privilegeBasis,
      batesStart: x.batesStart,
      batesEnd: x.batesEnd,
      pageCount: x.pageCount,
      extractionStatus: x.extractionStatus,
      parentExhibitId: x.parentExhibitId,
      duplicateOfExhibitId: x.duplicateOfExhibitId,
      createdAt: x.createdAt.toISOString(),
      updatedAt: x.updatedAt.toISOString(),
    },
  };
}
