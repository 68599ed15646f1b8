import { describe, expect, it } from "vitest";
import { HostCollector, MAX_HOSTS, normaliseHost } from "./hosts";
import { testRegistrableDomain } from "./testing/registrable-domain";

const hostsIn = (...strings: string[]) => {
  const collector = new HostCollector(testRegistrableDomain);
  for (const s of strings) collector.scan(s);
  return collector.results();
};
const names = (...strings: string[]) => hostsIn(...strings).map((h) => h.host);

describe("HostCollector", () => {
  it("takes the host of every URL, with its registrable domain", () => {
    expect(hostsIn("https://alog.umeng.com/app_logs?x=1", "HTTP://Bugly.QQ.com:8080/rqd/async", "wss://push.example.org", "ftp://user:pw@files.example.net/x")).toEqual([
      { host: "alog.umeng.com", registrableDomain: "umeng.com" },
      { host: "bugly.qq.com", registrableDomain: "qq.com" },
      { host: "files.example.net", registrableDomain: "example.net" },
      { host: "push.example.org", registrableDomain: "example.org" },
    ]);
  });

  it("keeps a URL's host with an unknown suffix or an IP address, without a registrable domain", () => {
    expect(hostsIn("http://10.0.0.1:8080/api", "http://intranet.corp/x")).toEqual([
      { host: "10.0.0.1", registrableDomain: null },
      { host: "intranet.corp", registrableDomain: null },
    ]);
  });

  it("finds several URLs in one string and bare hosts inside text", () => {
    expect(names('{"a":"https://sdk.open.talk.igexin.com/api","b":"http://plbslog.umeng.com/"} mail stat@umeng.com or see bugly.qq.com.')).toEqual([
      "bugly.qq.com",
      "plbslog.umeng.com",
      "sdk.open.talk.igexin.com",
      "umeng.com",
    ]);
  });

  it("takes a bare host only when its suffix is known", () => {
    expect(names("api.getui.net", "umeng.com", "sha256/AAAA= *.igexin.com")).toEqual(["api.getui.net", "igexin.com", "umeng.com"]);
    expect(names("settings.json", "layout.xml", "foo.unknowntld", "version.1")).toEqual([]);
  });

  it("does not take Java package and class names, file names or mixed-case identifiers for hosts", () => {
    expect(
      names(
        "java.net",
        "android.app",
        "com.google.android.gms.ads",
        "io.sentry.android.core",
        "org.apache.http.impl.client",
        "libumeng.so",
        "setup.py",
        "com.umeng.analytics.MobclickAgent",
        "MobclickAgent.umeng.com",
        "R.string.app_name",
        "a.b",
      ),
    ).toEqual([]);
  });

  it("normalises host names and refuses what cannot be one", () => {
    expect(normaliseHost("Bugly.QQ.com.")).toBe("bugly.qq.com");
    expect(normaliseHost("*.umeng.com")).toBe("umeng.com");
    expect(normaliseHost("%s")).toBeNull();
    expect(normaliseHost("-bad.example.com")).toBeNull();
    expect(normaliseHost(`${"a".repeat(64)}.com`)).toBeNull();
    expect(normaliseHost("[::1]")).toBeNull();
  });

  it("ends a URL's host at punctuation", () => {
    expect(names("see http://umeng.com, or (https://bugly.qq.com) and http://%s/x and https://${host}/")).toEqual(["bugly.qq.com", "umeng.com"]);
  });

  it("scans pathological strings in bounded work per match (a run of URL schemes, a long dotted run)", () => {
    expect(names("http://".repeat(300_000))).toEqual([]);
    expect(names(`${"a.".repeat(500_000)}com`)).toEqual([]);
    expect(names(`http://${"a".repeat(1_000_000)}`)).toEqual([]);
  });

  it("stops collecting at its cap", () => {
    const collector = new HostCollector(testRegistrableDomain);
    for (let i = 0; i < MAX_HOSTS + 10; i++) collector.scan(`https://h${i}.example.com/`);
    expect(collector.results()).toHaveLength(MAX_HOSTS);
  });
});
