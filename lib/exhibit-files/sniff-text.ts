// Text formats have no magic bytes: they are recognised by being valid UTF-8 without NULs, then
// told apart by their content (HAR, JSON, e-mail, HTML) or, for CSV and plain text, the name.

export type TextType = {
  mediaType: "application/har+json" | "application/json" | "message/rfc822" | "text/html" | "text/csv" | "text/plain";
  kind: "NETWORK_CAPTURE" | "TEXT" | "EMAIL" | "DOCUMENT" | "SPREADSHEET";
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

// `complete` is false when `head` is only the start of the file: a multi-byte character may be
// cut at the end, which is not an encoding error.
export function isUtf8Text(head: Uint8Array, complete: boolean): boolean {
  if (head.includes(0)) return false;
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      utf8.decode(head.subarray(0, head.byteLength - cut));
      return true;
    } catch {
      // try with the possibly cut trailing character removed
    }
  }
  return false;
}

const EMAIL_HEADERS = /^(received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|x-[a-z-]+):/im;

export function classifyText(text: string, extension: string): TextType {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (body.startsWith("{") || body.startsWith("[")) {
    if (extension === "har" || /^\{\s*"log"\s*:\s*\{/.test(body)) return { mediaType: "application/har+json", kind: "NETWORK_CAPTURE" };
    return { mediaType: "application/json", kind: "TEXT" };
  }
  if (/^<!doctype html|^<html[\s>]/i.test(body)) return { mediaType: "text/html", kind: "DOCUMENT" };
  const firstLines = body.split(/\r?\n/, 8);
  if (extension === "eml" || (firstLines.filter((l) => EMAIL_HEADERS.test(l)).length >= 2 && /^[A-Za-z-]+:/.test(firstLines[0] ?? ""))) {
    return { mediaType: "message/rfc822", kind: "EMAIL" };
  }
  if (extension === "csv" || extension === "tsv") return { mediaType: "text/csv", kind: "SPREADSHEET" };
  return { mediaType: "text/plain", kind: "TEXT" };
}
