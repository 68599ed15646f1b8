import "server-only";
import { layoutPdfPages } from "@/lib/complaint/pdf-layout";
import { proposeParagraph, type Proposal, type TrackerFact } from "@/lib/complaint/propose";
import { ComplaintFileError, readPdfPages } from "@/lib/complaint/read-pdf";
import { splitUnits } from "@/lib/complaint/split";
import type { SplitParagraph } from "@/lib/complaint/types";
import { COMPLAINT_MEDIA_TYPES } from "@/lib/server/complaints/complaint-media-types";
import { readDocxComplaint } from "@/lib/server/complaints/read-docx-complaint";
import { OfficeFileError } from "@/lib/server/exhibits/ooxml-package";

export { COMPLAINT_MEDIA_TYPES };

export type ProposedParagraph = SplitParagraph & { proposal: Proposal };
export type SplitComplaintFile = { pages: number; paragraphs: ProposedParagraph[]; pageTexts: string[] | null };

// The media type from the bytes themselves: a PDF starts with its header, a DOCX is a ZIP.
export function complaintMediaType(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return COMPLAINT_MEDIA_TYPES.pdf;
  if (head.startsWith("PK\u0003\u0004")) return COMPLAINT_MEDIA_TYPES.docx;
  return null;
}

// Bytes in, ¶s with proposals out: no database, no storage, no configuration, so it runs the same
// in the CLI, the bench and the parser sandbox. Refusals are ComplaintFileError, written for the user.
export async function splitComplaintFile(mediaType: string, bytes: Buffer, trackers?: TrackerFact[]): Promise<SplitComplaintFile> {
  let pages: number;
  let paragraphs: SplitParagraph[];
  let pageTexts: string[] | null = null;
  if (mediaType === COMPLAINT_MEDIA_TYPES.pdf) {
    const positioned = await readPdfPages(bytes);
    const units = layoutPdfPages(positioned);
    pages = positioned.length;
    paragraphs = splitUnits(units);
    // The text of each page as the splitter read it (headers, footers and footnotes left out), for
    // the review page to show beside the proposals.
    pageTexts = positioned.map((p) => units.filter((u) => u.page === p.page).map((u) => (u.line === null ? u.text : `${String(u.line).padStart(2)}  ${u.text}`)).join("\n"));
  } else if (mediaType === COMPLAINT_MEDIA_TYPES.docx) {
    try {
      const docx = await readDocxComplaint(bytes);
      pages = docx.pages;
      paragraphs = splitUnits(docx.units);
    } catch (error) {
      if (error instanceof OfficeFileError) throw new ComplaintFileError(error.message);
      throw error;
    }
  } else {
    throw new ComplaintFileError("A complaint is imported from a PDF with a text layer or a Word document (.docx).");
  }
  if (paragraphs.length === 0) throw new ComplaintFileError("No numbered paragraphs were found; is this a complaint with numbered ¶s?");
  return { pages, pageTexts, paragraphs: paragraphs.map((p) => ({ ...p, proposal: proposeParagraph(p, trackers) })) };
}
