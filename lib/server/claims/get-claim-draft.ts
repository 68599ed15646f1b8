import "server-only";
import { hashToken } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";

export type ResumedDraft =
  | { status: "found"; values: Record<string, string>; documents: { id: string; filename: string }[]; expiresAt: Date }
  | { status: "gone" };

// Public: the saved form a resume link opens, by the link's token only. An unknown, expired or
// already-filed draft is "gone" (the page says so and offers an empty form), never an error
// that tells a guesser anything.
export async function getClaimDraft(matterSlug: string, token: string, now = new Date()): Promise<ResumedDraft> {
  const form = await getClaimForm(matterSlug);
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "gone" };
  const draft = await db.claimDraft.findFirst({
    where: { tokenHash: hashToken(token), matterId: form.matterId, expiresAt: { gt: now } },
    select: { values: true, expiresAt: true, uploads: { where: { claimId: null }, select: { id: true, filename: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!draft) return { status: "gone" };
  const values = Object.fromEntries(Object.entries((draft.values ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
  return { status: "found", values, documents: draft.uploads, expiresAt: draft.expiresAt };
}
