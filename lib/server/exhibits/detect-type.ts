import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/app-error";
import type { ExhibitKind } from "@/lib/generated/prisma/enums";
import { extensionOf } from "@/lib/exhibit-files/file-name";
import { classifyText, isUtf8Text } from "@/lib/exhibit-files/sniff-text";

export type DetectedType = { mediaType: string; kind: ExhibitKind; label: string };

// The allowlist, keyed by what the magic bytes say. Anything else that has magic bytes
// (executables, video, disk images…) is refused.
const BINARY: Record<string, DetectedType> = {
  "application/pdf": { mediaType: "application/pdf", kind: "DOCUMENT", label: "PDF" },
  "image/png": { mediaType: "image/png", kind: "IMAGE", label: "PNG image" },
  "image/jpeg": { mediaType: "image/jpeg", kind: "IMAGE", label: "JPEG image" },
  "image/gif": { mediaType: "image/gif", kind: "IMAGE", label: "GIF image" },
  "image/webp": { mediaType: "image/webp", kind: "IMAGE", label: "WebP image" },
  "image/tiff": { mediaType: "image/tiff", kind: "IMAGE", label: "TIFF image" },
  "image/heic": { mediaType: "image/heic", kind: "IMAGE", label: "HEIC image" },
  "application/zip": { mediaType: "application/zip", kind: "ARCHIVE", label: "ZIP archive" },
  "application/vnd.android.package-archive": { mediaType: "application/vnd.android.package-archive", kind: "APP_PACKAGE", label: "Android app (APK)" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    kind: "DOCUMENT",
    label: "Word document",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    kind: "SPREADSHEET",
    label: "Excel workbook",
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    kind: "DOCUMENT",
    label: "PowerPoint presentation",
  },
  // Legacy .doc/.xls/.ppt/.msg share the OLE compound-file container.
  "application/x-cfb": { mediaType: "application/x-cfb", kind: "DOCUMENT", label: "legacy Office file" },
};

// ZIP-based formats whose magic bytes are often just "ZIP" in the first 4 KiB: trust the name
// only to narrow a ZIP, never to widen anything else.
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const ZIP_NARROWING: Record<string, string> = {
  apk: "application/vnd.android.package-archive",
  docx: DOCX,
  xlsx: XLSX,
  pptx: PPTX,
};

// What each extension promises; a file whose bytes say otherwise is refused.
const EXPECTED_BY_EXTENSION: Record<string, string[]> = {
  pdf: ["application/pdf"],
  png: ["image/png"],
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  gif: ["image/gif"],
  webp: ["image/webp"],
  tif: ["image/tiff"],
  tiff: ["image/tiff"],
  heic: ["image/heic"],
  zip: ["application/zip"],
  apk: ["application/vnd.android.package-archive", "application/zip"],
  docx: [DOCX, "application/zip"],
  xlsx: [XLSX, "application/zip"],
  pptx: [PPTX, "application/zip"],
  doc: ["application/x-cfb"],
  xls: ["application/x-cfb"],
  ppt: ["application/x-cfb"],
  msg: ["application/x-cfb"],
  txt: ["text"],
  csv: ["text"],
  tsv: ["text"],
  json: ["text"],
  har: ["text"],
  eml: ["text"],
  html: ["text"],
  htm: ["text"],
  log: ["text"],
};

function unsupported(message: string): AppError {
  return new AppError("VALIDATION", message, { file: [message] });
}

// Decides from the first bytes what a file is. `complete` says `head` is the whole file.
export async function detectType(head: Buffer, fileName: string, complete: boolean): Promise<DetectedType> {
  const extension = extensionOf(fileName);
  // A .zhar is a HAR compressed with zlib (or gzip): no magic bytes of its own, so the name
  // decides, and the bytes must at least be a zlib or gzip stream.
  if (extension === "zhar") {
    const zlib = head.length >= 2 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    if (!zlib && !gzip) throw unsupported(`“${fileName}” is named like a compressed capture (.zhar) but is not zlib- or gzip-compressed.`);
    return { mediaType: "application/x-har+zlib", kind: "NETWORK_CAPTURE", label: "compressed HAR capture" };
  }
  const expected = EXPECTED_BY_EXTENSION[extension];
  const found = await fileTypeFromBuffer(head);

  if (found) {
    const detected = BINARY[found.mime];
    if (!detected) {
      throw unsupported(`“${fileName}” is a ${found.ext.toUpperCase()} file (${found.mime}), which is not an accepted exhibit type.`);
    }
    if (expected && !expected.includes(found.mime)) {
      throw unsupported(`“${fileName}” is named like a .${extension} file but its content is a ${detected.label}. Rename it or upload the right file.`);
    }
    const narrowed = found.mime === "application/zip" ? ZIP_NARROWING[extension] : undefined;
    return (narrowed && BINARY[narrowed]) || detected;
  }

  if (!isUtf8Text(head, complete)) {
    throw unsupported(`“${fileName}” is not a recognised type: accepted are PDF, images, text/CSV/JSON, HAR, e-mail (.eml), HTML, ZIP/APK and Office documents.`);
  }
  if (expected && !expected.includes("text")) {
    throw unsupported(`“${fileName}” is named like a .${extension} file but its content is plain text.`);
  }
  const text = classifyText(head.toString("utf8"), extension);
  return { ...text, label: text.mediaType };
}
