// Proofline's own curated tracker facts (layer OURS): which organisation stands behind a domain,
// its parent, the parent's headquarters country, and what the service does. Written for
// Proofline from the public sources named on each row. Facts cannot be checked online from this
// build, so `checkedOn` stays blank until a person confirms a row against its source: a blank is
// a fact to complete, never a guess presented as checked.
//
// `domain` is a host suffix: a registrable domain ("umeng.com") or a host below one
// ("bugly.qq.com"); the longest suffix that covers a request's host wins.

export const TRACKER_CATEGORIES = ["ANALYTICS", "CRASH_REPORTING", "PUSH", "ADS", "APP_BACKEND"] as const;
export type TrackerCategory = (typeof TRACKER_CATEGORIES)[number];

export const TRACKER_CATEGORY_LABELS: Record<TrackerCategory, string> = {
  ANALYTICS: "analytics",
  CRASH_REPORTING: "crash reporting",
  PUSH: "push messaging",
  ADS: "advertising / attribution",
  APP_BACKEND: "app backend",
};

// Who said it: our own rows win over an imported CSV, which wins over the Exodus Privacy layer
// (ODbL, kept separate and attributed). Disconnect, DuckDuckGo Tracker Radar and Ghostery data are
// CC BY-NC-SA and are never imported.
export const KB_LAYERS = ["OURS", "IMPORTED_CSV", "EXODUS"] as const;
export type KbLayer = (typeof KB_LAYERS)[number];

export type TrackerDomainFact = {
  domain: string;
  organisation: string;
  parent: string | null;
  // ISO 3166-1 alpha-2 of the parent's headquarters (not where a server stands).
  country: string | null;
  category: TrackerCategory;
  source: string;
  checkedOn: string | null;
  layer: KbLayer;
};

const HONG_COMPLAINT = "Complaint, Hong v. ByteDance Inc., No. 5:19-cv-07792 (N.D. Cal. filed Nov. 27, 2019), ECF No. 1";

function ours(domain: string, organisation: string, parent: string | null, country: string | null, category: TrackerCategory, source: string): TrackerDomainFact {
  return { domain, organisation, parent, country, category, source, checkedOn: null, layer: "OURS" };
}

