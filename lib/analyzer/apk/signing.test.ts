import { createHash, X509Certificate } from "node:crypto";
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoundedZip } from "@/lib/analyzer/zip/bounded-zip";
import { childrenOf, readTlv } from "./der";
import { SignatureFormatError } from "./errors";
import { readApkSigningBlock, signerCertificateOfPkcs7, signingCertificateSha256 } from "./signing";
import { buildApk, hasOpenssl, makeCertificate, v2SignerValue, withSigningBlock, zipBytes } from "./testing/apk-writer";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apk-signing-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const save = (bytes: Buffer) => {
  const p = path.join(dir, `${n++}.apk`);
  fs.writeFileSync(p, bytes);
  return p;
};
const sha256 = (der: Buffer) => createHash("sha256").update(der).digest("hex");

async function certificateOf(bytes: Buffer): Promise<string> {
  const file = save(bytes);
  const zip = await BoundedZip.open(file);
  try {
    return await signingCertificateSha256(file, zip);
  } finally {
    zip.close();
  }
}

const dex = [{ classes: ["com.example.Main"] }];

describe.skipIf(!hasOpenssl())("signing certificate", () => {
  let alice: ReturnType<typeof makeCertificate>;
  let bob: ReturnType<typeof makeCertificate>;
  beforeAll(() => {
    alice = makeCertificate("Alice Test Signer");
    bob = makeCertificate("Bob Test Signer");
  });

  it("reports an APK without any signature as unsigned", async () => {
    expect(await certificateOf(await buildApk({ dex }))).toBe("unsigned");
  });

  it("reads the signer certificate of a v1 (JAR) signature, named by issuer and serial number", async () => {
    expect(await certificateOf(await buildApk({ dex, v1: alice }))).toBe(sha256(alice.der));
    // The same figure node:crypto reports for the certificate.
    expect(new X509Certificate(alice.der).fingerprint256.replaceAll(":", "").toLowerCase()).toBe(sha256(alice.der));
  });

  it("reads the signer certificate named by subject key identifier", async () => {
    expect(await certificateOf(await buildApk({ dex, v1: { ...alice, bySubjectKeyId: true } }))).toBe(sha256(alice.der));
  });

  it("picks the certificate the SignerInfo names, not merely the first one carried", async () => {
    const apk = await buildApk({ dex, v1: { ...alice, extraCertsPem: bob.certPem } });
    const file = save(apk);
    const zip = await BoundedZip.open(file);
    const block = await zip.read("META-INF/CERT.RSA");
    zip.close();
    // Swap the two certificates in the SET (equal total length), so Bob's comes first.
    const contentInfo = readTlv(block, 0, block.length);
    const signedData = childrenOf(block, childrenOf(block, childrenOf(block, contentInfo)[1]!)[0]!);
    const certSet = signedData.find((t) => t.tag === 0xa0)!;
    const [first, second] = childrenOf(block, certSet);
    const swapped = Buffer.concat([block.subarray(0, first!.start), block.subarray(second!.start, second!.end), block.subarray(first!.start, first!.end), block.subarray(second!.end)]);
    expect(sha256(signerCertificateOfPkcs7(block, "CERT.RSA"))).toBe(sha256(alice.der));
    expect(sha256(signerCertificateOfPkcs7(swapped, "CERT.RSA"))).toBe(sha256(alice.der));
    expect(childrenOf(swapped, readTlv(swapped, certSet.start, swapped.length)).length).toBe(2);
  });

  it("prefers the APK Signing Block (v2) over a v1 signature", async () => {
    const apk = await buildApk({ dex, v1: alice, v2CertificateDer: bob.der });
    expect(await readApkSigningBlock(save(apk))).toBeInstanceOf(Map);
    expect(await certificateOf(apk)).toBe(sha256(bob.der));
  });

  it("reads a v3 signer before a v2 one", async () => {
    const base = await zipBytes([{ name: "AndroidManifest.xml", data: Buffer.from("x") }]);
    const apk = withSigningBlock(base, [
      { id: 0x7109871a, value: v2SignerValue(alice.der) },
      { id: 0xf05368c0, value: v2SignerValue(bob.der) },
    ]);
    expect(await certificateOf(apk)).toBe(sha256(bob.der));
  });

  it("refuses a v1 signature block that is not PKCS#7, or names no certificate it carries", async () => {
    const junk = await buildApk({ dex, extra: [{ name: "META-INF/CERT.RSA", data: Buffer.from("not a signature") }] });
    await expect(certificateOf(junk)).rejects.toThrow(SignatureFormatError);
    await expect(certificateOf(junk)).rejects.toThrow(/META-INF\/CERT.RSA is not a valid PKCS#7 signature block/);

    const apk = await buildApk({ dex, v1: alice });
    const zip = await BoundedZip.open(save(apk));
    const block = await zip.read("META-INF/CERT.RSA");
    zip.close();
    // Change one byte of the serial number the SignerInfo names (near the end, before the signature).
    const tampered = Buffer.from(block);
    const serial = readTlv(alice.der, 0, alice.der.length);
    const tbs = childrenOf(alice.der, serial)[0]!;
    const serialTlv = childrenOf(alice.der, tbs)[1]!;
    const serialBytes = alice.der.subarray(serialTlv.start, serialTlv.end);
    const at = tampered.lastIndexOf(serialBytes);
    tampered[at + serialBytes.length - 1] = tampered[at + serialBytes.length - 1]! ^ 0xff;
    expect(() => signerCertificateOfPkcs7(tampered, "CERT.RSA")).toThrow(/none of its certificates is the one its SignerInfo names/);
  });

  it("refuses a malformed APK Signing Block", async () => {
    const base = await zipBytes([{ name: "AndroidManifest.xml", data: Buffer.from("x") }]);
    const apk = withSigningBlock(base, [{ id: 0x7109871a, value: Buffer.from([0xff, 0xff, 0xff, 0x7f]) }]);
    await expect(certificateOf(apk)).rejects.toThrow(/The APK Signature Scheme v2 block is malformed: the signer list declares \d+ bytes, more than it holds/);
    const notCert = withSigningBlock(base, [{ id: 0x7109871a, value: v2SignerValue(Buffer.from("garbage")) }]);
    await expect(certificateOf(notCert)).rejects.toThrow(/holds a signer certificate that is not valid X.509/);
  });

  it("fails only with a SignatureFormatError, whatever bytes of a PKCS#7 block are changed", async () => {
    const zip = await BoundedZip.open(save(await buildApk({ dex, v1: { ...alice, extraCertsPem: bob.certPem } })));
    const block = await zip.read("META-INF/CERT.RSA");
    zip.close();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(block.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.nat(block.length), (edits, cut) => {
        const bytes = Buffer.from(block.subarray(0, Math.max(cut, block.length - 40)));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        try {
          signerCertificateOfPkcs7(bytes, "CERT.RSA");
        } catch (error) {
          expect(error).toBeInstanceOf(SignatureFormatError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
