import "server-only";
import { randomUUID } from "node:crypto";
import { ZCreateEvidenceLink } from "@/lib/schemas/api-v1";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";
import { evidenceLinkOut } from "@/lib/server/api/list-evidence-links";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";

// The link dialog for scripts: the same use case (it checks the exhibit is the matter's, fulfils
// a named request, clears an answered "unsupported" flag and writes the audit row). The submission
// key it deduplicates by comes from the caller's Idempotency-Key when there is one.
export async function createEvidenceLinkForApi(actor: Actor, matterId: string, allegationId: string, input: unknown, submissionKey: string | null) {
  await loadAllegationFor(actor, matterId, allegationId, "evidence.link", { live: true });
  const data = parseInput(ZCreateEvidenceLink, input);
  const link = await linkEvidence(actor, matterId, allegationId, { ...data, submissionKey: submissionKey ?? randomUUID() });
  const full = await db.evidenceLink.findUniqueOrThrow({
    where: { id: link.id },
    include: { exhibit: { select: { id: true, prefix: true, number: true, title: true, privilege: true } }, createdBy: { select: { name: true } } },
  });
  return { link: evidenceLinkOut(full) };
}
