// Demo exhibits for the Hong matter. ILLUSTRATIVE DEMO DATA: a PDF of the news report the demo is
// drawn from, a note, and a tiny HAR capture showing the kind of requests the complaint describes
// (to umeng.com and bugly.qq.com). None of it is evidence from the real case. Idempotent.
// Standalone (no "server-only" imports) because the seed runs outside Next: it writes the blob
// store's layout (<root>/ab/cd/<sha256>, see lib/server/storage/blob-store.ts) itself.
import { createHash } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { exhibitLabel } from "../lib/bates/format";
import { HAR_ANALYZER_VERSION } from "../lib/analyzer/har/analyze-har";
import { APK_ANALYZER_VERSION, APK_MEDIA_TYPE } from "../lib/analyzer/capture-types";
import { buildApk } from "../lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "../lib/analyzer/apk/testing/demo-apk";
import { DEMO_TEST_DEVICE, generateCaptureText } from "../lib/analyzer/har/generate-capture";
import { seedAudit } from "./seed-audit";

const REPORT_PAGE_1 = [
  "TikTok facing class-action lawsuit for sending personal, user data to servers in China",
  "In a development that underscores deepening legal troubles for Chinese video-sharing app TikTok, a California college student has filed a class-action lawsuit against it alleging that it has transferred private user data to servers in China.",
  "The allegations deepen legal troubles for TikTok, owned by Beijing ByteDance Technology Co, in the United States, and comes in the wake of a probe by the U.S. government over concerns of data storage and potential censorship of political sensitive content.",
  "The lawsuit, which was filed in the U.S. District Court for the Northern District of California last Wednesday and was originally reported by The Daily Beast; its report alleges that TikTok has surreptitiously “vacuumed up and transferred to servers in China vast quantities of private and personally-identifiable user data.”",
  "While TikTok did not immediately respond to requests for comments on the allegations, it continues to maintain that it stores all U.S. user data in the United States with backups in Singapore. Tiktok remains silent whether the data has been routed through China.",
  "Court documents identify the plaintiff as Misty Hong, a college student and resident of Palo Alto, California, who downloaded the TikTok app in March or April 2019 but never created an account.",
];
const REPORT_PAGE_2 = [
  "Hong has alleged that although she did not create an accounts, months later, she discovered that TikTok had created an account for her, without her knowledge and had produced a dossier of private information about her, which includes her biometric information gleaned from videos she created but never posted.",
  "According to the filing, TikTok had transferred user data to two servers in China – umeng.com and bugly.qq.com – in April 2019; the data transferred includes information about the user’s device and any websites the user had visited.",
  "Incidentally, Bugly is owned by Tencent, China’s largest mobile software company, which also owns WeChat, a Chinese social media network; Umeng is a part of China’s Alibaba Group.",
  "Further, the lawsuit also claims that source code from Baidu, a Chinese tech giant, is embedded within the TikTok app, as is source code from Igexin, a Chinese advertising service, which security researchers discovered in 2017 was enabling developers to install spyware on a user’s phone.",
  "Papers filed in court did not provide supporting documents showing data transfers to China or the existence of Baidu or Igexin source code in the app.",
  "Neither Hong nor her legal representatives could be immediately reached for comment.",
];

