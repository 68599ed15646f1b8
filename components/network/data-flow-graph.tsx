"use client";

import "@xyflow/react/dist/style.css";
import dagre from "@dagrejs/dagre";
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import { Download } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { describeDetectedCategories, type DetectedCategory } from "@/lib/analyzer/categories";

type GraphSdk = { sdk: string; organisation: string; classCount: number; exhibitLabel: string };
export type GraphNode = { id: string; kind: "app" | "sdk" | "host" | "organisation" | "country"; label: string; observations: number; hosts: string[]; sdk?: GraphSdk };
export type GraphEdge = {
  id: string;
  source: string;
  target: string;
  kind: "request" | "embeds" | "inferred";
  observations: number;
  categories: DetectedCategory[];
  hosts: string[];
  sdk?: GraphSdk;
  inference?: { basis: string };
};
// Where a node or an edge comes from, besides the requests to its hosts (an APK analysis, a KB fact).
export type GraphEvidence = Record<string, { label: string; href: string }[]>;

const NODE_WIDTH = 200;
const NODE_HEIGHT = 48;
const KIND_LABELS: Record<GraphNode["kind"], string> = { app: "App", sdk: "SDK in package", host: "Host", organisation: "Organisation", country: "Country" };
// Fill per column, drawn the same on screen and in the exported SVG (exports leave the page's CSS behind).
const KIND_FILL: Record<GraphNode["kind"], string> = { app: "#eef2ff", sdk: "#fdf2f8", host: "#f8fafc", organisation: "#fefce8", country: "#f0fdf4" };

// A node's small caption: requests for traffic, classes for an SDK found in a package's code.
function caption(n: GraphNode): string {
  return n.sdk ? `${KIND_LABELS.sdk} · ${n.sdk.classCount} classes` : `${KIND_LABELS[n.kind]} · ${n.observations}`;
}

// Requests and what they carried; an SDK's presence in a package; or the KB inference, said as such.
function edgeLabel(e: GraphEdge): string {
  if (e.kind === "embeds") return `code in ${e.sdk?.exhibitLabel ?? "the package"} (${e.sdk?.classCount ?? 0} classes)`;
  if (e.kind === "inferred") return e.inference?.basis ?? "inferred";
  return `${e.observations} · ${categoryList(e.categories)}`;
}

const DASH: Record<GraphEdge["kind"], string | undefined> = { request: undefined, embeds: "2 4", inferred: "6 4" };

const categoryList = describeDetectedCategories;

// Left-to-right layers: app, SDK, host, organisation, country. Dagre places them; the positions also
// draw the export, so the picture in a brief is the one on screen.
function layout(nodes: GraphNode[], edges: GraphEdge[]) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 16, ranksep: 200, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const positions = new Map(nodes.map((n) => {
    const p = g.node(n.id);
    return [n.id, { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 }] as const;
  }));
  const graph = g.graph();
  return { positions, width: (graph.width ?? 0) + 32, height: (graph.height ?? 0) + 32 };
}

function strokeWidth(observations: number, max: number) {
  return 1 + Math.round((5 * observations) / Math.max(max, 1));
}

