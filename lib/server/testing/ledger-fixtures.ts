import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Privilege } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

// Exhibit upload belongs to the exhibits feature; the ledger only needs exhibit rows to link, so
// tests make them directly: a Blob with a real hash of random bytes and a numbered Exhibit.
export async function makeLinkableExhibit(
  matterId: string,
  actor: Actor,
  opts: { privilege?: Privilege; title?: string } = {},
) {
  const bytes = randomBytes(32);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const matter = await tx.matter.update({
      where: { id: matterId },
      data: { nextExhibitNumber: { increment: 1 } },
      select: { nextExhibitNumber: true, exhibitPrefix: true },
    });
    await tx.blob.create({ data: { sha256, size: BigInt(bytes.length), mediaType: "text/plain", storageKey: `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}` } });
    return tx.exhibit.create({
      data: {
        matterId,
        number: matter.nextExhibitNumber - 1,
        prefix: matter.exhibitPrefix,
        title: opts.title ?? `Test exhibit ${sha256.slice(0, 6)}`,
        kind: "DOCUMENT",
        originalFilename: "exhibit.txt",
        blobSha256: sha256,
        privilege: opts.privilege ?? "NONE",
        privilegeBasis: opts.privilege && opts.privilege !== "NONE" ? "Test privilege basis" : null,
        extractionStatus: "NOT_APPLICABLE",
        createdById: actor.userId,
      },
    });
  });
}

export function validAllegationInput(overrides: Record<string, unknown> = {}) {
  return {
    submissionKey: crypto.randomUUID(),
    paragraph: 41,
    text: "In April 2019 the app transferred device data to umeng.com, a server in China.",
    kind: "DATA_TRANSFER",
    elementIds: [],
    dataCategories: ["DEVICE_IDENTIFIERS", "BROWSING_HISTORY"],
    destinationHost: "umeng.com",
    recipientOrg: "Alibaba Group",
    destinationCountry: "CN",
    observedFrom: "2019-04-01",
    observedTo: "2019-04-30",
    appPlatform: "ANDROID",
    ...overrides,
  };
}

export function validCountInput(overrides: Record<string, unknown> = {}) {
  return {
    submissionKey: crypto.randomUUID(),
    number: 1,
    title: "Computer Fraud and Abuse Act",
    statute: "18 U.S.C. § 1030",
    elements: "Access to a protected computer\nWithout or exceeding authorization\nObtained information\nLoss of at least $5,000",
    ...overrides,
  };
}
