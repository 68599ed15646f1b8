import { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

// A page's query string is typed by anyone (or mangled by a mail client), so it never fails a
// page: each parameter that does not parse is dropped and the page shows its default for it.
// A repeated parameter counts by its first value; NUL bytes (never meaningful in a query, and
// refused by PostgreSQL) are stripped before parsing.
export function parseSearchParams<S extends z.ZodObject>(schema: S, raw: RawSearchParams): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    const first = Array.isArray(value) ? value[0] : value;
    const cleaned = first?.replaceAll("\0", "");
    const parsed = field.safeParse(cleaned === "" ? undefined : cleaned);
    const fallback = parsed.success ? parsed : field.safeParse(undefined);
    if (fallback.success && fallback.data !== undefined) out[key] = fallback.data;
  }
  return out as z.output<S>;
}
