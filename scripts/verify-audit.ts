// `npm run audit:verify [-- <matter id or slug> ...]`: seals pending audit events, then walks each
// chain (every matter and the global chain by default) and reports the first broken link.
// Runs with the react-server condition so lib/server's "server-only" guard lets it in.
import { db } from "@/lib/server/db";
import { GLOBAL_CHAIN } from "@/lib/audit/chain-hash";
import { unsafeVerifyChain } from "@/lib/server/audit/verify-audit-chain";

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
  for (const { chain, label } of await chainsToCheck(process.argv.slice(2))) {
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
  await db.$disconnect();
  process.exit(broken ? 1 : 0);
}

main().catch(async (error) => {
  console.error(`audit:verify: ${(error as Error).message}`);
  process.exit(2);
});
