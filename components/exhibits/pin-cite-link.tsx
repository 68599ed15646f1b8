import Link from "next/link";

// A pin cite that names a page opens the exhibit viewer there (viewerHref); any other is plain text.
export function PinCiteLink({ href, cite }: { href: string | null; cite: string | null }) {
  if (!cite) return <>—</>;
  if (!href) return <>{cite}</>;
  return (
    <Link href={href} className="text-primary hover:underline">
      {cite}
    </Link>
  );
}
