// The files a complaint is imported from. Kept apart from the splitter so a page or use case can
// check a media type without loading pdf.js.
export const COMPLAINT_MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
