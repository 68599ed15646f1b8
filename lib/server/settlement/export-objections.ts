import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// Every objection of the matter as CSV (for the Court's filing and counsel's responses), audited.
export async function exportObjectionsCsv(actor: Actor, matterId: string): Promise<string> {
  await requirePermission(actor, matterId, "objections.read");
  const rows = await db.objection.findMany({ where: { matterId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { optOut: { select: { number: true, status: true } } } });
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: "objection.export", entityId: matterId, details: { count: rows.length } }));
  return writeCsv(
    "spreadsheet",
    ["reference", "timely", "received_at", "full_name", "email", "address1", "address2", "city", "state", "zip", "represented", "counsel", "appear_at_hearing", "grounds", "document", "document_sha256", "signature", "signed_at", "signed_from_ip", "opted_out"],
    rows.map((r) => [
      r.number, r.timely ? "yes" : "no", r.createdAt.toISOString(), r.fullName, r.email, r.addressLine1, r.addressLine2, r.city, r.state, r.zip, r.represented ? "yes" : "no", r.counselName,
      r.appearAtHearing ? "yes" : "no", r.grounds, r.documentFilename, r.documentSha256, r.attestationName, r.attestedAt.toISOString(), r.attestationIp,
      r.optOut ? `${r.optOut.number}${r.optOut.status === "REVOKED" ? " (revoked)" : ""}` : "",
    ]),
  );
}
