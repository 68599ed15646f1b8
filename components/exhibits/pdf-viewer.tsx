"use client";

import "pdfjs-dist/web/pdf_viewer.css";
import * as React from "react";
import { ChevronLeft, ChevronRight, Quote, SquareDashedMousePointer } from "lucide-react";
import type { PDFDocumentProxy } from "pdfjs-dist";
import type { PDFViewer as PdfJsViewer } from "pdfjs-dist/web/pdf_viewer.mjs";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { writeClipboard } from "@/components/ui/copy-button";
import { Progress } from "@/components/ui/progress";
import { highlightTerms, pinCite } from "@/lib/search/highlight-terms";

type PdfJs = typeof import("pdfjs-dist");

// One worker for every document the tab opens, handed to each getDocument explicitly: a loading
// task destroys only a worker it made itself, so closing one viewer (leaving a page for the next)
// can no longer put the shared worker into "being destroyed" while the next viewer asks for it.
let pdfjsPromise: Promise<{ pdfjs: PdfJs; viewer: typeof import("pdfjs-dist/web/pdf_viewer.mjs"); worker: InstanceType<PdfJs["PDFWorker"]> }> | null = null;
function loadPdfJs() {
  pdfjsPromise ??= (async () => {
    const pdfjs = await import("pdfjs-dist");
    const worker = pdfjs.PDFWorker.create({ port: new Worker(new URL("./pdf-worker.ts", import.meta.url), { type: "module" }) });
    // The text layer lays out each line in a browser font and stretches it to the line's width in
    // the PDF; the marks sit on the drawn words only if that font has the PDF's metrics. The
    // generic families are whatever the system has (DejaVu Sans on Debian, wider than Helvetica,
    // so marks drift along a line), so name the metric-compatible faces of the standard 14 fonts
    // first. pdf.js keeps this map for exactly this purpose.
    pdfjs.TextLayer.fontFamilyMap.set("sans-serif", 'Helvetica, Arial, "Liberation Sans", Arimo, sans-serif');
    pdfjs.TextLayer.fontFamilyMap.set("serif", '"Times New Roman", Times, "Liberation Serif", Tinos, serif');
    pdfjs.TextLayer.fontFamilyMap.set("monospace", '"Courier New", Courier, "Liberation Mono", Cousine, monospace');
    // The viewer components read the core library from this global (pdf.js's own contract).
    (globalThis as unknown as { pdfjsLib: PdfJs }).pdfjsLib = pdfjs;
    const viewer = await import("pdfjs-dist/web/pdf_viewer.mjs");
    return { pdfjs, viewer, worker };
  })();
  return pdfjsPromise;
}

// A rectangle on a page in PDF user-space units (points, origin at the page's bottom left).
export type PdfRegion = { page: number; x: number; y: number; width: number; height: number };

export type PdfViewerProps = {
  fileUrl: string;
  label: string;
  initialPage?: number;
  query?: string;
  // Redaction: the regions to outline on the pages, and, when given, drawing a rectangle with the
  // mouse (or "Mark the selected text") reports a new region.
  regions?: (PdfRegion & { label: string })[];
  onRegion?: (region: PdfRegion) => void;
};

type PageViewLike = { div: HTMLElement; viewport: { convertToPdfPoint(x: number, y: number): number[]; convertToViewportRectangle(r: number[]): number[] } };

// Client rectangles (of a drag or a text selection) in one page's element, as a region in PDF space.
function toRegion(view: PageViewLike, page: number, rect: { left: number; top: number; right: number; bottom: number }): PdfRegion {
  const box = view.div.getBoundingClientRect();
  const [x0, y0] = view.viewport.convertToPdfPoint(rect.left - box.left, rect.top - box.top) as [number, number];
  const [x1, y1] = view.viewport.convertToPdfPoint(rect.right - box.left, rect.bottom - box.top) as [number, number];
  const r = (n: number) => Math.round(n * 10) / 10;
  return { page, x: r(Math.min(x0, x1)), y: r(Math.min(y0, y1)), width: r(Math.abs(x1 - x0)), height: r(Math.abs(y1 - y0)) };
}

type LoadState = { kind: "loading"; loaded: number; total: number | null } | { kind: "ready" } | { kind: "failed"; message: string };

