import "server-only";
import { AppError } from "@/lib/app-error";
import { ZClaimFormDefinition, type TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { db } from "@/lib/server/db";

export type PublicClaimForm = { matterId: string; slug: string; caption: string; shortName: string; timeZone: string; definition: TClaimFormDefinition };

// The public form is read on every submission; a short cache keeps that off the database while
// an edited form still shows within half a minute.
const TTL_MS = 30_000;
const cache = new Map<string, { at: number; form: PublicClaimForm | null }>();

// Public: anyone may read a matter's claim form, and only that (no other matter data).
export async function getClaimForm(slug: string): Promise<PublicClaimForm> {
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < TTL_MS) {
    if (!hit.form) throw AppError.notFound("No claim form here");
    return hit.form;
  }
  const matter = /^[a-z0-9-]{1,80}$/.test(slug)
    ? await db.matter.findUnique({ where: { slug }, select: { id: true, slug: true, caption: true, shortName: true, timeZone: true, claimForm: true } })
    : null;
  let form: PublicClaimForm | null = null;
  if (matter?.claimForm) {
    form = { matterId: matter.id, slug: matter.slug, caption: matter.caption, shortName: matter.shortName, timeZone: matter.timeZone, definition: ZClaimFormDefinition.parse(matter.claimForm) };
  }
  cache.set(slug, { at: Date.now(), form });
  if (!form) throw AppError.notFound("No claim form here");
  return form;
}

export async function getClaimFormDefinition(matterId: string): Promise<TClaimFormDefinition | null> {
  const matter = await db.matter.findUnique({ where: { id: matterId }, select: { claimForm: true } });
  return matter?.claimForm ? ZClaimFormDefinition.parse(matter.claimForm) : null;
}
