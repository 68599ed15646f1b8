import { Badge } from "@/components/ui/badge";
import { Mono } from "@/components/ui/mono";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// The OpenAPI document (lib/api/openapi.ts) as a page people read: one section per operation,
// grouped by path, with its parameters, body and answers. Schemas are shown as the JSON Schema
// the document carries, folded, so the page stays scannable.

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Json };
type Operation = { summary?: string; description?: string; operationId?: string; security?: unknown[]; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Json }> }; responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }>; headers?: Json }> };
export type OpenApiDoc = { info: { title: string; description?: string }; paths: Record<string, Record<string, Operation>> };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_VARIANT = { get: "info", post: "warning", put: "warning", patch: "warning", delete: "unsupported" } as const;

export const operationAnchor = (method: string, path: string) => `${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "")}`;

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  if (typeof schema.type === "string") {
    const limits = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : null, schema.maximum !== undefined ? `≤ ${schema.maximum}` : null, schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : null].filter(Boolean);
    return limits.length ? `${schema.type} (${limits.join(", ")})` : String(schema.type);
  }
  return Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf) ? "one of several" : "";
}

function SchemaBlock({ label, schema }: { label: string; schema: Json | undefined }) {
  if (!schema) return null;
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">{label}</summary>
      <pre className="max-h-96 overflow-auto border-t border-border bg-subtle p-3 font-mono text-xs">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function OperationSection({ method, path, op }: { method: (typeof METHODS)[number]; path: string; op: Operation }) {
  const params = op.parameters ?? [];
  const body = op.requestBody?.content ? Object.entries(op.requestBody.content)[0] : undefined;
  return (
    <section id={operationAnchor(method, path)} aria-labelledby={`${operationAnchor(method, path)}-h`} className="flex scroll-mt-4 flex-col gap-3 border-t border-border pt-4">
      <h3 id={`${operationAnchor(method, path)}-h`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <Badge variant={METHOD_VARIANT[method]}>{method.toUpperCase()}</Badge>
        <Mono>{path}</Mono>
        {op.security && op.security.length === 0 && <Badge variant="outline">Public</Badge>}
      </h3>
      {op.summary && <p className="text-sm">{op.summary}</p>}
      {op.description && <p className="text-sm text-muted-foreground">{op.description}</p>}
      {params.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Parameter</TableHead>
              <TableHead>In</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Required</TableHead>
              <TableHead>Description</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {params.map((p) => (
              <TableRow key={`${p.in}-${p.name}`}>
                <TableCell>
                  <Mono>{p.name}</Mono>
                </TableCell>
                <TableCell>{p.in}</TableCell>
                <TableCell className="max-w-64 break-words font-mono text-xs">{typeOf(p.schema)}</TableCell>
                <TableCell>{p.required ? "Yes" : "No"}</TableCell>
                <TableCell className="text-sm">{p.description ?? (typeof p.schema?.description === "string" ? p.schema.description : "")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {body && <SchemaBlock label={`Request body (${body[0]})`} schema={body[1].schema ?? { type: "string", format: "binary" }} />}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Status</TableHead>
            <TableHead>Meaning</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {Object.entries(op.responses ?? {}).map(([status, r]) => (
            <TableRow key={status}>
              <TableCell>
                <Mono>{status}</Mono>
              </TableCell>
              <TableCell className="text-sm">
                {r.description}
                {r.headers && " Carries an ETag."}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {Object.entries(op.responses ?? {})
        .filter(([status, r]) => status.startsWith("2") && r.content?.["application/json"]?.schema)
        .slice(0, 1)
        .map(([status, r]) => (
          <SchemaBlock key={status} label={`Answer (${status}, JSON)`} schema={r.content!["application/json"]!.schema} />
        ))}
    </section>
  );
}

export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })));
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Endpoints" className="rounded-md border border-border p-3">
        <h2 className="mb-2 text-sm font-semibold">Endpoints</h2>
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {operations.map(({ path, method, op }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${operationAnchor(method, path)}`} className="text-primary underline">
                <span className="font-mono text-xs">{method.toUpperCase()}</span> {op.summary ?? path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <OperationSection key={`${method} ${path}`} method={method} path={path} op={op} />
      ))}
    </div>
  );
}