export function PdfViewer({ fileUrl, label, initialPage = 1, query, regions, onRegion }: PdfViewerProps) {
  const containerRef = React.useRef<HTMLDivElement>(null);
  const viewerRef = React.useRef<HTMLDivElement>(null);
  const pdfViewer = React.useRef<PdfJsViewer | null>(null);
  const [doc, setDoc] = React.useState<PDFDocumentProxy | null>(null);
  const [load, setLoad] = React.useState<LoadState>({ kind: "loading", loaded: 0, total: null });
  const [page, setPage] = React.useState(initialPage);
  const [pageCount, setPageCount] = React.useState<number | null>(null);
  const [matches, setMatches] = React.useState<number | null>(null);
  const [copied, setCopied] = React.useState<string | null>(null);
  const terms = React.useMemo(() => highlightTerms(query ?? ""), [query]);
  const [rendered, setRendered] = React.useState(0);
  const drag = React.useRef<{ page: number; view: PageViewLike; x: number; y: number; box: HTMLDivElement } | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    let document: PDFDocumentProxy | null = null;
    (async () => {
      const { pdfjs, viewer: lib, worker } = await loadPdfJs();
      const container = containerRef.current;
      const viewerEl = viewerRef.current;
      if (cancelled || !container || !viewerEl) return;
      const eventBus = new lib.EventBus();
      const linkService = new lib.PDFLinkService({ eventBus });
      const findController = new lib.PDFFindController({ eventBus, linkService });
      const viewer = new lib.PDFViewer({ container, viewer: viewerEl, eventBus, linkService, findController, annotationMode: pdfjs.AnnotationMode.DISABLE });
      linkService.setViewer(viewer);
      pdfViewer.current = viewer;
      eventBus.on("pagechanging", (e: { pageNumber: number }) => setPage(e.pageNumber));
      // Region outlines live in the page elements pdf.js redraws: put them back after each render.
      eventBus.on("pagerendered", () => setRendered((n) => n + 1));
      eventBus.on("updatefindcontrolstate", (e: { matchesCount?: { total: number } }) => setMatches(e.matchesCount?.total ?? 0));
      eventBus.on("updatefindmatchescount", (e: { matchesCount: { total: number } }) => setMatches(e.matchesCount.total));
      eventBus.on("pagesinit", () => {
        viewer.currentScaleValue = "page-width";
        viewer.currentPageNumber = Math.min(Math.max(initialPage, 1), viewer.pagesCount);
        // The find controller starts at the current page, so the first match it scrolls to is
        // the hit's own.
        if (terms.length > 0)
          eventBus.dispatch("find", { source: null, type: "", query: terms, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: false, matchDiacritics: false });
      });
      // Our file route answers whole files (no Range), re-hashing them as it sends them.
      const task = pdfjs.getDocument({ url: fileUrl, worker, withCredentials: true, disableRange: true, disableStream: false, isEvalSupported: false, enableXfa: false });
      task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
        if (!cancelled) setLoad({ kind: "loading", loaded, total: total > 0 ? total : null });
      };
      try {
        document = await task.promise;
      } catch (error) {
        if (!cancelled) setLoad({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (cancelled) {
        void document.destroy();
        return;
      }
      viewer.setDocument(document);
      linkService.setDocument(document);
      setDoc(document);
      setPageCount(document.numPages);
      setLoad({ kind: "ready" });
    })().catch((error: unknown) => {
      if (!cancelled) setLoad({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      pdfViewer.current = null;
      void document?.destroy();
    };
  }, [fileUrl, initialPage, terms]);

  const goTo = React.useCallback((n: number) => {
    const viewer = pdfViewer.current;
    if (!viewer || viewer.pagesCount === 0) return;
    viewer.currentPageNumber = Math.min(Math.max(n, 1), viewer.pagesCount);
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const viewer = pdfViewer.current;
    if (!viewer) return;
    const step: Record<string, number> = { PageDown: 1, ArrowRight: 1, PageUp: -1, ArrowLeft: -1 };
    if (e.key in step) goTo(viewer.currentPageNumber + step[e.key]!);
    else if (e.key === "Home") goTo(1);
    else if (e.key === "End") goTo(viewer.pagesCount);
    else return;
    e.preventDefault();
  };

  // The page a selection starts on, when it lies in this viewer.
  const selectionInViewer = (): { text: string; page: number } | null => {
    const selection = window.getSelection();
    const text = selection?.toString().trim();
    const node = selection?.anchorNode;
    if (!text || !node || !containerRef.current?.contains(node)) return null;
    const element = node instanceof Element ? node : node.parentElement;
    const n = Number(element?.closest(".page")?.getAttribute("data-page-number"));
    return { text, page: Number.isInteger(n) && n > 0 ? n : page };
  };

  // Copied text carries its cite, ready to paste into a brief.
  const onCopy = (e: React.ClipboardEvent) => {
    const selected = selectionInViewer();
    if (!selected) return;
    e.clipboardData.setData("text/plain", `“${selected.text}” (${pinCite(label, selected.page)})`);
    e.preventDefault();
  };

  const copyPinCite = async () => {
    const selected = selectionInViewer();
    const cite = pinCite(label, selected?.page ?? page);
    const text = selected ? `“${selected.text}” (${cite})` : cite;
    setCopied((await writeClipboard(text)) ? cite : null);
  };

  // Outlines of the regions to redact, drawn into pdf.js's page elements.
  React.useEffect(() => {
    const viewer = pdfViewer.current;
    if (!viewer || !regions) return;
    const root = viewerRef.current;
    root?.querySelectorAll("[data-redaction-region]").forEach((el) => el.remove());
    regions.forEach((region, i) => {
      const view = viewer.getPageView(region.page - 1) as PageViewLike | undefined;
      if (!view?.div) return;
      const [a, b, c, d] = view.viewport.convertToViewportRectangle([region.x, region.y, region.x + region.width, region.y + region.height]) as [number, number, number, number];
      const el = document.createElement("div");
      el.dataset.redactionRegion = String(i + 1);
      el.title = region.label;
      el.className = "pointer-events-none absolute z-10 border-2 border-destructive bg-foreground/60";
      Object.assign(el.style, { left: `${Math.min(a, c)}px`, top: `${Math.min(b, d)}px`, width: `${Math.abs(c - a)}px`, height: `${Math.abs(d - b)}px` });
      view.div.appendChild(el);
    });
  }, [regions, rendered, doc]);

  const pageAt = (target: EventTarget | null): { page: number; view: PageViewLike } | null => {
    const viewer = pdfViewer.current;
    const el = target instanceof Element ? target.closest(".page") : null;
    const n = Number(el?.getAttribute("data-page-number"));
    if (!viewer || !Number.isInteger(n) || n < 1) return null;
    const view = viewer.getPageView(n - 1) as PageViewLike | undefined;
    return view ? { page: n, view } : null;
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (!onRegion || e.button !== 0) return;
    const at = pageAt(e.target);
    if (!at) return;
    e.preventDefault();
    const box = document.createElement("div");
    box.className = "pointer-events-none absolute z-20 border-2 border-dashed border-destructive";
    at.view.div.appendChild(box);
    drag.current = { ...at, x: e.clientX, y: e.clientY, box };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const page = d.view.div.getBoundingClientRect();
    Object.assign(d.box.style, {
      left: `${Math.min(d.x, e.clientX) - page.left}px`,
      top: `${Math.min(d.y, e.clientY) - page.top}px`,
      width: `${Math.abs(e.clientX - d.x)}px`,
      height: `${Math.abs(e.clientY - d.y)}px`,
    });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    d.box.remove();
    // A click, not a drag: nothing to mark.
    if (Math.abs(e.clientX - d.x) < 4 || Math.abs(e.clientY - d.y) < 4) return;
    onRegion?.(toRegion(d.view, d.page, { left: Math.min(d.x, e.clientX), top: Math.min(d.y, e.clientY), right: Math.max(d.x, e.clientX), bottom: Math.max(d.y, e.clientY) }));
  };

  // The keyboard way: select text (Shift + arrows after a click, or the mouse), then mark it.
  const [selectionNote, setSelectionNote] = React.useState<string | null>(null);
  // Dragging draws a region; switched off, it selects text as usual (to mark it, or copy it).
  const [drawing, setDrawing] = React.useState(true);
  const draws = Boolean(onRegion) && drawing;
  const markSelection = () => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !containerRef.current?.contains(selection.anchorNode)) {
      setSelectionNote("Select some text on the page first.");
      return;
    }
    const byPage = new Map<number, { view: PageViewLike; left: number; top: number; right: number; bottom: number }>();
    for (const rect of selection.getRangeAt(0).getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      const at = pageAt(hit);
      if (!at) continue;
      const seen = byPage.get(at.page);
      byPage.set(at.page, seen ? { ...seen, left: Math.min(seen.left, rect.left), top: Math.min(seen.top, rect.top), right: Math.max(seen.right, rect.right), bottom: Math.max(seen.bottom, rect.bottom) } : { view: at.view, left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    }
    if (byPage.size === 0) {
      setSelectionNote("Select some text on the page first.");
      return;
    }
    for (const [n, r] of byPage) onRegion?.(toRegion(r.view, n, r));
    selection.removeAllRanges();
    setSelectionNote(`Marked the selection on ${byPage.size === 1 ? `page ${[...byPage.keys()][0]}` : `${byPage.size} pages`}.`);
  };

  React.useEffect(() => {
    if (!copied) return;
    const t = window.setTimeout(() => setCopied(null), 2500);
    return () => window.clearTimeout(t);
  }, [copied]);

  return (
    <div className="flex flex-col gap-2" data-testid="pdf-viewer" data-state={load.kind} data-page={page} data-matches={matches ?? undefined}>
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={`${label} pages`}>
        <Button type="button" variant="outline" size="sm" onClick={() => goTo(page - 1)} disabled={load.kind !== "ready" || page <= 1} aria-label="Previous page">
          <ChevronLeft aria-hidden />
        </Button>
        <span className="text-sm tabular-nums" aria-live="polite" data-testid="viewer-page-indicator">
          Page {page} of {pageCount ?? "…"}
        </span>
        <Button type="button" variant="outline" size="sm" onClick={() => goTo(page + 1)} disabled={load.kind !== "ready" || (pageCount !== null && page >= pageCount)} aria-label="Next page">
          <ChevronRight aria-hidden />
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={copyPinCite} disabled={load.kind !== "ready"}>
          <Quote aria-hidden /> Copy pin cite
        </Button>
        {onRegion && (
          <Button type="button" variant={drawing ? "default" : "outline"} size="sm" aria-pressed={drawing} onClick={() => setDrawing((d) => !d)}>
            Draw regions
          </Button>
        )}
        {onRegion && (
          <Button type="button" variant="outline" size="sm" onClick={markSelection} disabled={load.kind !== "ready"}>
            <SquareDashedMousePointer aria-hidden /> Mark the selected text
          </Button>
        )}
        <span className="text-sm text-muted-foreground" role="status">
          {selectionNote ? selectionNote : copied ? `Copied ${copied}` : terms.length > 0 && matches !== null ? `${matches} ${matches === 1 ? "match" : "matches"} for ${query}` : ""}
        </span>
      </div>
      {load.kind === "loading" && (
        <Progress
          label="Loading the PDF"
          value={load.total ? load.loaded : null}
          max={load.total ?? 100}
          valueText={load.total ? `${Math.round(load.loaded / 1024).toLocaleString("en-US")} of ${Math.round(load.total / 1024).toLocaleString("en-US")} KiB` : undefined}
        />
      )}
      {load.kind === "failed" && (
        <Alert variant="destructive">
          <AlertDescription>The PDF could not be shown ({load.message}). Download the original to open it.</AlertDescription>
        </Alert>
      )}
      <div className="flex h-[40rem] gap-2">
        {doc && <Thumbnails doc={doc} current={page} onSelect={goTo} />}
        <div className="relative min-w-0 flex-1 rounded-md border bg-muted">
          <div
            ref={containerRef}
            tabIndex={0}
            role="region"
            aria-label={`${label}, page ${page} of ${pageCount ?? "…"}. Page Up and Page Down or the arrow keys change pages.`}
            onKeyDown={onKeyDown}
            onCopy={onCopy}
            onPointerDown={draws ? onPointerDown : undefined}
            onPointerMove={draws ? onPointerMove : undefined}
            onPointerUp={draws ? onPointerUp : undefined}
            className={`absolute inset-0 overflow-auto rounded-md ${draws ? "cursor-crosshair" : ""}`}
            data-testid="pdf-pages"
          >
            <div ref={viewerRef} className="pdfViewer" />
          </div>
        </div>
      </div>
    </div>
  );
}

// Page thumbnails, each drawn only once it scrolls into view.
function Thumbnails({ doc, current, onSelect }: { doc: PDFDocumentProxy; current: number; onSelect: (page: number) => void }) {
  const listRef = React.useRef<HTMLOListElement>(null);
  React.useEffect(() => {
    listRef.current?.querySelector(`[data-thumbnail="${current}"]`)?.scrollIntoView({ block: "nearest" });
  }, [current]);
  return (
    <nav aria-label="Page thumbnails" className="w-28 shrink-0 overflow-y-auto rounded-md border p-1">
      <ol ref={listRef} className="flex flex-col gap-2">
        {Array.from({ length: doc.numPages }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            <button
              type="button"
              data-thumbnail={n}
              aria-current={n === current ? "page" : undefined}
              aria-label={`Page ${n}`}
              onClick={() => onSelect(n)}
              className={`block w-full rounded-sm border-2 p-0.5 text-center text-xs ${n === current ? "border-primary" : "border-transparent"}`}
            >
              <Thumbnail doc={doc} page={n} />
              <span aria-hidden>{n}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Thumbnail({ doc, page }: { doc: PDFDocumentProxy; page: number }) {
  const canvasRef = React.useRef<HTMLCanvasElement>(null);
  React.useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    const observer = new IntersectionObserver(async (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const pdfPage = await doc.getPage(page);
      if (cancelled) return;
      const viewport = pdfPage.getViewport({ scale: 1 });
      const scaled = pdfPage.getViewport({ scale: (96 * (window.devicePixelRatio || 1)) / viewport.width });
      canvas.width = Math.floor(scaled.width);
      canvas.height = Math.floor(scaled.height);
      const render = pdfPage.render({ canvas, viewport: scaled });
      task = render;
      await render.promise.catch(() => undefined);
    });
    observer.observe(canvas);
    return () => {
      cancelled = true;
      observer.disconnect();
      task?.cancel();
    };
  }, [doc, page]);
  return <canvas ref={canvasRef} className="mx-auto block aspect-[8.5/11] w-full bg-white" />;
}
