import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

const SNIPPET_CHARS = 600;

// What the link dialog shows of the chosen exhibit before it is linked: its recorded metadata
// (blank where nothing was recorded) and the opening of its first page of text.
export async function previewExhibit(actor: Actor, matterId: string, exhibitId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const x = await findExhibitInMatter(matterId, exhibitId);
  const firstPage = await db.exhibitPage.findFirst({ where: { exhibitId: x.id }, orderBy: { page: "asc" }, select: { page: true, text: true } });
  const text = firstPage?.text.replace(/\s+/g, " ").trim() ?? "";
  return {
    id: x.id,
    label: exhibitLabel(x.prefix, x.number),
    title: x.title,
    kind: x.kind,
    originalFilename: x.originalFilename,
    source: x.source,
    custodian: x.custodian,
    obtainedAt: x.obtainedAt?.toISOString().slice(0, 10) ?? null,
    collectedBy: x.collectedBy,
    privilege: x.privilege,
    confidentiality: x.confidentiality,
    pageCount: x.pageCount,
    extractionStatus: x.extractionStatus,
    snippet: firstPage ? { page: firstPage.page, text: text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text } : null,
  };
}
export type ExhibitPreview = Awaited<ReturnType<typeof previewExhibit>>;
