import "server-only";
import { v7 as uuidv7 } from "uuid";
import type { Tx } from "@/lib/server/db";

// `secrets` are the parts of `text` that must not be stored (a sign-in token): the outbox row
// keeps the text with them replaced, and only the returned QueuedMail carries the real text.
export type Mail = { to: string; subject: string; text: string; ref?: string; secrets?: readonly string[] };

// A committed outbox row's message as it is to be sent; it lives in this process's memory only.
// Hand it to deliverOutboxSoon() once the transaction that queued it has committed.
export type QueuedMail = { id: string; to: string; subject: string; text: string };

export const REDACTED = "[redacted]";

// The row to insert and the message to send, for writers that insert the row themselves
// (claim submission's single statement).
export function outboxEntry(mail: Mail) {
  const id = uuidv7();
  let stored = mail.text;
  for (const secret of mail.secrets ?? []) {
    if (secret) stored = stored.replaceAll(secret, REDACTED).replaceAll(encodeURIComponent(secret), REDACTED);
  }
  return {
    row: { id, to: mail.to, subject: mail.subject, text: stored, redacted: stored !== mail.text, ref: mail.ref ?? null },
    queued: { id, to: mail.to, subject: mail.subject, text: mail.text } satisfies QueuedMail,
  };
}

// The outbox row commits with the change that caused it, so a mail is never sent for a claim
// that rolled back, nor lost for one that committed.
export async function queueMail(tx: Tx, mail: Mail): Promise<QueuedMail> {
  const { row, queued } = outboxEntry(mail);
  await tx.outboxMessage.create({ data: row });
  return queued;
}
