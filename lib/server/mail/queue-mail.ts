import "server-only";
import type { Tx } from "@/lib/server/db";

export type Mail = { to: string; subject: string; text: string; ref?: string };

// The outbox row commits with the change that caused it, so a mail is never sent for a claim
// that rolled back, nor lost for one that committed. deliverOutbox() sends it afterwards.
export async function queueMail(tx: Tx, mail: Mail): Promise<void> {
  await tx.outboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, ref: mail.ref ?? null } });
}
