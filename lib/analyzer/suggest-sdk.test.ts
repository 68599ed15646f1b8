import { describe, expect, it } from "vitest";
import { coversPackage, matchEmbeddedSdk, sdkPinCite } from "@/lib/analyzer/suggest-sdk";

const baidu = { prefix: "com.baidu.android.pushservice", classes: ["com.baidu.android.pushservice.PushManager"], classDexFiles: ["classes2.dex"] };

describe("SDK_EMBEDDED matching", () => {
  it("matches on package boundaries only", () => {
    expect(coversPackage("com.baidu", "com.baidu.android.pushservice")).toBe(true);
    expect(coversPackage("com.baidu", "com.baiduX.push")).toBe(false);
  });

  it("names the DEX file and an example class the allegation's prefix covers", () => {
    const m = matchEmbeddedSdk(["com.igexin", "com.baidu"], baidu);
    expect(m).toEqual({ allegationPrefix: "com.baidu", exampleClass: "com.baidu.android.pushservice.PushManager", dexFile: "classes2.dex" });
    expect(sdkPinCite("PX-0009", m!)).toBe("PX-0009, classes2.dex, com.baidu.android.pushservice.PushManager");
  });

  it("a narrower allegation prefix needs a class under it; none means no match", () => {
    const tencent = { prefix: "com.tencent", classes: ["com.tencent.mm.A", "com.tencent.bugly.B"], classDexFiles: ["classes.dex", "classes3.dex"] };
    expect(matchEmbeddedSdk(["com.tencent.bugly"], tencent)).toMatchObject({ exampleClass: "com.tencent.bugly.B", dexFile: "classes3.dex" });
    expect(matchEmbeddedSdk(["com.tencent.qq"], tencent)).toBeNull();
    expect(matchEmbeddedSdk([], baidu)).toBeNull();
  });

  it("an analysis from before DEX files were recorded cites the class alone", () => {
    const m = matchEmbeddedSdk(["com.baidu"], { prefix: baidu.prefix, classes: baidu.classes });
    expect(sdkPinCite("PX-0009", m!)).toBe("PX-0009, com.baidu.android.pushservice.PushManager");
  });
});
