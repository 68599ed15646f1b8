import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { complaintPinCite, paragraphSortKey, parseParagraphLabel } from "@/lib/complaint/labels";
import type { DataTransferProposal } from "@/lib/complaint/propose";
import { ZAcceptProposal } from "@/lib/schemas/complaint-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { alreadyDecided, lockProposalInMatter } from "@/lib/server/complaints/find-proposal";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";

const day = (iso: string | undefined | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

// A reviewer accepts one proposed ¶, possibly edited: it enters the ledger as an allegation with
// its label, pin cite and heading — or, for a ¶ of an amended complaint that matched an
// allegation by its words, updates that allegation, so its evidence links stay with it.
export async function acceptProposal(actor: Actor, matterId: string, proposalId: string, input: unknown) {
  await requirePermission(actor, matterId, "allegations.write");
  const edits = parseInput(ZAcceptProposal, input);
  try {
    return await db.$transaction(async (tx) => {
      const p = await lockProposalInMatter(tx, matterId, proposalId);
      // A second submit of the same accept finds it done.
      if (p.decision === "ACCEPTED" && p.allegationId) return { allegationId: p.allegationId };
      if (p.decision !== "PENDING") throw alreadyDecided(p.decision);
      const label = edits.label ?? p.label;
      const text = edits.text ?? p.text;
      const kind = edits.kind ?? p.kind;
      const proposed = p.dataTransfer as DataTransferProposal | null;
      const host = edits.destinationHost ?? proposed?.destinationHost ?? null;
      const edited = (["label", "text", "kind", "destinationHost"] as const).filter((f) =>
        f === "destinationHost" ? edits.destinationHost !== undefined && edits.destinationHost !== proposed?.destinationHost : edits[f] !== undefined && edits[f] !== p[f],
      );
      const elementIds = [...new Set(edits.elementIds ?? [])];
      if (elementIds.length && (await tx.element.count({ where: { id: { in: elementIds }, count: { matterId } } })) !== elementIds.length) {
        throw AppError.validation({ elementIds: ["One or more chosen elements are not elements of this matter's counts"] });
      }
      const base = parseParagraphLabel(label)!.base;
      const sortKey = paragraphSortKey(label)!;
      const pin = { complaintPage: p.page, complaintLine: p.line, heading: p.heading };
      let allegationId: string;
      // An allegation withdrawn since the match is out of the ledger: the ¶ enters it anew.
      const before = p.matchedAllegationId ? await tx.allegation.findFirst({ where: { id: p.matchedAllegationId, matterId, withdrawnAt: null } }) : null;
      if (before) {
        allegationId = before.id;
        await tx.allegation.update({ where: { id: allegationId }, data: { paragraph: base, paragraphLabel: label, paragraphSortKey: sortKey, text, ...pin } });
        if (elementIds.length) await tx.allegationElement.createMany({ data: elementIds.map((elementId) => ({ allegationId, elementId })), skipDuplicates: true });
        await appendAudit(tx, actor, {
          matterId,
          action: "allegation.update",
          entityId: allegationId,
          details: { allegationId, before: { paragraph: before.paragraphLabel, text: before.text }, after: { paragraph: label, text } },
        });
      } else {
        if (kind === "DATA_TRANSFER" && !host) {
          throw AppError.validation({ destinationHost: ["A data transfer needs the destination host: enter it, or accept the ¶ as another kind"] });
        }
        allegationId = uuidv7();
        await tx.allegation.create({
          data: {
            id: allegationId,
            matterId,
            paragraph: base,
            paragraphLabel: label,
            paragraphSortKey: sortKey,
            text,
            kind,
            ...pin,
            elements: { create: elementIds.map((elementId) => ({ elementId })) },
            ...(kind === "DATA_TRANSFER" && {
              dataTransfer: {
                create: {
                  destinationHost: host!,
                  dataCategories: proposed?.dataCategories ?? [],
                  recipientOrg: proposed?.recipientOrg ?? null,
                  destinationCountry: proposed?.destinationCountry ?? null,
                  observedFrom: day(proposed?.observedFrom?.date),
                  observedTo: day(proposed?.observedTo?.date),
                  appPlatform: proposed?.appPlatform ?? "UNKNOWN",
                },
              },
            }),
          },
        });
        await appendAudit(tx, actor, {
          matterId,
          action: "allegation.create",
          entityId: allegationId,
          details: { allegationId, after: { paragraph: label, text, kind, elementIds: elementIds.sort(), pinCite: complaintPinCite(label, p.page, p.line), importedFrom: p.importId } },
        });
      }
      await tx.complaintProposal.update({
        where: { id: p.id },
        data: { decision: "ACCEPTED", allegationId, decidedById: actor.userId, decidedAt: new Date(), label, sortKey, text, kind },
      });
      await appendAudit(tx, actor, {
        matterId,
        action: "complaint-proposal.accept",
        entityId: p.id,
        details: { proposalId: p.id, importId: p.importId, allegationId, label, pinCite: complaintPinCite(label, p.page, p.line), edited: [...edited], matched: !!before },
      });
      return { allegationId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.validation({ label: ["That ¶ label is already an allegation in this matter"] });
    throw error;
  }
}
