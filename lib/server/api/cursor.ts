import "server-only";
import { AppError } from "@/lib/app-error";

// Keyset pagination: the cursor is the sort key of the last row a page returned, so a page is
// one index range scan however deep the client reads, and rows added meanwhile are not skipped
// or repeated the way OFFSET pages would.
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<K extends readonly ("string" | "number")[]>(cursor: string | undefined, shape: K): { [I in keyof K]: K[I] extends "number" ? number : string } | null {
  if (cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) {
    throw AppError.validation({ cursor: ["cursor is not one this API gave out"] });
  }
  return key as { [I in keyof K]: K[I] extends "number" ? number : string };
}
