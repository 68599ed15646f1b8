import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { sendMail } from "@/lib/server/mail/mail-transport";
import type { QueuedMail } from "@/lib/server/mail/queue-mail";

// A redacted message is sent by the process that queued it within moments of its commit; one
// still pending this long after lost that process, and with it the only copy of its link.
export const REDACTED_MAIL_GRACE_MS = 10 * 60 * 1000;
export const UNDELIVERABLE_REDACTED =
  "Not sent: the server stopped before sending it, and its sign-in link is never stored. The member can ask for a new link.";

type Row = { id: string; to: string; subject: string; text: string };

// Sends pending mail, each message at most once: first the given messages (the real text of
// redacted rows this process just committed), then rows whose stored text is the message itself.
// A row is claimed with SKIP LOCKED, so several web instances never send the same message twice.
// Returns how many rows were handled (sent, or failed with the error recorded).
export async function deliverOutbox(queued: readonly QueuedMail[] = [], limit = 50): Promise<number> {
  let handled = 0;
  for (const mail of queued) if (await deliverOne(mail)) handled++;
  for (let i = 0; i < limit && (await deliverOne()); i++) handled++;
  await db.$executeRaw`
    UPDATE "OutboxMessage" SET error = ${UNDELIVERABLE_REDACTED}
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE redacted AND "sentAt" IS NULL AND error IS NULL AND "createdAt" < ${new Date(Date.now() - REDACTED_MAIL_GRACE_MS)}
      FOR UPDATE SKIP LOCKED)`;
  return handled;
}

async function deliverOne(queued?: QueuedMail): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [row] = queued
        ? await tx.$queryRaw<Row[]>`
            SELECT id, "to", subject, text FROM "OutboxMessage"
            WHERE id = ${queued.id}::uuid AND "sentAt" IS NULL AND error IS NULL FOR UPDATE SKIP LOCKED`
        : await tx.$queryRaw<Row[]>`
            SELECT id, "to", subject, text FROM "OutboxMessage"
            WHERE "sentAt" IS NULL AND error IS NULL AND NOT redacted ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!row) return false;
      try {
        await sendMail({ id: row.id, to: row.to, subject: row.subject, text: queued?.text ?? row.text });
        await tx.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      } catch (error) {
        logger.warn({ err: error, outboxId: row.id }, "mail delivery failed");
        await tx.outboxMessage.update({ where: { id: row.id }, data: { error: String(error).slice(0, 1000) } });
      }
      return true;
    },
    // An SMTP server may take a while to answer; the row stays locked meanwhile.
    { timeout: 60_000 },
  );
}

// Called after the commit that queued the messages: never delays or fails the request that caused it.
export function deliverOutboxSoon(queued: readonly QueuedMail[] = []): void {
  setImmediate(() => {
    deliverOutbox(queued).catch((error: unknown) => logger.error({ err: error }, "outbox delivery failed"));
  });
}
