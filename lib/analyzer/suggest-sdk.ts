import type { ApkSdkMatch } from "@/lib/analyzer/apk/types";

// A Java package prefix as the knowledge base writes it: dots, no leading or trailing dot.
export const SDK_PREFIX_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

// True when `name` (a package prefix or class name) is `prefix` or lies below it, on package
// boundaries: com.baidu covers com.baidu.android.pushservice, never com.baiduX.
export function coversPackage(prefix: string, name: string): boolean {
  return name === prefix || name.startsWith(`${prefix}.`);
}

export type SdkSuggestionMatch = {
  /** The allegation's prefix that matched. */
  allegationPrefix: string;
  exampleClass: string;
  /** The DEX file defining the example class; null for analyses from before it was recorded. */
  dexFile: string | null;
};

// An SDK the APK analyzer matched supports an SDK_EMBEDDED allegation when one of the prefixes
// the allegation names covers the matched SDK's prefix (com.baidu → com.baidu.android.pushservice),
// or, for a narrower allegation prefix, covers one of its example classes. The example cited is the
// first class the allegation's prefix covers.
export function matchEmbeddedSdk(allegationPrefixes: readonly string[], sdk: Pick<ApkSdkMatch, "prefix" | "classes" | "classDexFiles">): SdkSuggestionMatch | null {
  for (const prefix of allegationPrefixes) {
    const index = coversPackage(prefix, sdk.prefix) ? (sdk.classes.length ? 0 : -1) : sdk.classes.findIndex((c) => coversPackage(prefix, c));
    if (index < 0 && !coversPackage(prefix, sdk.prefix)) continue;
    const exampleClass = index >= 0 ? sdk.classes[index]! : sdk.prefix;
    const dexFile = index >= 0 ? sdk.classDexFiles?.[index] || null : null;
    return { allegationPrefix: prefix, exampleClass, dexFile };
  }
  return null;
}

// "PX-0009, classes2.dex, com.umeng.analytics.MobclickAgent": where a reader finds the code.
export function sdkPinCite(exhibitLabel: string, match: Pick<SdkSuggestionMatch, "dexFile" | "exampleClass">): string {
  return [exhibitLabel, match.dexFile, match.exampleClass].filter(Boolean).join(", ").slice(0, 200);
}

// The decision key's rule for an SDK suggestion (SuggestionDecision.ruleId, entryIndex -1).
export const SDK_DECISION_ENTRY = -1;
export const sdkDecisionRule = (sdkPrefix: string) => `apk-sdk:${sdkPrefix}`;