function escapeXml(s: string) {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function toSvg(nodes: GraphNode[], edges: GraphEdge[], laid: ReturnType<typeof layout>, title: string): string {
  const max = Math.max(...edges.map((e) => e.observations), 1);
  const parts: string[] = [];
  for (const e of edges) {
    const s = laid.positions.get(e.source)!;
    const t = laid.positions.get(e.target)!;
    const x1 = s.x + NODE_WIDTH, y1 = s.y + NODE_HEIGHT / 2, x2 = t.x, y2 = t.y + NODE_HEIGHT / 2;
    const mx = (x1 + x2) / 2;
    const dash = DASH[e.kind] ? ` stroke-dasharray="${DASH[e.kind]}"` : "";
    const width = e.kind === "request" ? strokeWidth(e.observations, max) : 1;
    parts.push(`<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none" stroke="#64748b" stroke-width="${width}"${dash} marker-end="url(#arrow)"/>`);
    parts.push(`<text x="${mx}" y="${(y1 + y2) / 2 - 4}" font-size="10" text-anchor="middle" fill="#334155">${escapeXml(edgeLabel(e))}</text>`);
  }
  for (const n of nodes) {
    const p = laid.positions.get(n.id)!;
    parts.push(`<rect x="${p.x}" y="${p.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6" fill="${KIND_FILL[n.kind]}" stroke="#94a3b8"/>`);
    parts.push(`<text x="${p.x + 8}" y="${p.y + 18}" font-size="10" fill="#64748b">${escapeXml(caption(n))}</text>`);
    parts.push(`<text x="${p.x + 8}" y="${p.y + 36}" font-size="12" font-weight="600" fill="#0f172a">${escapeXml(n.label.length > 30 ? `${n.label.slice(0, 29)}…` : n.label)}</text>`);
  }
  const h = laid.height + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${laid.width}" height="${h}" viewBox="0 0 ${laid.width} ${h}" font-family="Helvetica, Arial, sans-serif">
<title>${escapeXml(title)}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
<g transform="translate(0,24)">${parts.join("\n")}</g>
<text x="16" y="16" font-size="12" fill="#0f172a">${escapeXml(title)}</text>
</svg>`;
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2; // sharp enough to print
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function DataFlowGraph({
  nodes,
  edges,
  title,
  hostHref,
  evidence = {},
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  title: string;
  hostHref: Record<string, string>;
  evidence?: GraphEvidence;
}) {
  const laid = useMemo(() => layout(nodes, edges), [nodes, edges]);
  const [selected, setSelected] = useState<{ label: string; hosts: string[]; evidence: { label: string; href: string }[] } | null>(null);
  const max = Math.max(...edges.filter((e) => e.kind === "request").map((e) => e.observations), 1);
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const flowNodes: Node[] = nodes.map((n) => ({
    id: n.id,
    position: laid.positions.get(n.id)!,
    data: {
      label: (
        <div className="text-left">
          <div className="text-xs text-muted-foreground">{caption(n)}</div>
          <div className="truncate text-sm font-semibold">{n.label}</div>
        </div>
      ),
    },
    sourcePosition: "right" as Node["sourcePosition"],
    targetPosition: "left" as Node["targetPosition"],
    type: n.kind === "app" ? "input" : n.kind === "country" ? "output" : "default",
    style: { width: NODE_WIDTH, height: NODE_HEIGHT, padding: "4px 8px", background: KIND_FILL[n.kind], cursor: "pointer" },
    ariaLabel: n.sdk ? `${KIND_LABELS.sdk} ${n.label} (${n.sdk.organisation}), ${n.sdk.classCount} classes` : `${KIND_LABELS[n.kind]} ${n.label}, ${n.observations} observations`,
  }));
  const flowEdges: Edge[] = edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: edgeLabel(e),
    labelStyle: { fontSize: 10 },
    style: { strokeWidth: e.kind === "request" ? strokeWidth(e.observations, max) : 1, strokeDasharray: DASH[e.kind], cursor: "pointer" },
    markerEnd: { type: MarkerType.ArrowClosed },
  }));
  const byId = new Map<string, { label: string; hosts: string[]; evidence: { label: string; href: string }[] }>([
    ...nodes.map((n) => [n.id, { label: `${KIND_LABELS[n.kind]} ${n.label}`, hosts: n.hosts, evidence: evidence[n.id] ?? [] }] as const),
    ...edges.map(
      (e) =>
        [
          e.id,
          { label: `${labelOf.get(e.source) ?? e.source} → ${labelOf.get(e.target) ?? e.target}${e.kind === "inferred" ? ` (${edgeLabel(e)})` : ""}`, hosts: e.hosts, evidence: evidence[e.id] ?? [] },
        ] as const,
    ),
  ]);
  const exportSvg = () => download(new Blob([toSvg(nodes, edges, laid, title)], { type: "image/svg+xml" }), "data-flows.svg");
  const exportPng = async () => download(await svgToPng(toSvg(nodes, edges, laid, title), laid.width, laid.height + 24), "data-flows.png");

  return (
    <div>
      <div className="mb-2 flex flex-wrap gap-2" data-print="hide">
        <Button type="button" variant="outline" size="sm" onClick={exportSvg}>
          <Download aria-hidden /> Export SVG
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={() => void exportPng()}>
          <Download aria-hidden /> Export PNG
        </Button>
      </div>
      {/* The picture is for sighted mouse users; the table of flows below says the same for everyone. */}
      <div className="h-[32rem] rounded-md border border-border bg-background" data-testid="data-flow-canvas" role="region" aria-label="Data-flow picture (the table of flows below lists the same)">
        <ReactFlow
          nodes={flowNodes}
          edges={flowEdges}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          onNodeClick={(_, n) => setSelected(byId.get(n.id) ?? null)}
          onEdgeClick={(_, e) => setSelected(byId.get(e.id) ?? null)}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      {selected && (
        <p className="mt-2 text-sm" data-testid="data-flow-selection" role="status">
          <span className="font-medium">{selected.label}</span>
          {selected.hosts.length > 0 && ": observations for "}
          {selected.hosts.map((h, i) => (
            <span key={h}>
              {i > 0 && ", "}
              <a className="underline" href={hostHref[h]}>
                {h}
              </a>
            </span>
          ))}
          {selected.evidence.map((link) => (
            <span key={link.href + link.label}>
              {"; "}
              <a className="underline" href={link.href}>
                {link.label}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
