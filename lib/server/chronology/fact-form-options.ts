import "server-only";
import { exhibitLabel } from "@/lib/bates/format";
import { countLabel, elementLabel } from "@/lib/ledger/labels";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { listCounts } from "@/lib/server/counts/list-counts";
import { db } from "@/lib/server/db";

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// What the fact form offers: the matter's elements, exhibits and allegations.
export async function factFormOptions(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const counts = await listCounts(actor, matterId);
  const exhibits = await db.exhibit.findMany({ where: { matterId }, orderBy: { number: "asc" }, select: { id: true, prefix: true, number: true, title: true } });
  const allegations = await db.allegation.findMany({ where: { matterId, withdrawnAt: null }, orderBy: { paragraphSortKey: "asc" }, select: { id: true, paragraphLabel: true, text: true } });
  return {
    counts: counts.map((c) => ({
      countLabel: `${countLabel(c.number)} — ${c.title}`,
      elements: c.elements.map((e) => ({ id: e.id, label: elementLabel(`${c.number}.${e.position}`), text: e.text })),
    })),
    filterCounts: counts.map((c) => ({
      id: c.id,
      label: `${countLabel(c.number)} — ${c.title}`,
      elements: c.elements.map((e) => ({ id: e.id, label: `${elementLabel(`${c.number}.${e.position}`)} ${clip(e.text, 50)}` })),
    })),
    exhibits: exhibits.map((e) => ({ id: e.id, label: `${exhibitLabel(e.prefix, e.number)} — ${clip(e.title)}` })),
    allegations: allegations.map((a) => ({ id: a.id, label: `¶ ${a.paragraphLabel} — ${clip(a.text)}` })),
  };
}
