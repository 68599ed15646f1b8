// SDK signatures: a Java package prefix found in an app's DEX code names the SDK that ships it.
// Part of the tracker knowledge base (its version covers these rows); the APK analyzer
// (lib/analyzer/apk/) receives them as data. A prefix matches the package itself and every
// package below it ("com.umeng" matches com.umeng.analytics.MobclickAgent, not com.umengx).
// Stored rows (the admin's KB page, the Exodus Privacy import) also carry their layer, category
// and source; the curated rows below are layer OURS.
import type { KbLayer, TrackerCategory } from "@/lib/analyzer/kb/tracker-domains";

export type SdkSignature = { prefix: string; organisation: string; sdk: string; category?: TrackerCategory | null; layer?: KbLayer; source?: string };

export const SDK_SIGNATURES: readonly SdkSignature[] = [
  { prefix: "com.umeng", organisation: "Umeng (Alibaba Group)", sdk: "Umeng analytics / push" },
  { prefix: "com.tencent.bugly", organisation: "Tencent", sdk: "Tencent Bugly crash reporting" },
  { prefix: "com.tencent.mm.opensdk", organisation: "Tencent", sdk: "WeChat Open SDK" },
  { prefix: "com.baidu.android.pushservice", organisation: "Baidu", sdk: "Baidu Cloud Push" },
  { prefix: "com.baidu.mobstat", organisation: "Baidu", sdk: "Baidu Mobile Statistics" },
  { prefix: "com.baidu.location", organisation: "Baidu", sdk: "Baidu Location" },
  { prefix: "com.igexin", organisation: "Getui (Zhejiang Meiri Interactive)", sdk: "Getui push (Igexin)" },
  { prefix: "com.getui", organisation: "Getui (Zhejiang Meiri Interactive)", sdk: "Getui push" },
  { prefix: "com.google.firebase", organisation: "Google", sdk: "Firebase" },
  { prefix: "com.google.firebase.crashlytics", organisation: "Google", sdk: "Firebase Crashlytics" },
  { prefix: "com.crashlytics", organisation: "Google", sdk: "Crashlytics (Fabric)" },
  { prefix: "com.google.android.gms.ads", organisation: "Google", sdk: "Google Mobile Ads (AdMob)" },
  { prefix: "com.google.android.gms.analytics", organisation: "Google", sdk: "Google Analytics" },
  { prefix: "com.facebook", organisation: "Meta Platforms", sdk: "Facebook SDK" },
  { prefix: "com.appsflyer", organisation: "AppsFlyer", sdk: "AppsFlyer attribution" },
  { prefix: "com.adjust", organisation: "Adjust (AppLovin)", sdk: "Adjust attribution" },
  { prefix: "com.bytedance", organisation: "ByteDance", sdk: "ByteDance SDKs" },
  { prefix: "com.ss.android", organisation: "ByteDance", sdk: "ByteDance (ss.android) SDKs" },
  { prefix: "com.bytedance.sdk.openadsdk", organisation: "ByteDance", sdk: "Pangle ads" },
];

// The signature that covers a class or package name, or null: the best layer first (our sourced
// rows over an imported CSV over the Exodus layer), then the longest prefix within it. A lower
// layer's narrower prefix (Exodus com.umeng.analytics) must not replace our attribution of the
// whole package (com.umeng → Umeng, Alibaba Group, with its source); it names only what no better
// layer covers.
export function matchSdkSignature(className: string, signatures: readonly SdkSignature[] = SDK_SIGNATURES): SdkSignature | null {
  let best: SdkSignature | null = null;
  for (const signature of signatures) {
    const covers = className === signature.prefix || className.startsWith(`${signature.prefix}.`);
    if (covers && (!best || outranks(signature, best))) best = signature;
  }
  return best;
}

/** True when `a` should name a class both signatures cover: better layer, then longer prefix. */
export function outranks(a: SdkSignature, b: SdkSignature): boolean {
  const ra = signatureLayerRank(a);
  const rb = signatureLayerRank(b);
  return ra !== rb ? ra < rb : a.prefix.length > b.prefix.length;
}

export const signatureLayerRank = (signature: SdkSignature) => SIGNATURE_LAYER_RANK[signature.layer ?? "OURS"];

const SIGNATURE_LAYER_RANK: Record<KbLayer, number> = { OURS: 1, IMPORTED_CSV: 2, EXODUS: 3 };

// One signature per prefix: the best layer wins (ours over imports); on a tie the earlier row,
// so stored rows listed before the curated ones replace a curated row of the same prefix.
export function mergeSdkSignatures(signatures: readonly SdkSignature[]): SdkSignature[] {
  const byPrefix = new Map<string, SdkSignature>();
  for (const signature of signatures) {
    const held = byPrefix.get(signature.prefix);
    if (!held || signatureLayerRank(signature) < signatureLayerRank(held)) byPrefix.set(signature.prefix, signature);
  }
  return [...byPrefix.values()];
}
