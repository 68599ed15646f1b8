import "server-only";
import { db } from "@/lib/server/db";

// Public: the settlements that take claims here (a matter with a claim form is public by design),
// so a mistyped address can point a class member to the right one — the closest addresses to what
// was typed first. Names and addresses only.
export async function listPublicClaimForms(typed = ""): Promise<{ slug: string; caption: string; hasSite: boolean }[]> {
  return db.$queryRaw<{ slug: string; caption: string; hasSite: boolean }[]>`
    SELECT slug, caption, ("settlementSite" IS NOT NULL AND "settlementSite" <> 'null'::jsonb) AS "hasSite" FROM "Matter" WHERE "claimForm" IS NOT NULL AND "claimForm" <> 'null'::jsonb
    ORDER BY similarity(slug, ${typed.slice(0, 200)}) DESC, caption, slug
    LIMIT 10`;
}
