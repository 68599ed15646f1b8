import "server-only";
import { cleanText, harToText, htmlToText, jsonToText, searchTerms, splitIntoParts } from "@/lib/exhibit-files/text-pages";
import type { AddressObject } from "mailparser";
import type { Confidentiality, ExhibitKind, Privilege } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { extractPptxPages } from "@/lib/server/exhibits/extract-pptx-text";
import { extractXlsxPages } from "@/lib/server/exhibits/extract-xlsx-text";
import { OfficeFileError } from "@/lib/server/exhibits/ooxml-package";
import { logger } from "@/lib/server/logger";
import { readBlob } from "@/lib/server/storage/blob-store";

// Past this, loading the file into memory to parse it would hurt the worker; such exhibits are
// listed as failed with the reason rather than taking the process down.
const MAX_EXTRACT_BYTES = 256 * 1024 * 1024;

type Extracted = {
  pages: string[];
  // Page count of a paginated original (PDF); null when pages are our own parts of a text.
  pageCount: number | null;
  email?: { author: string | null; recipients: string | null; date: Date | null };
};

async function extract(mediaType: string, bytes: Buffer): Promise<Extracted> {
  switch (mediaType) {
    case "application/pdf": {
      const { definePDFJSModule, extractText, getDocumentProxy } = await import("unpdf");
      // unpdf 1.0's default resolver looks for an export its bundled PDF.js no longer has;
      // pointing it at the bundle directly works.
      await definePDFJSModule(() => import("unpdf/pdfjs"));
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { totalPages, text } = await extractText(pdf, { mergePages: false });
      return { pages: text, pageCount: totalPages };
    }
    case "text/plain":
    case "text/csv":
      return { pages: splitIntoParts(bytes.toString("utf8")), pageCount: null };
    case "text/html":
      return { pages: splitIntoParts(htmlToText(bytes.toString("utf8"))), pageCount: null };
    case "application/har+json":
      return { pages: splitIntoParts(harToText(JSON.parse(bytes.toString("utf8")))), pageCount: null };
    case "application/json":
      return { pages: splitIntoParts(jsonToText(JSON.parse(bytes.toString("utf8")))), pageCount: null };
    case "message/rfc822": {
      const { simpleParser } = await import("mailparser");
      const mail = await simpleParser(bytes);
      const people = (a: AddressObject | AddressObject[] | undefined) =>
        [a ?? []].flat().flatMap((o) => o.value).map((v) => (v.name ? `${v.name} <${v.address ?? ""}>` : (v.address ?? ""))).filter(Boolean);
      const to = [...people(mail.to), ...people(mail.cc)].join("; ");
      const from = people(mail.from).join("; ") || null;
      const header = [`From: ${from ?? ""}`, `To: ${to}`, `Date: ${mail.date?.toISOString() ?? ""}`, `Subject: ${mail.subject ?? ""}`].join("\n");
      const attachments = mail.attachments.map((a) => `Attachment: ${a.filename ?? "(unnamed)"} (${a.contentType}, ${a.size} bytes)`).join("\n");
      return {
        pages: splitIntoParts([header, mail.text ?? (mail.html ? htmlToText(mail.html) : ""), attachments].filter(Boolean).join("\n\n")),
        pageCount: null,
        email: { author: from, recipients: to || null, date: mail.date ?? null },
      };
    }
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
      const mammoth = await import("mammoth");
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return { pages: splitIntoParts(value), pageCount: null };
    }
    // A page per sheet or slide; pageCount stays null because sheets and slides are not the
    // printed pages that Bates numbering and the "Pages" column count.
    case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
      return { pages: await extractXlsxPages(bytes), pageCount: null };
    case "application/vnd.openxmlformats-officedocument.presentationml.presentation":
      return { pages: await extractPptxPages(bytes), pageCount: null };
    default:
      throw new Error(`no text extractor for ${mediaType}`);
  }
}

// Job handler (no actor: it runs as the system on an exhibit whose upload was authorised).
export async function unsafeExtractExhibitText(exhibitId: string): Promise<void> {
  const exhibit = await db.exhibit.findUnique({ where: { id: exhibitId }, include: { blob: true } });
  if (!exhibit || exhibit.extractionStatus === "NOT_APPLICABLE") return;
  await db.exhibit.update({ where: { id: exhibitId }, data: { extractionStatus: "RUNNING", extractionError: null } });
  try {
    if (exhibit.blob.size > BigInt(MAX_EXTRACT_BYTES)) throw new Error(`file is larger than ${MAX_EXTRACT_BYTES / (1 << 20)} MiB; text not extracted`);
    const bytes = await readBlob(exhibit.blob.storageKey);
    const result = await extract(exhibit.detectedType ?? exhibit.blob.mediaType, bytes);
    const pages = result.pages.map(cleanText);
    const terms = pages.map(searchTerms);
    await db.$transaction(async (tx) => {
      // Pages carry copies of the exhibit's matter, kind and designation (their foreign key
      // checks them). Reading them under a key-share lock holds off a re-designation until the
      // pages are in, so the copies cannot be stale; later changes reach the pages by cascade.
      const [copies] = await tx.$queryRaw<{ matterId: string; kind: ExhibitKind; confidentiality: Confidentiality; privilege: Privilege }[]>`
        SELECT "matterId", kind, confidentiality, privilege FROM "Exhibit" WHERE id = ${exhibitId}::uuid FOR KEY SHARE`;
      if (!copies) throw new Error("the exhibit was deleted during text extraction");
      await tx.exhibitPage.deleteMany({ where: { exhibitId } });
      await tx.exhibitPage.createMany({ data: pages.map((text, i) => ({ exhibitId, ...copies, page: i + 1, text, terms: terms[i] ?? "" })) });
      await tx.exhibit.update({
        where: { id: exhibitId },
        data: {
          extractionStatus: "DONE",
          extractionError: null,
          pageCount: result.pageCount ?? exhibit.pageCount,
          // Filled only when empty: what a person typed wins over what the headers say.
          author: exhibit.author ?? result.email?.author ?? null,
          recipients: exhibit.recipients ?? result.email?.recipients ?? null,
          documentDate: exhibit.documentDate ?? result.email?.date ?? null,
        },
      });
    });
  } catch (error) {
    const reason = friendlyReason(error);
    logger.warn({ exhibitId, err: error }, "text extraction failed");
    await db.exhibit.update({ where: { id: exhibitId }, data: { extractionStatus: "FAILED", extractionError: reason } });
  }
}

function friendlyReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Already written for the uploader, and may mention encryption without being a PDF.
  if (error instanceof OfficeFileError) return message.slice(0, 500);
  if (error instanceof SyntaxError) return `The file is not valid JSON: ${message}`.slice(0, 500);
  if (/password|encrypt/i.test(message)) return "The PDF is encrypted or password-protected.";
  if (/Invalid PDF|PDF header|XRef/i.test(message)) return `The PDF is damaged or not readable: ${message}`.slice(0, 500);
  return message.slice(0, 500);
}

// Exhibits left QUEUED or RUNNING by a crash, a lost enqueue or the demo seed; the worker re-sends
// them at start. The singleton key stops a second job for an exhibit whose job is still queued.
export async function unsafeFindLostExtractions(): Promise<{ data: { exhibitId: string }; singletonKey: string }[]> {
  const stale = await db.exhibit.findMany({
    where: { extractionStatus: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true },
    take: 10_000,
  });
  return stale.map((e) => ({ data: { exhibitId: e.id }, singletonKey: e.id }));
}
