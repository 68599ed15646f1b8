import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { parseInput } from "@/lib/schemas/parse";
import { ZPublishExhibit } from "@/lib/schemas/settlement-site";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

// Puts a court document (a PDF) on the public settlement website, or takes it off. Privileged and
// confidential exhibits are refused: publishing them would waive or breach; the public download
// checks the designation again on every request.
export async function setExhibitPublished(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.publish");
  const published = parseInput(ZPublishExhibit, input).published === "on";
  return db.$transaction(async (tx) => {
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    if (published) {
      if (exhibit.privilege !== "NONE") throw new AppError("FORBIDDEN", "A privileged exhibit cannot be published on the settlement website.");
      if (exhibit.confidentiality !== "PUBLIC") throw new AppError("FORBIDDEN", "Only exhibits designated public can be published on the settlement website.");
      if ((exhibit.detectedType ?? exhibit.blob.mediaType) !== "application/pdf") throw AppError.validation({ published: ["Only PDF documents can be published"] }, "Only PDF documents can be published on the settlement website.");
    }
    if (exhibit.publishedOnSite === published) return exhibit;
    await tx.exhibit.update({ where: { id: exhibitId }, data: { publishedOnSite: published } });
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.publish-on-site",
      entityId: exhibitId,
      details: { exhibit: exhibitLabel(exhibit.prefix, exhibit.number), published },
    });
    return tx.exhibit.findUniqueOrThrow({ where: { id: exhibitId } });
  });
}
