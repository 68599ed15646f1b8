"use client";

import * as React from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight, Quote } from "lucide-react";
import { Button } from "@/components/ui/button";
import { writeClipboard } from "@/components/ui/copy-button";
import { highlightTerms, pinCite, splitOnTerms } from "@/lib/search/highlight-terms";

export type TextPageViewerProps = {
  label: string;
  // What a page is for this exhibit ("part" of a long text, "sheet", "slide"); cites use the number.
  unit: string;
  page: number;
  pageCount: number;
  text: string;
  query?: string;
  // The exhibit page's own URL, to link the neighbouring pages with the same query.
  baseHref: string;
};

// Extracted text of one page of a text exhibit (TXT, CSV, JSON, HAR, e-mail…), with the search
// words marked and the first one scrolled into view.
export function TextPageViewer({ label, unit, page, pageCount, text, query, baseHref }: TextPageViewerProps) {
  const terms = React.useMemo(() => highlightTerms(query ?? ""), [query]);
  const pieces = React.useMemo(() => splitOnTerms(text, terms), [text, terms]);
  const matches = pieces.filter((p) => p.match).length;
  const preRef = React.useRef<HTMLPreElement>(null);
  const [copied, setCopied] = React.useState<string | null>(null);

  React.useEffect(() => {
    preRef.current?.querySelector("mark")?.scrollIntoView({ block: "center" });
  }, [pieces]);

  React.useEffect(() => {
    if (!copied) return;
    const t = window.setTimeout(() => setCopied(null), 2500);
    return () => window.clearTimeout(t);
  }, [copied]);

  const selected = () => {
    const selection = window.getSelection();
    const value = selection?.toString().trim();
    return value && selection?.anchorNode && preRef.current?.contains(selection.anchorNode) ? value : null;
  };
  const cite = pinCite(label, page);
  const href = (n: number) => `${baseHref}?${new URLSearchParams({ page: String(n), ...(query ? { q: query } : {}) })}`;

  return (
    <div className="flex flex-col gap-2" data-testid="text-viewer" data-page={page} data-matches={matches}>
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={`${label} ${unit}s`}>
        {pageCount > 1 && (
          <Button asChild variant="outline" size="sm" aria-disabled={page <= 1}>
            <Link href={href(Math.max(page - 1, 1))} aria-label={`Previous ${unit}`}>
              <ChevronLeft aria-hidden />
            </Link>
          </Button>
        )}
        <span className="text-sm tabular-nums" data-testid="viewer-page-indicator">
          {unit[0]!.toUpperCase() + unit.slice(1)} {page} of {pageCount}
        </span>
        {pageCount > 1 && (
          <Button asChild variant="outline" size="sm" aria-disabled={page >= pageCount}>
            <Link href={href(Math.min(page + 1, pageCount))} aria-label={`Next ${unit}`}>
              <ChevronRight aria-hidden />
            </Link>
          </Button>
        )}
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={async () => {
            const value = selected();
            setCopied((await writeClipboard(value ? `“${value}” (${cite})` : cite)) ? cite : null);
          }}
        >
          <Quote aria-hidden /> Copy pin cite
        </Button>
        <span className="text-sm text-muted-foreground" role="status">
          {copied ? `Copied ${copied}` : terms.length > 0 ? `${matches} ${matches === 1 ? "match" : "matches"} on this ${unit}` : ""}
        </span>
      </div>
      <pre
        ref={preRef}
        tabIndex={0}
        aria-label={`${label}, ${unit} ${page} of ${pageCount}`}
        onCopy={(e) => {
          const value = selected();
          if (!value) return;
          e.clipboardData.setData("text/plain", `“${value}” (${cite})`);
          e.preventDefault();
        }}
        className="max-h-[40rem] overflow-auto rounded-md border bg-muted p-3 text-xs whitespace-pre-wrap"
      >
        {pieces.map((p, i) =>
          p.match ? (
            <mark key={i} className="rounded-sm bg-warning-bg font-semibold text-foreground ring-1 ring-warning-border">
              {p.text}
            </mark>
          ) : (
            <React.Fragment key={i}>{p.text}</React.Fragment>
          ),
        )}
      </pre>
    </div>
  );
}
