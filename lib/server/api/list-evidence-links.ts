import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { getAllegation } from "@/lib/server/allegations/get-allegation";

type LinkRow = Awaited<ReturnType<typeof getAllegation>>["allegation"]["links"][number];

// How a link reads in an answer (the list, and the link a POST made).
export function evidenceLinkOut(l: Pick<LinkRow, "id" | "allegationId" | "relation" | "pinCite" | "excerpt" | "note" | "createdAt" | "removedAt" | "removalReason"> & {
  exhibit: { id: string; prefix: string; number: number; title: string; privilege: LinkRow["exhibit"]["privilege"] };
  createdBy: { name: string } | null;
}) {
  return {
    id: l.id,
    allegationId: l.allegationId,
    exhibit: { id: l.exhibit.id, label: exhibitLabel(l.exhibit.prefix, l.exhibit.number), title: l.exhibit.title, privilege: l.exhibit.privilege },
    relation: l.relation,
    pinCite: l.pinCite,
    excerpt: l.excerpt,
    note: l.note,
    createdBy: l.createdBy?.name ?? null,
    createdAt: l.createdAt.toISOString(),
    removedAt: l.removedAt?.toISOString() ?? null,
    removalReason: l.removalReason,
  };
}

// The allegation page's links for scripts: every link, removed ones included (marked), oldest
// first, with the derived status they add up to.
export async function listEvidenceLinksForApi(actor: Actor, matterId: string, allegationId: string) {
  const { allegation, support } = await getAllegation(actor, matterId, allegationId);
  return {
    allegation: { id: allegation.id, paragraph: allegation.paragraphLabel, status: support.status },
    links: allegation.links.map(evidenceLinkOut),
  };
}
