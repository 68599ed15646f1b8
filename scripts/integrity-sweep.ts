// `npm run integrity:sweep`: re-hashes every blob in the store and reports missing, altered and
// orphaned files (the same sweep the nightly job runs). Exit code 1 when anything is wrong.
// `npm run integrity:sweep -- --matter <id>` re-hashes only that matter's exhibits.
// Runs with the react-server condition so lib/server's "server-only" guard lets it in.
import { db } from "@/lib/server/db";
import { unsafeRunIntegritySweep } from "@/lib/server/exhibits/integrity-sweep";

async function main() {
  const flag = process.argv.indexOf("--matter");
  const matterId = flag >= 0 ? process.argv[flag + 1] : undefined;
  if (flag >= 0 && !matterId) throw new Error("--matter needs a matter id");
  const r = await unsafeRunIntegritySweep({ trigger: "cli", matterId });
  const seconds = (r.finishedAt.getTime() - r.startedAt.getTime()) / 1000;
  console.log(`checked: ${r.checked} blobs in ${seconds.toFixed(1)} s`);
  for (const sha of r.missing) console.log(`✗ missing  ${sha}`);
  for (const a of r.altered) console.log(`✗ altered  ${a.sha256} (now hashes to ${a.actual})`);
  for (const key of r.orphaned) console.log(`! orphaned ${key} (no Blob row refers to it)`);
  console.log(r.missing.length + r.altered.length === 0 ? "✓ every stored blob matches its SHA-256" : `✗ ${r.missing.length} missing, ${r.altered.length} altered`);
  await db.$disconnect();
  process.exit(r.missing.length + r.altered.length > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(`integrity sweep failed: ${(error as Error).message}`);
  await db.$disconnect();
  process.exit(2);
});
