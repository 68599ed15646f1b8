import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// Every request for exclusion of the matter as CSV for the administrator and the Court's
// exclusion list (opt-outs number in the thousands at most). The export is audited: it carries
// personal data. Cells are neutralised for spreadsheets (the public typed every one of them).
export async function exportOptOutsCsv(actor: Actor, matterId: string): Promise<string> {
  await requirePermission(actor, matterId, "opt-outs.read");
  const rows = await db.optOut.findMany({
    where: { matterId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { matches: { include: { claim: { select: { number: true } } } }, objections: { select: { number: true } } },
  });
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: "opt-out.export", entityId: matterId, details: { count: rows.length } }));
  return writeCsv(
    "spreadsheet",
    ["reference", "status", "timely", "received_at", "full_name", "date_of_birth", "email", "phone", "address1", "address2", "city", "state", "zip", "signature", "signed_at", "signed_from_ip", "matching_claims", "objections", "revoked_at", "revoked_reason"],
    rows.map((r) => [
      r.number, r.status, r.timely ? "yes" : "no", r.createdAt.toISOString(), r.fullName, r.dateOfBirth?.toISOString().slice(0, 10) ?? "", r.email, r.phone, r.addressLine1, r.addressLine2, r.city, r.state, r.zip,
      r.attestationName, r.attestedAt.toISOString(), r.attestationIp, r.matches.map((m) => m.claim.number).join(" "), r.objections.map((o) => o.number).join(" "), r.revokedAt?.toISOString() ?? "", r.revokedReason,
    ]),
  );
}
