import { outranks } from "@/lib/analyzer/kb/sdk-signatures";
import type { ApkSdkMatch, SdkSignature } from "./types";

// Matches class names to SDK signatures by Java package prefix, on package boundaries only: the
// prefix com.umeng matches com.umeng.Foo and com.umeng.analytics.Bar, never com.umengx.Foo. When
// prefixes nest (com.tencent and com.tencent.bugly), a class counts once: for the best layer's
// signature, and within a layer for the longest (see matchSdkSignature).

const EXAMPLES = 5;

const normalisePrefix = (prefix: string) => prefix.trim().replaceAll("/", ".").replace(/\.+$/, "").replace(/^\.+/, "");

export class SdkMatcher {
  private readonly byPrefix = new Map<string, SdkSignature & { prefix: string }>();
  private readonly found = new Map<string, { topLevel: string[]; inner: string[]; count: number; dexOf: Map<string, string> }>();

  constructor(signatures: SdkSignature[]) {
    for (const signature of signatures) {
      const prefix = normalisePrefix(signature.prefix);
      // The first signature for a prefix wins; the knowledge base lists its own rows first.
      if (prefix && !this.byPrefix.has(prefix)) this.byPrefix.set(prefix, { ...signature, prefix });
    }
  }

  /** The signature for `className` among its package-boundary prefixes: best layer, then longest. */
  match(className: string): (SdkSignature & { prefix: string }) | null {
    if (this.byPrefix.size === 0) return null;
    let best: (SdkSignature & { prefix: string }) | null = null;
    for (let end = className.length; end > 0; end = className.lastIndexOf(".", end - 1)) {
      const signature = this.byPrefix.get(end === className.length ? className : className.slice(0, end));
      if (signature && (!best || outranks(signature, best))) best = signature;
    }
    return best;
  }

  /** `dexFile` names the DEX file that defines the class, so an example can be cited where it is. */
  add(className: string, dexFile = ""): void {
    const signature = this.match(className);
    if (!signature) return;
    let found = this.found.get(signature.prefix);
    if (!found) this.found.set(signature.prefix, (found = { topLevel: [], inner: [], count: 0, dexOf: new Map() }));
    found.count++;
    // Examples read best as top-level classes; inner classes (Foo$1) fill in only when there are too few.
    const bucket = className.includes("$") ? found.inner : found.topLevel;
    if (bucket.length < EXAMPLES) {
      bucket.push(className);
      found.dexOf.set(className, dexFile);
    }
  }

  results(): ApkSdkMatch[] {
    return [...this.found]
      .map(([prefix, found]) => {
        const signature = this.byPrefix.get(prefix)!;
        const classes = [...found.topLevel.sort(), ...found.inner.sort()].slice(0, EXAMPLES);
        return {
          prefix,
          organisation: signature.organisation,
          sdk: signature.sdk,
          classes,
          classDexFiles: classes.map((c) => found.dexOf.get(c) ?? ""),
          classCount: found.count,
        };
      })
      .sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  }
}
