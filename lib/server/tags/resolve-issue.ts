import "server-only";
import { AppError } from "@/lib/app-error";
import type { Tx } from "@/lib/server/db";

export type IssueKind = "count" | "element" | "tag";
export type ResolvedIssue = { kind: IssueKind; id: string; label: string };

// "count:<id>", "element:<id>" or "tag:<id>" read inside the matter: another matter's issue (or
// none) is refused like an unknown value, never followed across matters.
export async function resolveIssue(tx: Tx, matterId: string, ref: string, field = "issue"): Promise<ResolvedIssue> {
  const [kind, id] = ref.split(":") as [IssueKind, string];
  const unknown = () => AppError.validation({ [field]: ["Unknown issue"] });
  if (kind === "count") {
    const count = await tx.count.findFirst({ where: { id, matterId } });
    if (!count) throw unknown();
    return { kind, id, label: countLabel(count.number, count.title) };
  }
  if (kind === "element") {
    const element = await tx.element.findFirst({ where: { id, count: { matterId } }, include: { count: true } });
    if (!element) throw unknown();
    return { kind, id, label: elementLabel(element.count.number, element.position, element.text) };
  }
  const tag = await tx.tag.findFirst({ where: { id, matterId } });
  if (!tag) throw unknown();
  return { kind: "tag", id, label: tag.name };
}

export function countLabel(number: number, title: string): string {
  return `Count ${number}: ${title}`;
}

export function elementLabel(countNumber: number, position: number, text: string): string {
  return `Count ${countNumber}, element ${position}: ${text}`;
}
