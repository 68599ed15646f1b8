import { HAR_ANALYZER_VERSION } from "@/lib/analyzer/har/analyze-har";

// Exhibit media types the capture analyzer reads (detect-type.ts decides them on upload).
export const ZHAR_MEDIA_TYPE = "application/x-har+zlib";
export const CAPTURE_TYPES: ReadonlySet<string> = new Set(["application/har+json", ZHAR_MEDIA_TYPE]);

export function isCaptureType(mediaType: string | null | undefined): boolean {
  return !!mediaType && CAPTURE_TYPES.has(mediaType);
}

export { HAR_ANALYZER_VERSION };

// Android packages are read by the APK analyzer (lib/analyzer/apk); its version is recorded with
// each run so findings stay tied to the code that produced them.
export const APK_MEDIA_TYPE = "application/vnd.android.package-archive";
export const APK_ANALYZER_VERSION = "apk-2";

export function isApkType(mediaType: string | null | undefined): boolean {
  return mediaType === APK_MEDIA_TYPE;
}
