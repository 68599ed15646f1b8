import { describe, expect, it } from "vitest";
import { bulkCopyFrom, closeBulkPool } from "@/lib/server/db-bulk";

const COPY = `COPY "NetworkObservation" (id, "analysisId", "matterId", "exhibitId", "entryIndex", "startedAt", method, url, host, detections) FROM STDIN`;

describe("bulk COPY", () => {
  it("refuses anything but COPY … FROM STDIN", async () => {
    await expect(bulkCopyFrom(`DELETE FROM "NetworkObservation"`, Buffer.from(""))).rejects.toThrow(/COPY/);
  });

  it("rejects a batch the database refuses with the database's error, keeps nothing, and stays usable", async () => {
    const bad = Buffer.from(["not-a-uuid", "a", "b", "c", "0", "2019-04-03T02:15:00.000Z", "GET", "https://x.example/", "x.example", "[]"].join("\t") + "\n");
    for (let i = 0; i < 3; i++) await expect(bulkCopyFrom(COPY, bad)).rejects.toMatchObject({ code: "22P02" });
    // An empty batch is a valid COPY of no rows.
    await expect(bulkCopyFrom(COPY, Buffer.from(""))).resolves.toBeUndefined();
    await closeBulkPool();
  });
});
