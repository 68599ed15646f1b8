import { paragraphs } from "@/lib/schemas/settlement-site";

// Staff-written plain text as paragraphs (React escapes it: no HTML from the text ever runs).
export function SiteText({ text, empty }: { text: string; empty: string }) {
  const parts = paragraphs(text);
  if (parts.length === 0) return <p className="text-muted-foreground">{empty}</p>;
  return (
    <div className="grid max-w-prose gap-4 leading-relaxed">
      {parts.map((p, i) => (
        <p key={i} className="whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}
