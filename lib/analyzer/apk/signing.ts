import { createHash, X509Certificate } from "node:crypto";
import fs from "node:fs/promises";
import { centralDirectoryOffset, type BoundedZip } from "@/lib/analyzer/zip/bounded-zip";
import { childrenOf, contentOf, DerError, oidBytes, readTlv, sameBytes, type Tlv } from "./der";
import { SignatureFormatError } from "./errors";

// The certificate an APK was signed with, as the SHA-256 of its DER (what `apksigner verify
// --print-certs` calls the certificate SHA-256 digest). The signature itself is not verified: the
// figure identifies who signed, and the exhibit's own hash fixes the bytes.
//
// Where it is found, in the order Android itself prefers:
//  - the APK Signing Block (v3, then v2), which sits just before the ZIP central directory;
//  - v1 (JAR) signing: META-INF/<name>.RSA|DSA|EC, a PKCS#7 SignedData whose SignerInfo names its
//    certificate by issuer and serial number (or by subject key identifier).
// An APK with neither is "unsigned".

const APK_SIG_BLOCK_MAGIC = Buffer.from("APK Sig Block 42", "latin1");
const V2_BLOCK_ID = 0x7109871a;
const V3_BLOCK_ID = 0xf05368c0;
const MAX_SIGNING_BLOCK_BYTES = 64 * 1024 * 1024;
const MAX_V1_BLOCK_BYTES = 4 * 1024 * 1024;
export const V1_SIGNATURE_FILE = /^META-INF\/[^/]+\.(RSA|DSA|EC)$/i;

const OID_SIGNED_DATA = oidBytes("1.2.840.113549.1.7.2");
const OID_SUBJECT_KEY_IDENTIFIER = oidBytes("2.5.29.14");

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function certificateFingerprint(der: Uint8Array, where: string): string {
  try {
    new X509Certificate(der);
  } catch (error) {
    throw new SignatureFormatError(`The ${where} holds a signer certificate that is not valid X.509 (${(error as Error).message}).`);
  }
  return sha256Hex(der);
}

export async function signingCertificateSha256(filePath: string, zip: BoundedZip): Promise<string | "unsigned"> {
  const block = await readApkSigningBlock(filePath);
  if (block) {
    for (const id of [V3_BLOCK_ID, V2_BLOCK_ID]) {
      const value = block.get(id);
      if (value) {
        const label = id === V3_BLOCK_ID ? "APK Signature Scheme v3 block" : "APK Signature Scheme v2 block";
        return certificateFingerprint(firstSchemeCertificate(value, label), label);
      }
    }
  }
  const v1 = zip
    .names()
    .filter((name) => V1_SIGNATURE_FILE.test(name))
    .sort();
  if (v1.length === 0) return "unsigned";
  const name = v1[0]!;
  const der = signerCertificateOfPkcs7(await zip.read(name, MAX_V1_BLOCK_BYTES), name);
  return certificateFingerprint(der, name);
}

/** The ID → value pairs of the APK Signing Block, or null when the file has none. */
export async function readApkSigningBlock(filePath: string): Promise<Map<number, Buffer> | null> {
  const cdOffset = await centralDirectoryOffset(filePath);
  if (cdOffset < 32) return null;
  const handle = await fs.open(filePath, "r");
  try {
    const footer = Buffer.alloc(24);
    await handle.read(footer, 0, 24, cdOffset - 24);
    if (!footer.subarray(8).equals(APK_SIG_BLOCK_MAGIC)) return null;
    const fail = (why: string) => new SignatureFormatError(`The APK Signing Block is malformed: ${why}.`);
    const size = footer.readBigUInt64LE(0);
    if (size < 32n || size > BigInt(MAX_SIGNING_BLOCK_BYTES) || size + 8n > BigInt(cdOffset)) throw fail(`it declares ${size} bytes`);
    const blockStart = cdOffset - Number(size) - 8;
    const block = Buffer.alloc(Number(size) + 8);
    await handle.read(block, 0, block.length, blockStart);
    if (block.readBigUInt64LE(0) !== size) throw fail("its two size fields differ");
    const pairs = new Map<number, Buffer>();
    const pairsEnd = block.length - 24;
    for (let p = 8; p < pairsEnd; ) {
      if (p + 12 > pairsEnd) throw fail(`a pair at offset ${p} is cut short`);
      const length = block.readBigUInt64LE(p);
      if (length < 4n || length > BigInt(pairsEnd - p - 8)) throw fail(`a pair at offset ${p} declares ${length} bytes`);
      const id = block.readUInt32LE(p + 8);
      if (!pairs.has(id)) pairs.set(id, block.subarray(p + 12, p + 8 + Number(length)));
      p += 8 + Number(length);
    }
    return pairs;
  } finally {
    await handle.close();
  }
}

