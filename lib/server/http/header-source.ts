// Anything with get(name): web Headers, or a Node request's headers through a small adapter.
// (No next/* or server-only import: the production web server's lean paths load this before Next.js.)
export type HeaderSource = { get(name: string): string | null | undefined };

export function nodeHeaders(headers: Record<string, string | string[] | undefined>): HeaderSource {
  return { get: (name) => firstHeader(headers[name.toLowerCase()]) };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
