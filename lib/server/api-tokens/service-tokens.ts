import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { mintToken } from "@/lib/server/auth/api-token-secret";
import { appendAudit } from "@/lib/server/audit/append-audit";

// The steps the matter's (attorneys') and the administrators' service-token use cases share,
// after each has authorised its caller (hence unsafe…: they check nothing themselves).

// A claim feed's token: claims:write on exactly this matter, made by `maker` (who is recorded as
// its maker; it does not act as them). Shown once, stored hashed, audited on the matter.
export async function unsafeMintServiceToken(maker: Actor, matterId: string, data: { name: string; expiresInDays: number }) {
  const id = uuidv7();
  const { token, secretHash } = mintToken(id);
  const expiresAt = new Date(Date.now() + data.expiresInDays * 24 * 3600 * 1000);
  await db.$transaction(async (tx) => {
    await tx.apiToken.create({ data: { id, userId: maker.userId, name: data.name, secretHash, access: "WRITE", kind: "SERVICE", matterIds: [matterId], expiresAt } });
    await appendAudit(tx, maker, { matterId, action: "service-token.create", entityId: id, details: { name: data.name, expiresAt: expiresAt.toISOString() } });
  });
  return { id, token, expiresAt };
}

export async function unsafeServiceTokenRows(where: Prisma.ApiTokenWhereInput = {}) {
  const tokens = await db.apiToken.findMany({
    where: { ...where, kind: "SERVICE" },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, matterIds: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true, user: { select: { name: true } } },
  });
  const matters = new Map(
    (await db.matter.findMany({ where: { id: { in: [...new Set(tokens.flatMap((t) => t.matterIds))] } }, select: { id: true, shortName: true, slug: true } })).map((m) => [m.id, m]),
  );
  const now = Date.now();
  return tokens.map(({ user, matterIds, ...t }) => ({
    ...t,
    createdBy: user.name,
    matter: matters.get(matterIds[0]!) ?? null,
    state: t.revokedAt ? ("revoked" as const) : t.expiresAt.getTime() <= now ? ("expired" as const) : ("active" as const),
  }));
}

// Revokes a service token (of `matterId` when given; 404 when there is none); twice is a no-op.
export async function unsafeRevokeServiceToken(by: Actor, tokenId: string, matterId: string | null) {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, kind: "SERVICE", ...(matterId ? { matterIds: { has: matterId } } : {}) },
      select: { name: true, revokedAt: true, matterIds: true },
    });
    if (!token) throw AppError.notFound("Token not found");
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await appendAudit(tx, by, { matterId: token.matterIds[0] ?? null, action: "service-token.revoke", entityId: tokenId, details: { name: token.name } });
  });
}
