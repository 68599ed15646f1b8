"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Snippet } from "@/components/exhibits/snippet";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Mono } from "@/components/ui/mono";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";

// Shapes of GET /api/v1/matters/:matterId/exhibits/linkable and …/:exhibitId/preview.
export type LinkableMatch = {
  id: string;
  label: string;
  title: string;
  privileged: boolean;
  matchedOn: "number" | "title" | "text" | "all";
  page?: number;
  snippet?: string;
};

type Preview = {
  id: string;
  label: string;
  title: string;
  originalFilename: string;
  source: string | null;
  custodian: string | null;
  obtainedAt: string | null;
  collectedBy: string | null;
  privilege: string;
  confidentiality: string;
  pageCount: number | null;
  extractionStatus: string;
  snippet: { page: number; text: string } | null;
};

const MATCHED_ON: Record<LinkableMatch["matchedOn"], string> = { number: "number", title: "title", text: "text", all: "" };

// Search-as-you-type over the matter's exhibits (number, title, extracted text), answered by the
// server, with the results as a native radio group (arrow keys move, the form posts the choice)
// and a preview of the chosen exhibit so the person linking sees what they are citing.
export function ExhibitFinder({
  matterId,
  initial,
  defaultValue,
  error,
}: {
  matterId: string;
  initial: LinkableMatch[];
  defaultValue?: string;
  error?: string[];
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<LinkableMatch[]>(initial);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | undefined>(defaultValue);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setSearching(true);
      setFailed(null);
      try {
        const res = await fetch(`/api/v1/matters/${matterId}/exhibits/linkable?q=${encodeURIComponent(query.trim())}`, { signal: controller.signal });
        const body = (await res.json()) as { exhibits?: LinkableMatch[]; error?: { message: string } };
        if (!res.ok || !body.exhibits) throw new Error(body.error?.message ?? `The search failed (${res.status}).`);
        setResults(body.exhibits);
      } catch (e) {
        if (!controller.signal.aborted) setFailed((e as Error).message);
      } finally {
        if (!controller.signal.aborted) setSearching(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, matterId]);

  // Only callbacks set state here: "loading" is derived from a preview that is not yet the chosen one's.
  useEffect(() => {
    if (!chosen) return;
    const controller = new AbortController();
    fetch(`/api/v1/matters/${matterId}/exhibits/${chosen}/preview`, { signal: controller.signal })
      .then(async (res) => {
        const body = (await res.json()) as { exhibit?: Preview };
        if (!res.ok || !body.exhibit) throw new Error();
        setPreview(body.exhibit);
      })
      .catch(() => {
        if (!controller.signal.aborted) setPreviewFailed(chosen);
      });
    return () => controller.abort();
  }, [chosen, matterId]);

  const queryId = `${id}-query`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const shown = preview && preview.id === chosen ? preview : null;

  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={queryId}>Find an exhibit</Label>
        <Input
          id={queryId}
          type="search"
          value={query}
          autoComplete="off"
          placeholder="PX-0012, words of the title, or words in the document"
          aria-describedby={statusId}
          onChange={(e) => setQuery(e.target.value)}
          // Enter searches; it must not submit the link form half-filled.
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          data-testid="exhibit-finder-query"
        />
        <p id={statusId} className="text-xs text-muted-foreground" aria-live="polite">
          {searching ? "Searching…" : failed ? failed : results.length === 0 ? "No exhibit matches." : `${results.length} exhibit${results.length === 1 ? "" : "s"}${query.trim() ? " found" : ", newest first"}.`}
        </p>
      </div>
      <fieldset className="grid gap-1.5" aria-invalid={error?.length ? true : undefined} aria-describedby={error?.length ? errorId : undefined}>
        <legend className="mb-1 text-sm font-medium">
          Exhibit <span aria-hidden className="text-destructive-fg">*</span>
          <span className="sr-only">(required)</span>
        </legend>
        <div id="exhibitId" tabIndex={-1} className="max-h-56 overflow-y-auto rounded-md border" data-testid="exhibit-finder-results">
          {results.length === 0 ? (
            <p className="px-3 py-2 text-sm text-muted-foreground">Nothing to choose yet.</p>
          ) : (
            <ul className="divide-y">
              {results.map((x) => (
                <li key={x.id}>
                  <label className={cn("flex cursor-pointer items-start gap-2 px-3 py-2 text-sm hover:bg-accent", chosen === x.id && "bg-accent")}>
                    <input type="radio" name="exhibitId" value={x.id} checked={chosen === x.id} onChange={() => setChosen(x.id)} className="mt-1" />
                    <span className="grid gap-0.5">
                      <span>
                        <Mono>{x.label}</Mono> {x.title}
                        {x.privileged && (
                          <Badge variant="lock" className="ml-2">
                            Privileged
                          </Badge>
                        )}
                        {MATCHED_ON[x.matchedOn] && <span className="ml-2 text-xs text-muted-foreground">matched on {MATCHED_ON[x.matchedOn]}</span>}
                      </span>
                      {x.snippet && (
                        <span className="text-muted-foreground">
                          p. {x.page}: <Snippet text={x.snippet} />
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </div>
        {error?.length ? (
          <p id={errorId} className="text-sm text-destructive-fg">
            {error.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <section aria-label="Preview of the chosen exhibit" aria-live="polite" className="rounded-md border bg-muted/40 p-3 text-sm" data-testid="exhibit-preview">
        {!chosen ? (
          <p className="text-muted-foreground">Choose an exhibit to see its details and the start of its text.</p>
        ) : previewFailed === chosen ? (
          <p className="text-destructive-fg">The preview could not be loaded; you can still link the exhibit.</p>
        ) : !shown ? (
          <p className="flex items-center gap-2 text-muted-foreground">
            <Spinner /> Loading the preview…
          </p>
        ) : (
          <div className="grid gap-2">
            <p className="font-medium">
              <Mono>{shown.label}</Mono> {shown.title}
              {shown.privilege !== "NONE" && (
                <Badge variant="lock" className="ml-2">
                  Privileged
                </Badge>
              )}
            </p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
              <dt className="text-muted-foreground">File</dt>
              <dd>{shown.originalFilename}</dd>
              <dt className="text-muted-foreground">Source</dt>
              <dd>{shown.source ?? "—"}</dd>
              <dt className="text-muted-foreground">Custodian</dt>
              <dd>{shown.custodian ?? "—"}</dd>
              <dt className="text-muted-foreground">Obtained</dt>
              <dd>{shown.obtainedAt ?? "—"}</dd>
              <dt className="text-muted-foreground">Collected by</dt>
              <dd>{shown.collectedBy ?? "—"}</dd>
              {shown.pageCount != null && (
                <>
                  <dt className="text-muted-foreground">Pages</dt>
                  <dd>{shown.pageCount}</dd>
                </>
              )}
            </dl>
            {shown.snippet ? (
              <blockquote className="border-l-2 border-border-strong pl-2 text-xs whitespace-pre-wrap" data-testid="exhibit-preview-text">
                <span className="text-muted-foreground">p. {shown.snippet.page}: </span>
                {shown.snippet.text}
              </blockquote>
            ) : (
              <p className="text-xs text-muted-foreground">
                {shown.extractionStatus === "QUEUED" || shown.extractionStatus === "RUNNING" ? "Its text is still being extracted." : "No text was extracted from this file."}
              </p>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
