import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

// The search above the opt-out and objection tables (a GET form: the filter is in the address).
export function ResponseListFilter({ label, q, flagged, flaggedLabel }: { label: string; q?: string; flagged: boolean; flaggedLabel: string }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label={label} data-print="hide">
      <div className="grid gap-1">
        <Label htmlFor="f-q">Reference, name or e-mail</Label>
        <Input id="f-q" name="q" defaultValue={q} className="w-64" />
      </div>
      <div className="flex items-center gap-2 pb-2">
        <Checkbox id="f-flagged" name="flagged" value="1" defaultChecked={flagged} />
        <Label htmlFor="f-flagged" className="font-normal">
          {flaggedLabel}
        </Label>
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      <Button asChild variant="ghost">
        <Link href="?">Clear</Link>
      </Button>
    </form>
  );
}

export function Pager({ page, total, pageSize, href }: { page: number; total: number; pageSize: number; href: (page: number) => string }) {
  if (total <= pageSize) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="text-primary hover:underline">
          ← Previous
        </Link>
      )}
      <span className="text-muted-foreground">
        Page {page} of {Math.ceil(total / pageSize)}
      </span>
      {page * pageSize < total && (
        <Link href={href(page + 1)} className="text-primary hover:underline">
          Next →
        </Link>
      )}
    </nav>
  );
}
