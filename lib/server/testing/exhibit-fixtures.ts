import "server-only";
import { randomBytes } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { unsafeExtractExhibitText } from "@/lib/server/exhibits/extract-exhibit-text";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";

// Tests that need an exhibit (links, requests, reports) call makeExhibit. Set BLOB_ROOT to a temp
// folder in the test file (vi.hoisted) so blobs do not land in the developer's store.
export type MakeExhibitOptions = {
  fileName?: string;
  bytes?: Uint8Array;
  // Run text extraction now instead of through the job queue.
  extract?: boolean;
};

export async function makeExhibit(actor: Actor, matterId: string, opts: MakeExhibitOptions = {}) {
  const bytes = opts.bytes ?? Buffer.from(`Test exhibit ${randomBytes(8).toString("hex")}\nTraffic to umeng.com observed.\n`);
  const result = await ingestExhibit(actor, matterId, { body: [bytes], fileName: opts.fileName ?? "exhibit.txt" });
  if (opts.extract) await unsafeExtractExhibitText(result.exhibit.id);
  const exhibit = await db.exhibit.findUniqueOrThrow({ where: { id: result.exhibit.id } });
  return { ...result, exhibit };
}

// A small PDF with one line of text per page.
export async function makePdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([612, 792]);
    page.drawText(text, { x: 72, y: 700, size: 12, font });
  }
  return doc.save();
}
