import "server-only";
import { createHash } from "node:crypto";
import type { AddressObject } from "mailparser";
import { harToText, htmlToText, jsonToText, splitIntoParts } from "@/lib/exhibit-files/text-pages";
import { extractDocxText } from "@/lib/server/exhibits/extract-docx-text";
import { extractPptxPages } from "@/lib/server/exhibits/extract-pptx-text";
import { extractXlsxPages } from "@/lib/server/exhibits/extract-xlsx-text";
import { OfficeFileError } from "@/lib/server/exhibits/ooxml-package";

// The parse step of text extraction: bytes in, pages out, nothing else. It runs inside the parser
// sandbox (lib/server/sandbox), a worker thread with its own memory cap, so it must not touch the
// database, the blob store or the configuration.

export type ExtractedText = {
  pages: string[];
  // Page count of a paginated original (PDF); null when pages are our own parts of a text.
  pageCount: number | null;
  email?: EmailHeaders;
};

export type EmailAttachment = { fileName: string | null; mediaType: string; size: number; sha256: string };

// What an e-mail's own headers say, for the privilege log: To and Cc apart, the attachments inside.
export type EmailHeaders = {
  author: string | null;
  recipients: string | null;
  cc: string | null;
  date: Date | null;
  subject: string | null;
  attachments: EmailAttachment[];
};

export async function extractFileText(mediaType: string, bytes: Buffer): Promise<ExtractedText> {
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
      const to = people(mail.to).join("; ");
      const cc = people(mail.cc).join("; ");
      const from = people(mail.from).join("; ") || null;
      const subject = mail.subject?.trim() || null;
      const header = [`From: ${from ?? ""}`, `To: ${to}`, ...(cc ? [`Cc: ${cc}`] : []), `Date: ${mail.date?.toISOString() ?? ""}`, `Subject: ${subject ?? ""}`].join("\n");
      const attachments = mail.attachments.map((a) => `Attachment: ${a.filename ?? "(unnamed)"} (${a.contentType}, ${a.size} bytes)`).join("\n");
      return {
        pages: splitIntoParts([header, mail.text ?? (mail.html ? htmlToText(mail.html) : ""), attachments].filter(Boolean).join("\n\n")),
        pageCount: null,
        email: {
          author: from,
          recipients: to || null,
          cc: cc || null,
          date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
          subject,
          attachments: mail.attachments.map((a) => ({
            fileName: a.filename ?? null,
            mediaType: a.contentType,
            size: a.size,
            sha256: createHash("sha256").update(a.content).digest("hex"),
          })),
        },
      };
    }
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return { pages: splitIntoParts(await extractDocxText(bytes)), pageCount: null };
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

// The reason shown on the exhibit when parsing fails.
export function extractionFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Already written for the uploader, and may mention encryption without being a PDF.
  if (error instanceof OfficeFileError) return message.slice(0, 500);
  if (error instanceof SyntaxError) return `The file is not valid JSON: ${message}`.slice(0, 500);
  if (/password|encrypt/i.test(message)) return "The PDF is encrypted or password-protected.";
  if (/Invalid PDF|PDF header|XRef/i.test(message)) return `The PDF is damaged or not readable: ${message}`.slice(0, 500);
  return message.slice(0, 500);
}
