import { HAR_ANALYZER_VERSION } from "@/lib/analyzer/har/analyze-har";

// Exhibit media types the capture analyzer reads (detect-type.ts decides them on upload).
export const ZHAR_MEDIA_TYPE = "application/x-har+zlib";
export const CAPTURE_TYPES: ReadonlySet<string> = new Set(["application/har+json", ZHAR_MEDIA_TYPE]);

export function isCaptureType(mediaType: string | null | undefined): boolean {
  return !!mediaType && CAPTURE_TYPES.has(mediaType);
}

export { HAR_ANALYZER_VERSION };
