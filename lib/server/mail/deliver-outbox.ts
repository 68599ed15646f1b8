import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

let transport: nodemailer.Transporter | undefined;

// Without SMTP_URL the outbox table is the delivery (the admin Outbox page shows it). With it,
// pending rows are handed to the SMTP server; a row is claimed with SKIP LOCKED so several web
// instances never send the same message twice.
export async function deliverOutbox(limit = 50): Promise<number> {
  if (!env.SMTP_URL) return 0;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string }[]>`
        SELECT id, "to", subject, text FROM "OutboxMessage"
        WHERE "sentAt" IS NULL AND error IS NULL ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!row) return false;
      try {
        await transport!.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: row.text });
        await tx.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      } catch (error) {
        logger.warn({ err: error, outboxId: row.id }, "SMTP delivery failed");
        await tx.outboxMessage.update({ where: { id: row.id }, data: { error: String(error).slice(0, 1000) } });
      }
      return true;
    });
    if (!done) break;
    sent++;
  }
  return sent;
}

// Called after a commit that queued mail: never delays or fails the request that caused it.
export function deliverOutboxSoon(): void {
  if (!env.SMTP_URL) return;
  setImmediate(() => {
    deliverOutbox().catch((error: unknown) => logger.error({ err: error }, "outbox delivery failed"));
  });
}