function reportPdf(): Promise<Buffer> {
  // A fixed creation date keeps the bytes (and so the SHA-256) the same on every run.
  const doc = new PDFDocument({ size: "LETTER", margin: 72, info: { Title: "News report (illustrative demo exhibit)", CreationDate: new Date("2019-12-02T00:00:00Z") } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const banner = "ILLUSTRATIVE DEMO EXHIBIT — news report text reproduced for the Proofline demo; not evidence.";
  doc.font("Helvetica-Oblique").fontSize(8).text(banner).moveDown();
  doc.font("Helvetica-Bold").fontSize(14).text(REPORT_PAGE_1[0]!).moveDown();
  for (const p of REPORT_PAGE_1.slice(1)) doc.font("Helvetica").fontSize(11).text(p).moveDown();
  doc.addPage();
  doc.font("Helvetica-Oblique").fontSize(8).text(banner).moveDown();
  for (const p of REPORT_PAGE_2) doc.font("Helvetica").fontSize(11).text(p).moveDown();
  doc.end();
  return done;
}

// A longer PDF, so the viewer has pages to move through: the plan for proving the transfers,
// one topic a page.
const PLAN_PAGES: [string, string[]][] = [
  ["Scope", ["This illustrative plan lists what Proofline's demo team would need to show for each transfer the complaint alleges.", "Every page names one topic; nothing here is a finding."]],
  ["Test devices", ["Two Android phones reset to factory settings, each with a fresh advertising ID and no TikTok account.", "Record each device's IMEI, Android ID and MAC address before the first launch."]],
  ["App versions", ["Install the app version that was current in March and April 2019 from an archived APK, and record its SHA-256.", "Keep the APK as its own exhibit so the capture can be tied to it."]],
  ["Capture method", ["Route both phones through an intercepting proxy and save every session as a HAR file.", "A request that carries a persistent device identifier to umeng.com or bugly.qq.com is the observation the complaint needs."]],
  ["Browsing history", ["Visit a fixed list of test websites in the in-app browser, then search the capture for those addresses.", "A visited address leaving the phone inside an SDK payload supports the browsing-history allegation."]],
  ["Embedded code", ["Decompile the APK and list the SDK packages present: Baidu push, Igexin and Umeng analytics.", "Each package found is a separate observation with its class path."]],
  ["Chain of custody", ["Hash every capture and APK when it is collected and upload it unchanged; note who collected it and when.", "Derived files (filtered captures, reports) are new exhibits that cite their source."]],
];

function planPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: 72, info: { Title: "Capture plan (illustrative demo exhibit)", CreationDate: new Date("2019-12-05T00:00:00Z") } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  PLAN_PAGES.forEach(([heading, paragraphs], i) => {
    if (i > 0) doc.addPage();
    doc.font("Helvetica-Oblique").fontSize(8).text(`ILLUSTRATIVE DEMO EXHIBIT — capture plan, page ${i + 1} of ${PLAN_PAGES.length}; not evidence.`).moveDown();
    doc.font("Helvetica-Bold").fontSize(14).text(`${i + 1}. ${heading}`).moveDown();
    for (const p of paragraphs) doc.font("Helvetica").fontSize(11).text(p).moveDown();
  });
  doc.end();
  return done;
}

const HAR = {
  log: {
    version: "1.2",
    creator: { name: "Proofline demo (illustrative, not a real capture)", version: "1" },
    comment: "ILLUSTRATIVE DEMO DATA: shows the shape of the transfers the complaint alleges; not captured from the app.",
    entries: [
      {
        startedDateTime: "2019-04-02T17:03:11.000Z",
        time: 182,
        request: { method: "POST", url: "https://alog.umeng.com/app_logs", headers: [], postData: { mimeType: "application/json", text: '{"device_model":"DEMO-PHONE","os":"Android 9","imei":"000000000000000 (demo)"}' } },
        response: { status: 200, headers: [], content: { size: 2, mimeType: "application/json" } },
        serverIPAddress: "203.0.113.10",
      },
      {
        startedDateTime: "2019-04-02T17:03:12.000Z",
        time: 240,
        request: { method: "POST", url: "https://android.bugly.qq.com/rqd/async", headers: [], postData: { mimeType: "application/octet-stream", text: "visited=https://example.org/demo-page (demo browsing history)" } },
        response: { status: 200, headers: [], content: { size: 0, mimeType: "text/plain" } },
        serverIPAddress: "203.0.113.20",
      },
    ],
  },
};

const NOTE = [
  "Intake note (illustrative demo data)",
  "",
  "The complaint in Hong v. ByteDance Inc. alleges transfers to umeng.com (Alibaba) and bugly.qq.com (Tencent) in April 2019,",
  "embedded Baidu and Igexin code, an account created without consent, and biometric data taken from unposted videos.",
  "Press coverage noted that the filing attached no documents supporting the transfers. To do: obtain a network capture",
  "and an APK of the app version in use in March-April 2019.",
  "",
].join("\n");

type DemoFile = { fileName: string; title: string; description: string; kind: "DOCUMENT" | "TEXT" | "NETWORK_CAPTURE" | "APP_PACKAGE"; mediaType: string; bytes: Buffer; source: string };

// Writes bytes where the content-addressed store expects them (<root>/ab/cd/<sha256>) and
// returns the sha256 and storage key; the seed runs outside Next, so it cannot use the store module.
export async function writeDemoBlob(bytes: Buffer, blobRoot = process.env.BLOB_ROOT ?? path.resolve(".data/blobs")) {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  const target = path.join(blobRoot, storageKey);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await fsp.writeFile(target, bytes);
  return { sha256, storageKey };
}

export async function seedExhibits(db: PrismaClient, matterId: string, attorneyId: string, blobRoot = process.env.BLOB_ROOT ?? path.resolve(".data/blobs")): Promise<void> {
  const files: DemoFile[] = [
    { fileName: "news-report-illustrative.pdf", title: "News report on the complaint (illustrative)", description: "ILLUSTRATIVE DEMO EXHIBIT: a news report describing the complaint.", kind: "DOCUMENT", mediaType: "application/pdf", bytes: await reportPdf(), source: "Press coverage (demo)" },
    { fileName: "intake-note.txt", title: "Intake note (illustrative)", description: "ILLUSTRATIVE DEMO DATA: what the team needs to prove.", kind: "TEXT", mediaType: "text/plain", bytes: Buffer.from(NOTE), source: "Counsel (demo)" },
    { fileName: "demo-capture.har", title: "Network capture: requests to umeng.com and bugly.qq.com (illustrative)", description: "ILLUSTRATIVE DEMO DATA: not captured from the app.", kind: "NETWORK_CAPTURE", mediaType: "application/har+json", bytes: Buffer.from(JSON.stringify(HAR, null, 2)), source: "Demo data" },
    { fileName: "capture-plan-illustrative.pdf", title: "Capture plan for the alleged transfers (illustrative)", description: "ILLUSTRATIVE DEMO EXHIBIT: how the team would obtain the missing proof.", kind: "DOCUMENT", mediaType: "application/pdf", bytes: await planPdf(), source: "Counsel (demo)" },
    {
      fileName: "test-phone-capture-generated.har",
      title: "Network capture of the test phone, April 2019 (generated)",
      description: "ILLUSTRATIVE DEMO DATA generated by lib/analyzer/har/generate-capture.ts: the shape of the traffic the complaint alleges, carrying the demo test device's made-up identifiers.",
      kind: "NETWORK_CAPTURE",
      mediaType: "application/har+json",
      bytes: Buffer.from(generateCaptureText({ entries: 60 })),
      source: "Generated demo data",
    },
    {
      fileName: "tiktoklike-demo.apk",
      title: "App package of the test app (generated)",
      description: "ILLUSTRATIVE DEMO DATA generated by scripts/generate-demo-apk.ts: an unsigned package embedding Umeng, Tencent Bugly, Baidu Push and Getui/Igexin classes. Not the real app.",
      kind: "APP_PACKAGE",
      mediaType: APK_MEDIA_TYPE,
      bytes: await buildApk(demoApkSpec()),
      source: "Generated demo data",
    },
  ];
  for (const f of files) {
    const sha256 = createHash("sha256").update(f.bytes).digest("hex");
    if (await db.exhibit.findFirst({ where: { matterId, blobSha256: sha256 }, select: { id: true } })) continue;
    const { storageKey } = await writeDemoBlob(f.bytes, blobRoot);
    await db.$transaction(async (tx) => {
      await tx.blob.upsert({ where: { sha256 }, update: {}, create: { sha256, size: BigInt(f.bytes.byteLength), mediaType: f.mediaType, storageKey } });
      const matter = await tx.matter.update({ where: { id: matterId }, data: { nextExhibitNumber: { increment: 1 } }, select: { nextExhibitNumber: true, exhibitPrefix: true } });
      const number = matter.nextExhibitNumber - 1;
      const exhibit = await tx.exhibit.create({
        data: {
          matterId,
          number,
          prefix: matter.exhibitPrefix,
          title: f.title,
          description: f.description,
          kind: f.kind,
          source: f.source,
          collectedBy: "Alex Attorney",
          originalFilename: f.fileName,
          blobSha256: sha256,
          detectedType: f.mediaType,
          // The job worker extracts the text when the server starts (lib/server/jobs/queues.ts); a
          // package has no text to extract.
          extractionStatus: f.kind === "APP_PACKAGE" ? "NOT_APPLICABLE" : "QUEUED",
          createdById: attorneyId,
        },
      });
      // The job worker analyses captures when the server starts (lib/server/jobs/queues.ts).
      if (f.kind === "NETWORK_CAPTURE") {
        await tx.captureAnalysis.create({ data: { matterId, exhibitId: exhibit.id, inputSha256: sha256, analyzerVersion: HAR_ANALYZER_VERSION } });
      }
      if (f.kind === "APP_PACKAGE") {
        await tx.apkAnalysis.create({ data: { matterId, exhibitId: exhibit.id, inputSha256: sha256, analyzerVersion: APK_ANALYZER_VERSION } });
      }
      await tx.auditEvent.create({
        data: {
          matterId,
          actorId: attorneyId,
          entityId: exhibit.id,
          ...seedAudit("exhibit.upload", { number: exhibitLabel(matter.exhibitPrefix, number), fileName: f.fileName, sha256, size: f.bytes.byteLength, mediaType: f.mediaType, source: "demo seed" }),
        },
      });
    });
  }
}

// The demo matter's test phone (made-up values the generated capture carries) and its flagged
// countries, set once: a person's later edits are left alone.
export async function seedCaptureSettings(db: PrismaClient, matterId: string): Promise<void> {
  await db.testDevice.upsert({
    where: { matterId_label: { matterId, label: "Demo test phone (Galaxy S9, Android 9)" } },
    update: {},
    create: { matterId, label: "Demo test phone (Galaxy S9, Android 9)", ...DEMO_TEST_DEVICE },
  });
  await db.matter.updateMany({ where: { id: matterId, flaggedCountries: { isEmpty: true } }, data: { flaggedCountries: ["CN"] } });
}