// v2 and v3 values: a length-prefixed sequence of length-prefixed signers; a signer starts with its
// length-prefixed signed data, which starts with the digests and then the certificates.
function firstSchemeCertificate(value: Buffer, label: string): Buffer {
  const fail = (why: string) => new SignatureFormatError(`The ${label} is malformed: ${why}.`);
  const prefixed = (bytes: Buffer, offset: number, what: string) => {
    if (offset + 4 > bytes.length) throw fail(`${what} is cut short`);
    const length = bytes.readUInt32LE(offset);
    if (length > bytes.length - offset - 4) throw fail(`${what} declares ${length} bytes, more than it holds`);
    return { body: bytes.subarray(offset + 4, offset + 4 + length), next: offset + 4 + length };
  };
  const signers = prefixed(value, 0, "the signer list").body;
  const signer = prefixed(signers, 0, "the first signer").body;
  const signedData = prefixed(signer, 0, "the signed data").body;
  const digests = prefixed(signedData, 0, "the digest list");
  const certificates = prefixed(signedData, digests.next, "the certificate list").body;
  const certificate = prefixed(certificates, 0, "the first certificate").body;
  if (certificate.length === 0) throw fail("the first signer has no certificate");
  return certificate;
}

/** The DER of the certificate that the (first) SignerInfo of a PKCS#7 SignedData names. */
export function signerCertificateOfPkcs7(bytes: Buffer, label: string): Buffer {
  const fail = (why: string) => new SignatureFormatError(`${label} is not a valid PKCS#7 signature block: ${why}.`);
  try {
    const contentInfo = readTlv(bytes, 0, bytes.length);
    const [contentType, explicit] = expectSequence(bytes, contentInfo, fail, "the ContentInfo");
    if (contentType?.tag !== 0x06 || !sameBytes(contentOf(bytes, contentType), OID_SIGNED_DATA)) throw fail("it is not SignedData");
    if (explicit?.tag !== 0xa0) throw fail("the SignedData content is missing");
    const signedData = childrenOf(bytes, explicit)[0];
    if (!signedData) throw fail("the SignedData content is empty");
    const fields = expectSequence(bytes, signedData, fail, "the SignedData");
    const certificateSet = fields.find((f) => f.tag === 0xa0);
    const signerInfos = fields.at(-1);
    if (!certificateSet) throw fail("it carries no certificates");
    if (signerInfos?.tag !== 0x31) throw fail("the SignerInfos are missing");
    const certificates = childrenOf(bytes, certificateSet).filter((c) => c.tag === 0x30);
    const signerInfo = childrenOf(bytes, signerInfos)[0];
    if (!signerInfo) throw fail("it has no SignerInfo");
    const sid = expectSequence(bytes, signerInfo, fail, "the SignerInfo")[1];
    if (!sid) throw fail("the SignerInfo names no signer");
    const match = certificates.find((certificate) => namesCertificate(bytes, sid, certificate));
    if (!match) throw fail("none of its certificates is the one its SignerInfo names");
    return bytes.subarray(match.start, match.end);
  } catch (error) {
    if (error instanceof DerError) throw fail(error.message);
    throw error;
  }
}

function expectSequence(bytes: Uint8Array, tlv: Tlv, fail: (why: string) => Error, what: string): Tlv[] {
  if (tlv.tag !== 0x30) throw fail(`${what} is not a SEQUENCE`);
  return childrenOf(bytes, tlv);
}

// SignerIdentifier: IssuerAndSerialNumber (SEQUENCE { issuer Name, serialNumber INTEGER }) or
// [0] SubjectKeyIdentifier.
function namesCertificate(bytes: Uint8Array, sid: Tlv, certificate: Tlv): boolean {
  const tbs = childrenOf(bytes, certificate)[0];
  if (!tbs || tbs.tag !== 0x30) return false;
  const fields = childrenOf(bytes, tbs);
  // tbsCertificate: [0] version (optional), serialNumber, signature, issuer, validity, subject, …, [3] extensions
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer] = rest;
  if (sid.tag === 0x30) {
    const [sidIssuer, sidSerial] = childrenOf(bytes, sid);
    if (!sidIssuer || !sidSerial || !serial || !issuer) return false;
    return sameBytes(contentOf(bytes, sidIssuer), contentOf(bytes, issuer)) && sameBytes(contentOf(bytes, sidSerial), contentOf(bytes, serial));
  }
  if (sid.tag === 0x80) {
    const extensions = fields.find((f) => f.tag === 0xa3);
    if (!extensions) return false;
    const list = childrenOf(bytes, extensions)[0];
    if (!list) return false;
    for (const extension of childrenOf(bytes, list)) {
      const parts = childrenOf(bytes, extension);
      if (parts[0]?.tag !== 0x06 || !sameBytes(contentOf(bytes, parts[0]), OID_SUBJECT_KEY_IDENTIFIER)) continue;
      const wrapped = parts.at(-1);
      if (!wrapped || wrapped.tag !== 0x04) return false;
      const keyId = readTlv(bytes, wrapped.contentStart, wrapped.contentEnd);
      return keyId.tag === 0x04 && sameBytes(contentOf(bytes, keyId), contentOf(bytes, sid));
    }
  }
  return false;
}
