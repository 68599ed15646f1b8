// The local mail folder (MAIL_SINK_DIR, one .eml per message) read as a recipient would read it:
// for tests, which take sign-in links from the mail the member received.
import fsp from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";

export type ReceivedMail = { file: string; to: string; subject: string; text: string };

// The newest message to `to` whose subject starts with `subject`, waiting for it to arrive
// (mail goes out just after the request that caused it has answered).
export async function latestMail(dir: string, to: string, subject = "", opts: { timeoutMs?: number; after?: string } = {}): Promise<ReceivedMail> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const names = (await fsp.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".eml")).sort().reverse();
    for (const name of names) {
      if (opts.after && name <= opts.after) break;
      const parsed = await simpleParser(await fsp.readFile(path.join(dir, name)));
      const recipients = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
      if (recipients.includes(to.toLowerCase()) && (parsed.subject ?? "").startsWith(subject)) {
        return { file: name, to, subject: parsed.subject ?? "", text: parsed.text ?? "" };
      }
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with subject "${subject}…" in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
