import Link from "next/link";
import { Button } from "@/components/ui/button";

// The footer of an edit page's form: submit (disabled and saying so while saving) and a way back.
export function FormActions({ pending, submitLabel, cancelHref }: { pending: boolean; submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
      <Button asChild variant="outline">
        <Link href={cancelHref}>Cancel</Link>
      </Button>
    </div>
  );
}
