import "server-only";
import { createCoalescer } from "@/lib/server/batching/coalescer";
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

// Called after the commit that queued the messages: never delays or fails the request that caused
// it. A request sends only its own messages: sweeping the backlog on every claim would scan the
// outbox once per submission (it cut claim intake to an eighth under load); the scheduled
// "mail-sweep" job (lib/server/jobs/queues.ts) sends the rest every minute.
export function deliverOutboxSoon(queued: readonly QueuedMail[] = []): void {
  setImmediate(() => {
    const delivering = queued.length > 0 ? deliverQueued(queued) : deliverOutbox();
    delivering.catch((error: unknown) => logger.error({ err: error }, "outbox delivery failed"));
  });
}

async function deliverQueued(queued: readonly QueuedMail[]): Promise<void> {
  await Promise.all(queued.map((mail) => deliverTogether(mail)));
}

// Messages queued by concurrent requests travel together: one transaction claims them all (SKIP
// LOCKED: a row another instance holds is left to it), each is sent, and one statement records
// them sent. One transaction per message made mail delivery the cost of a claim (a quarter of
// intake's throughput). A failure is recorded on its own row and sinks no neighbour.
const deliverTogether = createCoalescer<QueuedMail, boolean>(async (mails) =>
  db.$transaction(
    async (tx) => {
      const ids = mails.map((m) => m.id);
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id, "to", subject, text FROM "OutboxMessage"
        WHERE id = ANY(${ids}::uuid[]) AND "sentAt" IS NULL AND error IS NULL FOR UPDATE SKIP LOCKED`;
      const claimed = new Map(rows.map((r) => [r.id, r]));
      const sent: string[] = [];
      const failed: { id: string; error: string }[] = [];
      await Promise.all(
        mails.map(async (mail) => {
          const row = claimed.get(mail.id);
          if (!row) return;
          try {
            await sendMail({ id: row.id, to: row.to, subject: row.subject, text: mail.text });
            sent.push(row.id);
          } catch (error) {
            logger.warn({ err: error, outboxId: row.id }, "mail delivery failed");
            failed.push({ id: row.id, error: String(error).slice(0, 1000) });
          }
        }),
      );
      if (sent.length > 0) await tx.$executeRaw`UPDATE "OutboxMessage" SET "sentAt" = now() WHERE id = ANY(${sent}::uuid[])`;
      for (const f of failed) await tx.outboxMessage.update({ where: { id: f.id }, data: { error: f.error } });
      return mails.map((m) => claimed.has(m.id));
    },
    // An SMTP server may take a while to answer; the rows stay locked meanwhile.
    { timeout: 60_000 },
  ),
);
