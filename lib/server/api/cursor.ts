import "server-only";
import { AppError } from "@/lib/app-error";
import { isUuid } from "@/lib/server/auth/policy";

// Keyset pagination: the cursor is the sort key of the last row a page returned, so a page is
// one index range scan however deep the client reads, and rows added meanwhile are not skipped
// or repeated the way OFFSET pages would.
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

// What a cursor's parts may be: an int4 sort key (an exhibit number, a paragraph's sort key) or a
// row's UUID. A cursor edited by hand must not reach PostgreSQL as a value its column cannot hold.
type CursorPart = "int" | "uuid";
const INT4_MAX = 2_147_483_647;
const fits: Record<CursorPart, (v: unknown) => boolean> = {
  int: (v) => typeof v === "number" && Number.isSafeInteger(v) && Math.abs(v) <= INT4_MAX,
  uuid: (v) => typeof v === "string" && isUuid(v),
};

export function decodeCursor<K extends readonly CursorPart[]>(cursor: string | undefined, shape: K): { [I in keyof K]: K[I] extends "int" ? number : string } | null {
  if (cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => !fits[shape[i]!](v))) {
    throw AppError.validation({ cursor: ["cursor is not one this API gave out"] });
  }
  return key as { [I in keyof K]: K[I] extends "int" ? number : string };
}
