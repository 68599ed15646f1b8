import type { Metadata } from "next";
import { Mail } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { listOutbox } from "@/lib/server/mail/list-outbox";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { ZOutboxQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Outbox" };

// Admins only: the mail the app sent. Sign-in links appear as [redacted]: only the recipient's
// copy carries a working token, so this page cannot be used to sign in as a member.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { to } = parseSearchParams(ZOutboxQuery, await searchParams);
  const actor = await pageActor();
  const messages = await loadOr404(() => listOutbox(actor, { to }));
  return (
    <div className="mx-auto max-w-5xl p-6">
      <PageHeader
        title="Outbox"
        description="The latest 100 messages. Sign-in links are shown as [redacted]; only the recipient's copy works. Without SMTP_URL set, mail is written to the server's mail folder."
      />
      <form method="get" className="mb-4 flex items-end gap-2" role="search" aria-label="Filter messages">
        <label htmlFor="to" className="grid gap-1 text-sm font-medium">
          Recipient contains
          <input id="to" name="to" defaultValue={to} className="h-9 w-72 rounded-md border border-input bg-background px-3" />
        </label>
        <button type="submit" className="h-9 rounded-md border border-border-strong px-3 text-sm">
          Filter
        </button>
      </form>
      {messages.length === 0 ? (
        <EmptyState icon={<Mail />} title="No messages" description="Mail appears here when a class member files a claim or a notice is sent." />
      ) : (
        <ul className="grid gap-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-md border border-border bg-background p-4" data-testid="outbox-message">
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span>
                  To <strong>{m.to}</strong>
                </span>
                <span className="text-muted-foreground">
                  <Timestamp value={m.createdAt} /> · {m.sentAt ? "sent" : m.error ? `not sent: ${m.error}` : "waiting to be sent"}
                </span>
              </div>
              <h2 className="mt-1 font-semibold">{m.subject}</h2>
              <pre className="mt-2 font-sans text-sm break-words whitespace-pre-wrap">{m.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
