import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Config } from "@/lib/server/storage/s3-blob-store";

// A real S3-protocol server on 127.0.0.1 over a temporary directory (the `s3rver` package), so
// the S3 adapter is tested against the wire protocol rather than a mock of the SDK.
export async function startS3Server(bucket = "proofline-test"): Promise<{ config: S3Config; directory: string; stop: () => Promise<void> }> {
  const directory = await fsp.mkdtemp(path.join(os.tmpdir(), "proofline-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    // s3rver accepts any credentials; it checks only that requests are signed.
    config: { endpoint: `http://127.0.0.1:${port}`, bucket, region: "us-east-1", forcePathStyle: true, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    directory,
    stop: async () => {
      await server.close();
      await fsp.rm(directory, { recursive: true, force: true });
    },
  };
}
