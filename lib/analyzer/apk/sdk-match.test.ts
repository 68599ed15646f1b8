import { describe, expect, it } from "vitest";
import { SdkMatcher } from "./sdk-match";

const signatures = [
  { prefix: "com.umeng", organisation: "Umeng (Alibaba)", sdk: "Umeng" },
  { prefix: "com.tencent", organisation: "Tencent", sdk: "Tencent (other)" },
  { prefix: "com.tencent.bugly", organisation: "Tencent", sdk: "Bugly" },
  { prefix: "com/baidu/android/pushservice/", organisation: "Baidu", sdk: "Baidu Push" },
  { prefix: "com.igexin.", organisation: "Getui", sdk: "Getui / Igexin" },
];

const matchOf = (className: string) => new SdkMatcher(signatures).match(className)?.prefix ?? null;

describe("SdkMatcher", () => {
  it("matches on package boundaries only", () => {
    expect(matchOf("com.umeng.analytics.MobclickAgent")).toBe("com.umeng");
    expect(matchOf("com.umeng.Foo")).toBe("com.umeng");
    expect(matchOf("com.umeng")).toBe("com.umeng");
    // Near misses: a longer package name, a shorter one, a different case, a suffix.
    expect(matchOf("com.umengx.analytics.Foo")).toBeNull();
    expect(matchOf("com.umen.Foo")).toBeNull();
    expect(matchOf("com.Umeng.Foo")).toBeNull();
    expect(matchOf("org.com.umeng.Foo")).toBeNull();
    expect(matchOf("com.umeng$Inner")).toBeNull();
  });

  it("prefers the longest prefix when prefixes nest", () => {
    expect(matchOf("com.tencent.bugly.crashreport.CrashReport")).toBe("com.tencent.bugly");
    expect(matchOf("com.tencent.buglyx.Foo")).toBe("com.tencent");
    expect(matchOf("com.tencent.mm.opensdk.Api")).toBe("com.tencent");
  });

  it("lets a lower layer's narrower prefix name only what our own rows do not cover", () => {
    const layered = new SdkMatcher([
      ...signatures,
      { prefix: "com.umeng.analytics", organisation: "Umeng", sdk: "Umeng Analytics", layer: "EXODUS" as const },
      { prefix: "com.adjust.sdk", organisation: "Adjust", sdk: "Adjust", layer: "EXODUS" as const },
    ]);
    expect(layered.match("com.umeng.analytics.MobclickAgent")).toMatchObject({ prefix: "com.umeng", organisation: "Umeng (Alibaba)" });
    expect(layered.match("com.adjust.sdk.Adjust")).toMatchObject({ prefix: "com.adjust.sdk", layer: "EXODUS" });
    // Within one layer the longest prefix still wins.
    expect(layered.match("com.tencent.bugly.crashreport.CrashReport")?.prefix).toBe("com.tencent.bugly");
  });

  it("accepts prefixes written with slashes or a trailing dot", () => {
    expect(matchOf("com.baidu.android.pushservice.PushManager")).toBe("com.baidu.android.pushservice");
    expect(matchOf("com.baidu.android.pushserviceX.Foo")).toBeNull();
    expect(matchOf("com.igexin.sdk.PushManager")).toBe("com.igexin");
  });

  it("counts classes per SDK with up to five examples, top-level classes first", () => {
    const matcher = new SdkMatcher(signatures);
    const classes = ["com.umeng.a.A$1", "com.umeng.a.A$2", ...["F", "E", "D", "C", "B", "A"].map((c) => `com.umeng.x.${c}`), "com.tencent.bugly.B", "com.tencent.bugly.A$1", "com.umengx.Nope"];
    for (const c of classes) matcher.add(c);
    expect(matcher.results()).toEqual([
      { prefix: "com.tencent.bugly", organisation: "Tencent", sdk: "Bugly", classes: ["com.tencent.bugly.B", "com.tencent.bugly.A$1"], classDexFiles: ["", ""], classCount: 2 },
      { prefix: "com.umeng", organisation: "Umeng (Alibaba)", sdk: "Umeng", classes: ["com.umeng.x.B", "com.umeng.x.C", "com.umeng.x.D", "com.umeng.x.E", "com.umeng.x.F"], classDexFiles: ["", "", "", "", ""], classCount: 8 },
    ]);
  });

  it("matches nothing with no signatures, and keeps the first of two signatures for one prefix", () => {
    expect(new SdkMatcher([]).match("com.umeng.Foo")).toBeNull();
    const matcher = new SdkMatcher([
      { prefix: "com.umeng", organisation: "Ours", sdk: "Umeng" },
      { prefix: "com.umeng", organisation: "Imported", sdk: "Umeng" },
    ]);
    expect(matcher.match("com.umeng.Foo")?.organisation).toBe("Ours");
  });
});
