// Search snippets arrive with matches wrapped in \u0001 … \u0002 (see search-exhibits.ts);
// rendering them as <mark> elements keeps exhibit text out of innerHTML.
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/);
  return (
    <span className="text-sm">
      {parts.map((part, i) =>
        part.startsWith("\u0001") ? (
          <mark key={i} className="rounded-sm bg-warning-bg px-0.5 text-foreground">
            {part.slice(1, -1)}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </span>
  );
}
