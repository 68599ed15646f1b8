import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/server/env";

export type OutgoingMail = { id: string; to: string; subject: string; text: string };

let smtp: nodemailer.Transporter | undefined;
let sink: nodemailer.Transporter | undefined;

// SMTP when SMTP_URL is set; otherwise the local mail folder, one RFC 822 .eml file per message
// (named by time, then outbox id, so a listing sorts oldest first). The file is written under a
// temporary name and renamed, so a reader never sees half a message.
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const message = { from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text };
  if (env.SMTP_URL) {
    smtp ??= nodemailer.createTransport(env.SMTP_URL);
    await smtp.sendMail(message);
    return;
  }
  sink ??= nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = (await sink.sendMail(message)) as { message: Buffer };
  await fsp.mkdir(env.MAIL_SINK_DIR, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`;
  const file = path.join(env.MAIL_SINK_DIR, name);
  await fsp.writeFile(`${file}.tmp`, info.message);
  await fsp.rename(`${file}.tmp`, file);
}
