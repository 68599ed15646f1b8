// `npx tsx scripts/generate-demo-apk.ts OUT.apk [--sign]`: writes the demo matter's test APK
// (com.example.tiktoklike: READ_PHONE_STATE, ACCESS_FINE_LOCATION, CAMERA, RECORD_AUDIO …; DEX
// files with Umeng, Tencent Bugly, Baidu Push and Getui/Igexin classes and their endpoints). Built
// here, never downloaded. Unsigned and byte-for-byte the same on every run unless --sign, which
// v1-signs it with a fresh self-signed certificate from the openssl CLI.
import fs from "node:fs";
import path from "node:path";
import { buildApk, hasOpenssl, makeCertificate } from "@/lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";

async function main() {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith("--"));
  if (!out) {
    console.error("usage: tsx scripts/generate-demo-apk.ts OUT.apk [--sign]");
    process.exit(2);
  }
  const spec = demoApkSpec();
  if (args.includes("--sign")) {
    if (!hasOpenssl()) {
      console.error("--sign needs the openssl CLI, which is not installed");
      process.exit(1);
    }
    spec.v1 = makeCertificate("Proofline Demo Signer");
  }
  const bytes = await buildApk(spec);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} bytes`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
