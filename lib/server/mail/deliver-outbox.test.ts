import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { deliverOutbox, REDACTED_MAIL_GRACE_MS, UNDELIVERABLE_REDACTED } from "@/lib/server/mail/deliver-outbox";
import { listOutbox } from "@/lib/server/mail/list-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { latestMail } from "@/scripts/lib/mailbox";

const address = () => `mail.${randomBytes(4).toString("hex")}@example.org`;
const secret = () => randomBytes(32).toString("base64url");
const filesTo = async (to: string) => {
  const names = await fsp.readdir(env.MAIL_SINK_DIR).catch(() => [] as string[]);
  const texts = await Promise.all(names.map((n) => fsp.readFile(`${env.MAIL_SINK_DIR}/${n}`, "utf8")));
  return texts.filter((t) => t.includes(to));
};

describe("outbox: secrets stay out of the database", () => {
  it("stores the text with the token redacted, sends the real link once, and shows the admin only the redacted text", async () => {
    const to = address();
    const token = secret();
    const queued = await db.$transaction((tx) =>
      queueMail(tx, { to, subject: "Your link", text: `Open https://app.test/claim/verify?token=${token}\nThanks\n`, ref: "test", secrets: [token] }),
    );
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ text: "Open https://app.test/claim/verify?token=[redacted]\nThanks\n", redacted: true, sentAt: null });

    expect(await deliverOutbox([queued])).toBeGreaterThanOrEqual(1);
    const mail = await latestMail(env.MAIL_SINK_DIR, to, "Your link", { timeoutMs: 0 });
    expect(mail.text).toContain(`https://app.test/claim/verify?token=${token}`);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).sentAt).not.toBeNull();
    // Delivering again (another instance, a retry) sends nothing more.
    await deliverOutbox([queued]);
    expect(await filesTo(to)).toHaveLength(1);

    const { admin } = await makeMatterWithTeam();
    const shown = await listOutbox(admin, { to });
    expect(shown.map((m) => m.text)).toEqual([row.text]);
    expect(await db.outboxMessage.count({ where: { text: { contains: token } } })).toBe(0);
  });

  it("never sends a redacted text: its process's copy lost, it is marked undeliverable after the grace period", async () => {
    const to = address();
    const token = secret();
    const queued = await db.$transaction((tx) => queueMail(tx, { to, subject: "Lost link", text: `Link: https://app.test/claim/verify?token=${token}\n`, secrets: [token] }));
    // Another instance's sweep leaves a fresh one to the process that holds its text.
    await deliverOutbox();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ sentAt: null, error: null });
    // That process died: after the grace period the message is given up, not sent redacted.
    await db.outboxMessage.update({ where: { id: queued.id }, data: { createdAt: new Date(Date.now() - REDACTED_MAIL_GRACE_MS - 1000) } });
    await deliverOutbox();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ sentAt: null, error: UNDELIVERABLE_REDACTED });
    expect(await filesTo(to)).toHaveLength(0);
  });

  it("sends mail without secrets from the stored row, by any instance", async () => {
    const to = address();
    const queued = await db.$transaction((tx) => queueMail(tx, { to, subject: "Claim approved", text: "Your claim has been approved.\n" }));
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).redacted).toBe(false);
    await deliverOutbox();
    // Test files share the database, so another file's sweep may have sent it into its own folder.
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).sentAt).not.toBeNull();
  });
});
