import type { ApkSpec } from "./apk-writer";

// The demo matter's test APK (Hong v. ByteDance): an app package that embeds the Chinese analytics,
// crash-reporting and push SDKs the complaint names, with their collection endpoints among its
// string constants. Everything here is made up for the demo; no real package is copied.

export const DEMO_PACKAGE = "com.example.tiktoklike";

const app = ["MainActivity", "App", "feed.FeedFragment", "feed.VideoPlayer", "upload.CameraActivity", "upload.UploadService", "profile.ProfileActivity", "net.ApiClient"].map(
  (c) => `${DEMO_PACKAGE}.${c}`,
);
const umeng = [
  "com.umeng.analytics.MobclickAgent",
  "com.umeng.analytics.MobclickAgent$EScenarioType",
  "com.umeng.analytics.pro.UMSysLocation",
  "com.umeng.commonsdk.UMConfigure",
  "com.umeng.commonsdk.statistics.common.DeviceConfig",
  "com.umeng.commonsdk.statistics.idtracking.ImeiTracker",
  "com.umeng.commonsdk.statistics.idtracking.MacTracker",
];
const bugly = [
  "com.tencent.bugly.crashreport.CrashReport",
  "com.tencent.bugly.crashreport.CrashReport$UserStrategy",
  "com.tencent.bugly.crashreport.common.info.DeviceInfo",
  "com.tencent.bugly.proguard.AppInfo",
];
const baidu = ["com.baidu.android.pushservice.PushManager", "com.baidu.android.pushservice.PushService", "com.baidu.android.pushservice.PushMessageReceiver"];
const igexin = ["com.igexin.sdk.PushManager", "com.igexin.sdk.PushService", "com.igexin.push.core.ServiceManager", "com.igexin.push.util.DeviceInfoUtils"];

export function demoApkSpec(): ApkSpec {
  return {
    manifest: {
      package: DEMO_PACKAGE,
      versionName: "30.1.4",
      versionCode: 300104,
      minSdk: 21,
      targetSdk: 34,
      permissions: [
        "android.permission.INTERNET",
        "android.permission.ACCESS_NETWORK_STATE",
        "android.permission.READ_PHONE_STATE",
        "android.permission.ACCESS_FINE_LOCATION",
        "android.permission.ACCESS_COARSE_LOCATION",
        "android.permission.CAMERA",
        "android.permission.RECORD_AUDIO",
        "android.permission.READ_CONTACTS",
        "android.permission.GET_ACCOUNTS",
      ],
    },
    dex: [
      {
        classes: [...app, ...umeng],
        strings: [
          "https://api.tiktoklike.example.com/v1/feed",
          "https://alog.umeng.com/app_logs",
          "https://ulogs.umeng.com/unify_logs",
          "plbslog.umeng.com",
          "imei",
          "android_id",
          "mac",
          "umeng_appkey",
        ],
      },
      {
        classes: [...bugly, ...baidu, ...igexin],
        strings: [
          "https://android.bugly.qq.com/rqd/async",
          "bugly.qq.com",
          "http://sdk.open.talk.igexin.com/api.php",
          "sdk.open.phone.igexin.com",
          "https://api.tuisong.baidu.com/rest/3.0/",
          "hm.baidu.com",
          "channel_id",
        ],
      },
    ],
    extra: [{ name: "res/raw/terms.txt", data: Buffer.from("Demo package for Proofline. Not a real application.\n") }],
  };
}
