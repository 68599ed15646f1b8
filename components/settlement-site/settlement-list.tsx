import Link from "next/link";

// The public settlement websites, each with its court and case number.
export function SettlementList({ sites }: { sites: { slug: string; caption: string; court: string; docketNumber: string }[] }) {
  return (
    <ul className="grid gap-3" aria-label="Settlement websites" data-testid="settlement-list">
      {sites.map((s) => (
        <li key={s.slug} className="rounded-lg border border-border bg-background p-4">
          <Link href={`/settlements/${s.slug}`} className="text-lg font-medium text-primary underline underline-offset-4">
            {s.caption}
          </Link>
          <p className="mt-1 text-sm text-muted-foreground">
            {s.court} · <span className="font-mono">{s.docketNumber}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
