import Link from "next/link";
import { Mono } from "@/components/ui/mono";
import { UserMenu } from "@/components/workspace/user-menu";

type Props = {
  user: { name: string; email: string; roleLabel: string };
  matter?: { id: string; caption: string; docketNumber: string; court: string };
  isAdmin?: boolean;
};

// The top bar of the staff workspace: where you are (matter caption, docket) and who you are.
export function AppHeader({ user, matter, isAdmin = false }: Props) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-4 border-b border-border bg-background px-4" data-print="hide">
      <Link href="/matters" className="rounded-sm font-semibold tracking-tight">
        Proofline
      </Link>
      {matter && (
        <div className="flex min-w-0 items-baseline gap-3 border-l border-border pl-4">
          <Link href={`/matters/${matter.id}`} className="truncate rounded-sm font-medium italic hover:underline">
            {matter.caption}
          </Link>
          <Mono className="shrink-0 text-sm text-muted-foreground" title={matter.court}>
            No. {matter.docketNumber}
          </Mono>
        </div>
      )}
      {matter && (
        // A plain GET form: search works before any JavaScript loads and the URL can be shared.
        <form action={`/matters/${matter.id}/exhibits`} role="search" className="ml-auto hidden md:block">
          <label htmlFor="global-search" className="sr-only">
            Search the text of this matter&apos;s exhibits
          </label>
          <input
            id="global-search"
            name="q"
            type="search"
            placeholder="Search exhibit text…"
            className="h-8 w-64 rounded-md border border-input bg-background px-3 text-sm placeholder:text-muted-foreground"
          />
        </form>
      )}
      <div className={matter ? "flex items-center gap-2" : "ml-auto flex items-center gap-2"}>
        {isAdmin && (
          <Link href="/admin" className="rounded-sm px-2 text-sm font-medium text-muted-foreground hover:text-foreground hover:underline">
            Administration
          </Link>
        )}
        <UserMenu {...user} />
      </div>
    </header>
  );
}