export const CURATED_TRACKER_DOMAINS: readonly TrackerDomainFact[] = [
  // Umeng (友盟+), Alibaba Group's mobile analytics and push service.
  ours("umeng.com", "Umeng", "Alibaba Group", "CN", "ANALYTICS", `https://www.umeng.com/ (about page: an Alibaba Group company); ${HONG_COMPLAINT}`),
  ours("umeng.co", "Umeng", "Alibaba Group", "CN", "ANALYTICS", "https://www.umeng.com/ (SDK endpoints documented for the Umeng+ SDK)"),
  ours("umengcloud.com", "Umeng", "Alibaba Group", "CN", "ANALYTICS", "https://developer.umeng.com/docs (Umeng+ SDK integration guide, network endpoints)"),
  ours("umsns.com", "Umeng", "Alibaba Group", "CN", "ANALYTICS", "https://developer.umeng.com/docs (Umeng share SDK)"),
  // Tencent: qq.com as a whole, Bugly crash reporting specifically.
  ours("qq.com", "Tencent", "Tencent Holdings", "CN", "APP_BACKEND", "https://www.tencent.com/en-us/about.html"),
  ours("bugly.qq.com", "Tencent Bugly", "Tencent Holdings", "CN", "CRASH_REPORTING", `https://bugly.qq.com/ ; ${HONG_COMPLAINT}`),
  ours("android.bugly.qq.com", "Tencent Bugly", "Tencent Holdings", "CN", "CRASH_REPORTING", "https://bugly.qq.com/docs/ (Android SDK upload endpoint)"),
  // Getui (个推, Zhejiang Meiri Interactive Network Technology), formerly Igexin.
  ours("igexin.com", "Getui", "Zhejiang Meiri Interactive Network Technology Co.", "CN", "PUSH", `https://www.getui.com/ (Igexin is Getui's former name); ${HONG_COMPLAINT}`),
  ours("getui.com", "Getui", "Zhejiang Meiri Interactive Network Technology Co.", "CN", "PUSH", "https://www.getui.com/"),
  ours("getui.net", "Getui", "Zhejiang Meiri Interactive Network Technology Co.", "CN", "PUSH", "https://docs.getui.com/ (SDK network endpoints)"),
  // Baidu: push and mobile statistics hosts; the rest of baidu.com as Baidu's own services.
  ours("baidu.com", "Baidu", "Baidu, Inc.", "CN", "APP_BACKEND", "https://ir.baidu.com/company-overview"),
  ours("push.baidu.com", "Baidu Cloud Push", "Baidu, Inc.", "CN", "PUSH", `https://push.baidu.com/ ; ${HONG_COMPLAINT}`),
  ours("api.tuisong.baidu.com", "Baidu Cloud Push", "Baidu, Inc.", "CN", "PUSH", "https://push.baidu.com/doc/ (Android SDK endpoints)"),
  ours("mtj.baidu.com", "Baidu Mobile Statistics", "Baidu, Inc.", "CN", "ANALYTICS", "https://mtj.baidu.com/ (百度移动统计)"),
  ours("hmma.baidu.com", "Baidu Mobile Statistics", "Baidu, Inc.", "CN", "ANALYTICS", "https://mtj.baidu.com/ (statistics upload host)"),
  // ByteDance, the defendant: the app's own backend and CDN domains.
  ours("tiktokv.com", "TikTok", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/ ; TikTok Android app network traffic (API host)"),
  ours("tiktokcdn.com", "TikTok", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/ ; TikTok content delivery host"),
  ours("musical.ly", "musical.ly", "ByteDance Ltd.", "CN", "APP_BACKEND", `https://www.bytedance.com/en/ (musical.ly acquired 2017, merged into TikTok 2018); ${HONG_COMPLAINT}`),
  ours("byteoversea.com", "ByteDance", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/ (overseas infrastructure domain)"),
  ours("bytedance.com", "ByteDance", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/"),
  ours("snssdk.com", "ByteDance", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/ (SDK and log hosts of ByteDance apps)"),
  ours("pstatp.com", "ByteDance", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/ (static content host of ByteDance apps)"),
  ours("byteimg.com", "ByteDance", "ByteDance Ltd.", "CN", "APP_BACKEND", "https://www.bytedance.com/en/ (image CDN of ByteDance apps)"),
  // Western services, for contrast.
  ours("google-analytics.com", "Google Analytics", "Alphabet Inc.", "US", "ANALYTICS", "https://marketingplatform.google.com/about/analytics/"),
  ours("app-measurement.com", "Google Analytics for Firebase", "Alphabet Inc.", "US", "ANALYTICS", "https://firebase.google.com/docs/analytics"),
  ours("firebaseio.com", "Firebase", "Alphabet Inc.", "US", "APP_BACKEND", "https://firebase.google.com/docs/database"),
  ours("firebaseinstallations.googleapis.com", "Firebase Installations", "Alphabet Inc.", "US", "APP_BACKEND", "https://firebase.google.com/docs/projects/manage-installations"),
  ours("firebase-settings.crashlytics.com", "Firebase Crashlytics", "Alphabet Inc.", "US", "CRASH_REPORTING", "https://firebase.google.com/docs/crashlytics"),
  ours("crashlytics.com", "Firebase Crashlytics", "Alphabet Inc.", "US", "CRASH_REPORTING", "https://firebase.google.com/docs/crashlytics"),
  ours("doubleclick.net", "Google Marketing Platform", "Alphabet Inc.", "US", "ADS", "https://marketingplatform.google.com/"),
  ours("googleadservices.com", "Google Ads", "Alphabet Inc.", "US", "ADS", "https://ads.google.com/"),
  ours("facebook.com", "Facebook", "Meta Platforms, Inc.", "US", "APP_BACKEND", "https://about.meta.com/"),
  ours("graph.facebook.com", "Facebook Graph API", "Meta Platforms, Inc.", "US", "ADS", "https://developers.facebook.com/docs/graph-api/ (app events are sent to graph.facebook.com)"),
  ours("appsflyer.com", "AppsFlyer", "AppsFlyer Ltd.", "IL", "ADS", "https://www.appsflyer.com/company/"),
  ours("adjust.com", "Adjust", "AppLovin Corporation", "US", "ADS", "https://www.adjust.com/company/ (acquired by AppLovin in 2021)"),
];
