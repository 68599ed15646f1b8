import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { getSettlementMatter } from "@/lib/server/settlement/get-settlement-matter";

// Public: the confirmation page after a submission, found by the reference the member was
// given. It shows only the reference, when it arrived and a masked e-mail.
export async function getResponseConfirmation(matterSlug: string, kind: "opt-out" | "objection", reference: string) {
  const matter = await getSettlementMatter(matterSlug);
  const number = reference.trim().toUpperCase();
  if (!/^O[XB]-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(number)) throw AppError.notFound("No such reference");
  const where = { number, matterId: matter.id };
  const select = { number: true, email: true, createdAt: true } as const;
  const row = kind === "opt-out" ? await db.optOut.findFirst({ where, select }) : await db.objection.findFirst({ where, select });
  if (!row) throw AppError.notFound("No such reference");
  return { matter, number: row.number, receivedAt: row.createdAt, email: maskEmail(row.email) };
}

// "pat.jones@example.org" → "p•••@example.org": enough to recognise, not to harvest.
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}
