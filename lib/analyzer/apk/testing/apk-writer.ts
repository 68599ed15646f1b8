import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { writeDex, type DexSpec } from "./dex-writer";
import { writeManifest, type ManifestSpec } from "./axml-writer";

// Builds APK files for tests, the demo exhibit and the bench: a ZIP (yazl) of a binary manifest,
// DEX files and any other entries, optionally signed with v1 (JAR signing, via the openssl CLI) or
// carrying an APK Signing Block with a v2 signer's certificate (the signature bytes are placeholders;
// the analyzer reads the certificate and does not verify signatures).

export type ZipEntrySpec = { name: string; data: Buffer; compress?: boolean };

export async function zipBytes(entries: ZipEntrySpec[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? true, mtime: new Date("2026-01-01T00:00:00Z") });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export type ApkSpec = {
  manifest?: ManifestSpec | Buffer | null;
  dex?: (DexSpec | Buffer)[];
  extra?: ZipEntrySpec[];
  /** Sign with JAR signing (META-INF/CERT.SF + CERT.RSA) using this PEM key and certificate. */
  v1?: { keyPem: string; certPem: string; extraCertsPem?: string; bySubjectKeyId?: boolean };
  /** Add an APK Signing Block whose v2 signer carries this DER certificate. */
  v2CertificateDer?: Buffer;
};

export async function buildApk(spec: ApkSpec): Promise<Buffer> {
  const entries: ZipEntrySpec[] = [];
  if (spec.manifest !== null) {
    const manifest = spec.manifest ?? { package: "com.example.test" };
    entries.push({ name: "AndroidManifest.xml", data: Buffer.isBuffer(manifest) ? manifest : writeManifest(manifest) });
  }
  (spec.dex ?? []).forEach((dex, i) => entries.push({ name: i === 0 ? "classes.dex" : `classes${i + 1}.dex`, data: Buffer.isBuffer(dex) ? dex : writeDex(dex) }));
  entries.push(...(spec.extra ?? []));
  if (spec.v1) entries.push(...v1SignatureEntries(entries, spec.v1));
  const bytes = await zipBytes(entries);
  return spec.v2CertificateDer ? withSigningBlock(bytes, [{ id: 0x7109871a, value: v2SignerValue(spec.v2CertificateDer) }]) : bytes;
}

export async function writeApk(filePath: string, spec: ApkSpec): Promise<void> {
  await fs.promises.writeFile(filePath, await buildApk(spec));
}

const lengthPrefixed = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([length, body]);
};

/** A v2 block value with one signer: signed data (no digests, one certificate), no real signature. */
export function v2SignerValue(certificateDer: Buffer): Buffer {
  const signedData = lengthPrefixed(lengthPrefixed(), lengthPrefixed(lengthPrefixed(certificateDer)), lengthPrefixed());
  const signer = lengthPrefixed(signedData, lengthPrefixed(), lengthPrefixed());
  return lengthPrefixed(signer);
}

/** Inserts an APK Signing Block between the last entry and the central directory, moving the EOCD's offset. */
export function withSigningBlock(zip: Buffer, pairs: { id: number; value: Buffer }[]): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const pairBytes = Buffer.concat(
    pairs.map(({ id, value }) => {
      const head = Buffer.alloc(12);
      head.writeBigUInt64LE(BigInt(value.length + 4));
      head.writeUInt32LE(id, 8);
      return Buffer.concat([head, value]);
    }),
  );
  const size = BigInt(pairBytes.length + 8 + 16);
  const sizeField = Buffer.alloc(8);
  sizeField.writeBigUInt64LE(size);
  const block = Buffer.concat([sizeField, pairBytes, sizeField, Buffer.from("APK Sig Block 42", "latin1")]);
  const out = Buffer.concat([zip.subarray(0, cdOffset), block, zip.subarray(cdOffset)]);
  out.writeUInt32LE(cdOffset + block.length, eocd + block.length + 16);
  return out;
}

const digest = (data: Buffer | string) => createHash("sha256").update(data).digest("base64");

// JAR signing as apksigner's v1 does it: MANIFEST.MF digests each entry, CERT.SF digests the manifest
// and each of its sections, CERT.RSA is a detached PKCS#7 signature of CERT.SF.
function v1SignatureEntries(entries: ZipEntrySpec[], signer: NonNullable<ApkSpec["v1"]>): ZipEntrySpec[] {
  const sections = entries.map((e) => `Name: ${e.name}\r\nSHA-256-Digest: ${digest(e.data)}\r\n\r\n`);
  const manifest = `Manifest-Version: 1.0\r\nCreated-By: proofline test writer\r\n\r\n${sections.join("")}`;
  const sf = `Signature-Version: 1.0\r\nCreated-By: proofline test writer\r\nSHA-256-Digest-Manifest: ${digest(manifest)}\r\n\r\n${entries
    .map((e, i) => `Name: ${e.name}\r\nSHA-256-Digest: ${digest(sections[i]!)}\r\n\r\n`)
    .join("")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apk-v1-"));
  try {
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const args = ["cms", "-sign", "-binary", "-noattr", "-outform", "DER", "-md", "sha256", "-in", file("CERT.SF", sf)];
    args.push("-signer", file("cert.pem", signer.certPem), "-inkey", file("key.pem", signer.keyPem));
    // -keyid names the signer by subject key identifier instead of issuer and serial number.
    if (signer.bySubjectKeyId) args.push("-keyid");
    if (signer.extraCertsPem) args.push("-certfile", file("extra.pem", signer.extraCertsPem));
    const rsa = execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
    return [
      { name: "META-INF/MANIFEST.MF", data: Buffer.from(manifest) },
      { name: "META-INF/CERT.SF", data: Buffer.from(sf) },
      { name: "META-INF/CERT.RSA", data: rsa },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed RSA key and certificate from the openssl CLI (node:crypto makes keys, not certificates). */
export function makeCertificate(commonName: string): { keyPem: string; certPem: string; der: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apk-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "3650", "-subj", `/CN=${commonName}`], { stdio: "ignore" });
    const der = execFileSync("openssl", ["x509", "-in", cert, "-outform", "DER"]);
    return { keyPem: fs.readFileSync(key, "utf8"), certPem: fs.readFileSync(cert, "utf8"), der };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
