import "server-only";

// Media types the extraction job can read text from; other exhibits are NOT_APPLICABLE.
export const EXTRACTABLE_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "text/plain",
  "text/csv",
  "text/html",
  "application/json",
  "application/har+json",
  "message/rfc822",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
]);
