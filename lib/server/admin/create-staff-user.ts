import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { ZCreateStaffUser } from "@/lib/schemas/admin";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { hashPassword } from "@/lib/server/auth/passwords";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimSubmissionKey } from "@/lib/server/idempotency";

// Staff and administrator accounts are made by an administrator; class members make their own
// through the claim portal.
export async function createStaffUser(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.users");
  const { submissionKey, password, ...data } = parseInput(ZCreateStaffUser, input);
  const passwordHash = await hashPassword(password);
  const id = uuidv7();
  return db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "User", entityId: id });
    if (firstId) return tx.user.findUniqueOrThrow({ where: { id: firstId } });
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw AppError.validation({ email: ["An account with this email already exists"] });
    }
    const user = await tx.user.create({ data: { id, ...data, passwordHash } });
    await appendAudit(tx, actor, { matterId: null, action: "user.create", entityId: id, details: data });
    return user;
  });
}
