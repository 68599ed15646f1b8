import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { countLabel, elementLabel } from "@/lib/server/tags/resolve-issue";

export type IssueOption = { ref: string; kind: "count" | "element" | "tag"; label: string };

// Every issue of a matter an exhibit can be tagged with or filtered by: its counts, each with its
// elements in order, then its free tags by name.
export async function listIssues(actor: Actor, matterId: string): Promise<IssueOption[]> {
  await requirePermission(actor, matterId, "matter.read");
  const [counts, tags] = await Promise.all([
    db.count.findMany({ where: { matterId }, orderBy: { number: "asc" }, include: { elements: { orderBy: { position: "asc" } } } }),
    db.tag.findMany({ where: { matterId }, orderBy: { nameKey: "asc" } }),
  ]);
  return [
    ...counts.flatMap((c) => [
      { ref: `count:${c.id}`, kind: "count" as const, label: countLabel(c.number, c.title) },
      ...c.elements.map((e) => ({ ref: `element:${e.id}`, kind: "element" as const, label: elementLabel(c.number, e.position, e.text) })),
    ]),
    ...tags.map((t) => ({ ref: `tag:${t.id}`, kind: "tag" as const, label: t.name })),
  ];
}
