// `npm run audit:verify [-- <matter id or slug> ...]`: seals pending audit events, then walks each
// chain (every matter and the global chain by default) and reports the first broken link; then
// checks each chain against the newest signed heads export in AUDIT_HEADS_DIR, which catches a
// rewrite resealed with the key.
// Runs with the react-server condition so lib/server's "server-only" guard lets it in.
import { db } from "@/lib/server/db";
import { GLOBAL_CHAIN } from "@/lib/audit/chain-hash";
import { unsafeVerifyChain } from "@/lib/server/audit/verify-audit-chain";
import { unsafeVerifyAgainstHeads } from "@/lib/server/audit/verify-audit-heads";
import { env } from "@/lib/server/env";

async function chainsToCheck(args: string[]): Promise<{ chain: string; label: string }[]> {
  if (args.length === 0) {
    const matters = await db.matter.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
    return [...matters.map((m) => ({ chain: m.id, label: m.slug })), { chain: GLOBAL_CHAIN, label: "global" }];
  }
  return Promise.all(
    args.map(async (arg) => {
      const m = await db.matter.findFirst({ where: { OR: [{ slug: arg }, ...(/^[0-9a-f-]{36}$/i.test(arg) ? [{ id: arg }] : [])] } });
      if (!m) throw new Error(`no matter with id or slug "${arg}"`);
      return { chain: m.id, label: m.slug };
    }),
  );
}

async function main() {
  let broken = 0;
  const chains = await chainsToCheck(process.argv.slice(2));
  for (const { chain, label } of chains) {
    const r = await unsafeVerifyChain(chain);
    if (r.firstBreak) {
      broken += 1;
      console.log(`✗ ${label}: first broken link at seq ${r.firstBreak.seq} (event ${r.firstBreak.eventId}): ${r.firstBreak.reason}; ${r.checked} links verified before it`);
    } else if (r.unsealed > 0) {
      broken += 1;
      console.log(`✗ ${label}: ${r.checked} links intact but ${r.unsealed} event(s) could not be sealed`);
    } else {
      console.log(`✓ ${label}: ${r.checked} links intact`);
    }
  }
  const heads = await unsafeVerifyAgainstHeads();
  if (!heads.file) {
    console.log(`! no exported chain heads in ${env.AUDIT_HEADS_DIR} yet: a rewrite resealed with the key would go unnoticed`);
  } else {
    const labels = new Map(chains.map((c) => [c.chain, c.label]));
    for (const head of heads.heads.filter((h) => labels.has(h.chain))) {
      const label = labels.get(head.chain);
      if (head.problem) {
        broken += 1;
        console.log(`✗ ${label}: against the heads exported ${heads.exportedAt}: ${head.problem}`);
      } else {
        console.log(`✓ ${label}: matches the heads exported ${heads.exportedAt} (seq ${head.seq})`);
      }
    }
  }
  await db.$disconnect();
  process.exit(broken ? 1 : 0);
}

main().catch(async (error) => {
  console.error(`audit:verify: ${(error as Error).message}`);
  process.exit(2);
});
